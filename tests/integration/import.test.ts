import { describe, expect, it } from 'vitest';
import { docToPlainText } from '../../app/rich-text/document.ts';
import {
  type ImportError,
  IMPORT_MAX_OUTLINE_CHARS,
  previewImport,
  previewMarkdown,
} from '../../app/modules/programs/import.server.ts';
import { checkDocx, DOCX_MAX_UNPACKED_BYTES } from '../../app/modules/programs/docx.server.ts';
import { buildDocx, docxBomb, lieAboutSize } from '../factories/docx.ts';

const outlineOf = (preview: Awaited<ReturnType<typeof previewImport>>) =>
  preview.outline.chapters.map((c) => [c.title, ...c.sections.map((s) => `${s.title}: ${docToPlainText(s.content)}`)]);

describe('importing Markdown', () => {
  it('splits at the two highest heading levels and keeps deeper headings inside the sections', () => {
    const preview = previewMarkdown(
      [
        '# Démocratie',
        '## Le RIC',
        'Un **référendum** d’initiative citoyenne.',
        '### Comment',
        '- 500 000 signatures',
        '- un vote dans l’année',
        '# Écologie',
        'Notre horizon.',
        '## L’eau',
        '> Un bien commun.',
      ].join('\n\n'),
      'programme',
      'fr',
    );
    expect(outlineOf(preview)).toEqual([
      ['Démocratie', expect.stringMatching(/^Le RIC: Un référendum d’initiative citoyenne.\s*Comment\s*500 000/)],
      ['Écologie', 'Introduction: Notre horizon.', 'L’eau: Un bien commun.'],
    ]);
    const ric = preview.outline.chapters[0]!.sections[0]!.content;
    expect(ric.content.map((b) => b.type)).toEqual(['paragraph', 'heading', 'bulletList']);
    expect(ric.content[1]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(JSON.stringify(ric)).toContain('"marks":[{"type":"bold"}]');
    expect(preview.warnings).toEqual([]);
  });

  it('says what it left out or changed, and keeps no unsafe link', () => {
    const preview = previewMarkdown(
      [
        'Avant tout titre.',
        '## Section',
        '[sûr](https://example.org) et [piège](javascript:alert(1)) et ~~barré~~',
        '| a | b |\n|---|---|\n| 1 | 2 |',
        '![photo](https://example.org/x.png)',
        '---',
        '```\nligne 1\nligne 2\n```',
        '<script>alert(1)</script>',
      ].join('\n\n'),
      'programme',
      'en',
    );
    expect(preview.outline.chapters.map((c) => c.title)).toEqual(['programme']);
    const text = JSON.stringify(preview.outline);
    expect(text).toContain('https://example.org');
    expect(text).not.toContain('javascript:');
    // Raw HTML stays visible text: it is never markup in Plenum.
    expect(docToPlainText(preview.outline.chapters[0]!.sections[1]!.content)).toContain('<script>alert(1)</script>');
    // A table keeps its words, one list item per row.
    expect(docToPlainText(preview.outline.chapters[0]!.sections[1]!.content)).toContain('a — b\n1 — 2');
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        { key: 'import.warnings.oneLevel' },
        { key: 'import.warnings.tableAsList', count: 1, where: ['programme › Section'] },
        { key: 'import.warnings.image', count: 1, where: ['“photo”, in programme › Section'] },
        { key: 'import.warnings.rule', count: 1 },
        { key: 'import.warnings.code', count: 1 },
        { key: 'import.warnings.link', count: 1 },
        { key: 'import.warnings.format', count: 1 },
      ]),
    );
  });

  it('refuses a file without headings, an empty one, a binary one and an unknown format, with a reason', async () => {
    const file = (name: string, text: string | Uint8Array) => ({
      name,
      bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
    });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: ImportError) => e.key,
      );
    expect(await refusal(previewImport(file('p.md', 'Just a paragraph.'), 'en'))).toBe('import.errors.noHeadings');
    expect(await refusal(previewImport(file('p.md', ''), 'en'))).toBe('import.errors.empty');
    expect(await refusal(previewImport(file('p.md', new Uint8Array([0, 159, 146, 150, 0])), 'en'))).toBe(
      'import.errors.notText',
    );
    expect(await refusal(previewImport(file('p.pdf', '%PDF-1.7'), 'en'))).toBe('import.errors.format');
    expect(await refusal(previewImport(file('p.docx', 'not a zip'), 'en'))).toBe('import.errors.docx');
    // Nesting thousands deep is flattened or refused as unreadable: never a crash.
    const deep = await previewImport(file('deep.md', `# A\n\n## B\n\n${'> '.repeat(5000)}x`), 'en').catch(
      (e: ImportError) => e.key,
    );
    expect(typeof deep === 'string' ? deep : docToPlainText(deep.outline.chapters[0]!.sections[0]!.content)).toMatch(
      /^import\.errors\.tooDeep$/,
    );
  });
});

describe('importing a long file', () => {
  /** A program of `n` sections, each with a paragraph and a numbered list, as movements write them. */
  const program = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${i % 20 === 0 ? `# Chapitre ${i / 20 + 1}\n\n` : ''}## Section ${i}\n\n` +
        `Un paragraphe **assez** ordinaire, avec un [lien](https://example.org).\n\n1. un\n2. deux\n`,
    ).join('\n');
  const cpuMs = (run: () => unknown) => {
    run();
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };

  it('refuses Markdown longer than any outline may be before parsing it', async () => {
    // A few thousand pages: too long for one import, said before the file is even parsed.
    const long = `# A\n\n## B\n\n${'Une phrase du programme, encore une. '.repeat(60_000)}`;
    expect(long.length).toBeGreaterThan(IMPORT_MAX_OUTLINE_CHARS);
    const refused = await previewImport({ name: 'long.md', bytes: new TextEncoder().encode(long) }, 'fr').catch(
      (e: ImportError) => e.key,
    );
    expect(refused).toBe('import.errors.tooLong');
  });

  it('takes time in proportion to its length (issue 15: it grew with the square of it)', () => {
    const short = cpuMs(() => previewMarkdown(program(400), 'p', 'en'));
    const long = cpuMs(() => previewMarkdown(program(1_600), 'p', 'en'));
    expect(previewMarkdown(program(1_600), 'p', 'en').outline.chapters).toHaveLength(80);
    // Four times the sections: about four times the time (a square would be sixteen).
    expect(long / short).toBeLessThan(8);
  });
});

describe('importing Word', () => {
  it('reads headings 1 and 2 of a .docx as chapters and sections, with bold and italic', async () => {
    const bytes = await buildDocx([
      { style: 'Heading1', runs: ['Travail'] },
      { style: 'Heading2', runs: ['Salaires'] },
      {
        runs: [
          'Le SMIC à ',
          { text: '1 600 euros', bold: true },
          ' net, ',
          { text: 'tout de suite', italic: true },
          '.',
        ],
      },
      { style: 'Heading2', runs: ['Temps de travail'] },
      { runs: ['Les 32 heures.'] },
      { style: 'Heading1', runs: ['Santé'] },
      { style: 'Heading2', runs: ['Hôpital'] },
      { runs: ['Des lits rouverts.'] },
    ]);
    const preview = await previewImport({ name: 'Programme.docx', bytes }, 'fr');
    expect(outlineOf(preview)).toEqual([
      ['Travail', 'Salaires: Le SMIC à 1 600 euros net, tout de suite.', 'Temps de travail: Les 32 heures.'],
      ['Santé', 'Hôpital: Des lits rouverts.'],
    ]);
    const marks = JSON.stringify(preview.outline.chapters[0]!.sections[0]!.content);
    expect(marks).toContain('{"type":"text","text":"1 600 euros","marks":[{"type":"bold"}]}');
    expect(marks).toContain('{"type":"text","text":"tout de suite","marks":[{"type":"italic"}]}');
  });
});

describe('checking a Word file before unpacking it', () => {
  it('lets an ordinary file through', async () => {
    expect(await checkDocx(await buildDocx([{ style: 'Heading1', runs: ['Un'] }]))).toBeNull();
    expect(await checkDocx(await docxBomb({ unpackedBytes: 1_000_000, extraParts: 200 }))).toBeNull();
  });

  it('refuses a file that unpacks past the limit, from its directory, before unpacking anything', async () => {
    // The issue's file: about 120 KB that unpacks to 30 MB.
    const bomb = await docxBomb({ unpackedBytes: 30 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(200_000);
    const start = process.cpuUsage();
    expect(await checkDocx(bomb)).toBe('import.errors.docxTooLarge');
    const used = process.cpuUsage(start);
    // Unpacking 30 MB would take far longer than reading the directory.
    expect((used.user + used.system) / 1000).toBeLessThan(50);
  });

  it('refuses a file of too many parts, and one that lies about its sizes', async () => {
    expect(await checkDocx(await docxBomb({ extraParts: 1_500 }))).toBe('import.errors.docxTooManyParts');
    const liar = lieAboutSize(
      await docxBomb({ unpackedBytes: 2 * DOCX_MAX_UNPACKED_BYTES }),
      'word/document.xml',
      1000,
    );
    expect(await checkDocx(liar)).toBe('import.errors.docx');
    expect(await checkDocx(new TextEncoder().encode('not a zip'))).toBe('import.errors.docx');
  });

  it('answers a bomb with its reason through the import, within the worker', async () => {
    const refusal = await previewImport(
      { name: 'bombe.docx', bytes: await docxBomb({ unpackedBytes: 30 << 20 }) },
      'fr',
    ).then(
      () => null,
      (e: ImportError) => e.key,
    );
    expect(refusal).toBe('import.errors.docxTooLarge');
  });
});
