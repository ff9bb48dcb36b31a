/**
 * Names for the statements Plenum sends to PostgreSQL (ADR 0050). A named statement is parsed and planned once per
 * connection, then only bound and run; an unnamed one is parsed, analysed and planned again at every run, which
 * was 40% of PostgreSQL's CPU under bench:movement (perf: base_yyparse, pg_analyze_and_rewrite, the planner).
 *
 * Each distinct text gets its own name, for the life of the process: a connection never sees one name for two
 * texts. Past `max` texts, new ones go unnamed: a statement whose text varies without end (an IN list of every
 * length) must not fill every connection of the database server with plans kept for ever.
 */
export const MAX_NAMED_STATEMENTS = 500;

export function statementNames(max = MAX_NAMED_STATEMENTS): (text: string) => string {
  const names = new Map<string, string>();
  return (text) => {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= max) return ''; // unnamed: node-postgres parses it afresh, as before
    const name = `plenum_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
}
