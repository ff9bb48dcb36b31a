import { describe, expect, it } from 'vitest';
import { docToPlainText } from './document.ts';
import { markdownToDoc, MarkdownTooDeepError, MAX_PARSED_NESTING } from './markdown.server.ts';

/**
 * The CPU time of one `run`, in ms: the best of a few rounds (other processes share the machine), each round
 * repeating `run` for at least ~40 ms. The kernel counts a process's CPU time in ticks of a few ms: a single run of
 * a millisecond read as nothing or as a whole tick, and the ratios below then swung past their bounds.
 */
function cpuMs(run: () => unknown, rounds = 4) {
  const t0 = performance.now();
  run();
  const reps = Math.max(1, Math.min(200, Math.ceil(40 / Math.max(performance.now() - t0, 0.05))));
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage();
    for (let r = 0; r < reps; r++) run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000 / reps);
  }
  return best;
}

const ordinary =
  'Je pense que cet amendement **améliore** le texte, car il [précise](https://example.org) le calendrier. ';
/** Texts that made the previous parser's cost grow with the square of their length (issue 15, item 5). */
const hostile: Record<string, (chars: number) => string> = {
  'unmatched emphasis': (n) => '*a '.repeat(n / 3),
  'unmatched underscores': (n) => '_a '.repeat(n / 3),
  'interleaved emphasis': (n) => '*a **b '.repeat(n / 7),
  'unmatched strikethrough': (n) => '~~a '.repeat(n / 4),
  'open brackets': (n) => '['.repeat(n),
  'unclosed links': (n) => '[a]('.repeat(n / 4),
  backticks: (n) => '`a'.repeat(n / 2),
  'a long list': (n) => '- a\n'.repeat(n / 4),
  'a long numbered list': (n) => '1. a\n'.repeat(n / 4),
  'many blank lines': (n) => 'a\n\n'.repeat(n / 3),
};

describe('Markdown written by members', () => {
  it('keeps bold, italic, safe links, lists and quotes', () => {
    const doc = markdownToDoc(
      '**Oui**, _mais_ [voir](https://example.org) et [non](javascript:alert(1))\n\n- un\n- deux\n\n> cité',
    );
    expect(doc?.content.map((b) => b.type)).toEqual(['paragraph', 'bulletList', 'blockquote']);
    const json = JSON.stringify(doc);
    expect(json).toContain('{"type":"text","text":"Oui","marks":[{"type":"bold"}]}');
    expect(json).toContain('{"type":"text","text":"mais","marks":[{"type":"italic"}]}');
    expect(json).toContain('"href":"https://example.org"');
    expect(json).not.toContain('javascript:');
    expect(docToPlainText(doc!)).toContain('non');
  });

  // Seconds of CPU measured on purpose (ten texts, two sizes, best of twelve rounds each): 18 s alone on a slower
  // 2-core machine, 25 s there under CI's load, past the default 20 s.
  it('costs time in proportion to the text, whatever the text', { timeout: 90_000 }, () => {
    for (const [name, text] of Object.entries(hostile)) {
      // Eight short texts against one eight times as long: the same characters, and about as much memory
      // allocated and collected, so a linear parser costs about the same (ratio near 1) and a quadratic one eight
      // times more. (Comparing one short text with one long one measured the garbage collector as much as the
      // parser: the short run often escaped a collection the long one could not, which read as 12x on CI.)
      // Each the best of three: what a shared machine adds to a measure only makes it longer, so the least of
      // several is the parser's own cost (one measure of the long text once read 3.2 on a busy CI machine).
      const best = (run: () => void) => Math.min(cpuMs(run), cpuMs(run), cpuMs(run));
      const short = text(2_500);
      const eightShort = best(() => {
        for (let i = 0; i < 8; i++) markdownToDoc(short);
      });
      const long = best(() => markdownToDoc(text(20_000)));
      expect(long / eightShort, name).toBeLessThan(3);
    }
  });

  it('costs a hostile 5 KB comment no more than a few ordinary ones', () => {
    const normal = cpuMs(() => markdownToDoc(ordinary.repeat(45)));
    // A list of 1,250 items is ten times the structure of prose and costs about ten times as much; the texts the
    // previous parser went quadratic on cost it 20 to 300 times an ordinary comment. The bound leaves room for a
    // shared machine's noise (CPU time, best of four rounds; the list once read 27 under CI's load, with 20 as the
    // bound): this test catches a parser gone far wrong, the growth test above is the sharper guard.
    for (const [name, text] of Object.entries(hostile)) {
      expect(cpuMs(() => markdownToDoc(text(5_000))) / normal, name).toBeLessThan(40);
    }
  });

  it(`flattens lists and quotes nested a little deep, and refuses more than ${MAX_PARSED_NESTING} levels`, () => {
    const nested = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(docToPlainText(markdownToDoc(nested(20))!)).toContain('level 19');
    expect(docToPlainText(markdownToDoc('> '.repeat(MAX_PARSED_NESTING) + 'x')!)).toBe('x');
    for (const deep of ['>'.repeat(5_000) + ' x', '> '.repeat(MAX_PARSED_NESTING + 1) + 'x', nested(1_000)]) {
      expect(() => markdownToDoc(deep)).toThrow(MarkdownTooDeepError);
    }
  });
});
