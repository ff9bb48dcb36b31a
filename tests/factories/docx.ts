import JSZip from 'jszip';

/** A paragraph of a test Word file: its style ("Heading1", "Heading2"...) and its runs of text. */
export interface DocxParagraph {
  style?: string;
  runs: (string | { text: string; bold?: boolean; italic?: boolean })[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Builds a real .docx (Office Open XML: a zip of XML parts, as Word writes it) with heading styles named as
 * Word names them, so that the import reads it exactly as it reads a file from Word or LibreOffice.
 */
export async function buildDocx(paragraphs: DocxParagraph[]): Promise<Uint8Array> {
  return (await docxZip(paragraphs)).generateAsync({ type: 'uint8array' });
}

/**
 * A zip bomb dressed as a .docx (issue 15): a real document whose text repeats one paragraph until it unpacks to
 * about `unpackedBytes` (compressed, it weighs a few hundred times less), plus `extraParts` tiny parts.
 */
export async function docxBomb(options: { unpackedBytes?: number; extraParts?: number }): Promise<Uint8Array> {
  const paragraph = `<w:p><w:r><w:t>${'Le programme, encore et encore. '.repeat(30)}</w:t></w:r></w:p>`;
  const repeat = Math.ceil((options.unpackedBytes ?? 0) / paragraph.length);
  const zip = await docxZip([
    { style: 'Heading1', runs: ['Bombe'] },
    { style: 'Heading2', runs: ['Section'] },
  ]);
  const document = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', document.replace('</w:body>', `${paragraph.repeat(repeat)}</w:body>`));
  for (let i = 0; i < (options.extraParts ?? 0); i++) zip.file(`customXml/item${i}.xml`, '<x/>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * The same zip with the unpacked size of `part` declared as `size` in its directory and its local header,
 * whatever the data really unpacks to: what a bomb does to get past a check that trusts the directory.
 */
export function lieAboutSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const name = Buffer.from(part);
  for (const [signature, nameAt, sizeAt] of [
    [0x02014b50, 46, 24], // central directory file header
    [0x04034b50, 30, 22], // local file header
  ] as const) {
    for (let at = 0; at + nameAt < bytes.length; at++) {
      if (bytes.readUInt32LE(at) !== signature) continue;
      const nameLength = bytes.readUInt16LE(at + (signature === 0x02014b50 ? 28 : 26));
      if (bytes.subarray(at + nameAt, at + nameAt + nameLength).equals(name)) bytes.writeUInt32LE(size, at + sizeAt);
    }
  }
  return new Uint8Array(bytes);
}

async function docxZip(paragraphs: DocxParagraph[]): Promise<JSZip> {
  const body = paragraphs
    .map((p) => {
      const style = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
      const runs = p.runs
        .map((r) => (typeof r === 'string' ? { text: r } : r))
        .map((r) => {
          const props = r.bold || r.italic ? `<w:rPr>${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}</w:rPr>` : '';
          return `<w:r>${props}<w:t xml:space="preserve">${escape(r.text)}</w:t></w:r>`;
        })
        .join('');
      return `<w:p>${style}${runs}</w:p>`;
    })
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  );
  const heading = (n: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">${[1, 2, 3].map(heading).join('')}</w:styles>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip;
}
