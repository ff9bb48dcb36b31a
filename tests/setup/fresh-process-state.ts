/**
 * Module test files run one after another in a worker that keeps its modules (`isolate: false` for the unit
 * projects in vitest.config.ts, issue 16: importing them again for every file was about 40 % of those projects'
 * CPU). What Plenum keeps for the whole process on globalThis is emptied before each file, so that every file
 * starts as it would in a fresh process: no database or settings of the file before, no cached installation
 * look, round keys, leases or metric sources.
 */
const held = globalThis as unknown as Record<string | symbol, unknown>;
for (const key of Object.getOwnPropertySymbols(globalThis)) {
  if (!key.description?.startsWith('plenum.')) continue;
  const value = held[key];
  // A module that keeps a Map there holds it itself as well: empty it rather than forget it.
  if (value instanceof Map) value.clear();
  else delete held[key];
}
// The metrics' registry stays (its counters only add up); where they read live figures from does not.
const sources = held.__plenumMetricSources as Record<string, unknown> | undefined;
for (const name of Object.keys(sources ?? {})) delete sources![name];
