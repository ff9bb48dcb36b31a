import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRecords, decodeRegister, detectSeparator } from './csv.ts';
import { countErrors, parseDate, readRegister, RegisterFileError } from './register-file.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/register/${name}`));

describe('reading register files as spreadsheets export them', () => {
  it('reads a French Windows-1252 file with semicolons and dd/mm/yyyy dates', () => {
    const read = readRegister(fixture('fr-windows-1252-semicolon.csv'));
    expect(read.encoding).toBe('windows-1252');
    expect(read.separator).toBe(';');
    expect(read.errors).toEqual([]);
    expect(read.lines).toEqual([
      {
        email: 'hélène@exemple.fr',
        name: 'Hélène Müller',
        membershipNumber: 'A-001',
        localGroup: 'Lyon Croix-Rousse',
        memberUntil: '2027-12-31',
      },
      {
        email: 'francois@exemple.fr',
        name: 'François Œuvrard',
        membershipNumber: 'A-002',
        localGroup: 'Besançon',
        memberUntil: '2026-03-15',
      },
    ]);
  });

  it('reads a Spanish UTF-8 file with a byte-order mark, its header in Spanish', () => {
    const read = readRegister(fixture('es-utf8-bom-semicolon.csv'));
    expect(read.encoding).toBe('utf-8');
    expect(read.header[0]).toBe('Correo electrónico');
    expect(read.lines.map((l) => [l.name, l.localGroup, l.memberUntil])).toEqual([
      ['Núria Peña', 'Logroño', '2027-06-30'],
      ['Ángel Ibáñez', 'A Coruña', '2027-06-30'],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and a line break (RFC 4180)', () => {
    const read = readRegister(fixture('en-utf8-quoted.csv'));
    expect(read.separator).toBe(',');
    expect(read.lines.map((l) => [l.name, l.localGroup, l.memberUntil])).toEqual([
      ['Lovelace, Ada', 'The "Analytical" group', '2027-01-01'],
      ['Grace\r\nHopper', 'Arlington', null],
    ]);
  });

  it('lists every bad line with its kind and counts each kind', () => {
    const read = readRegister(fixture('bad-lines.csv'));
    expect(read.lines.map((l) => l.email)).toEqual(['good@example.org', 'second@example.org']);
    expect(read.errors.map((e) => [e.line, e.kind])).toEqual([
      [3, 'invalidEmail'],
      [4, 'missingEmail'],
      [5, 'missingName'],
      [6, 'invalidDate'],
      [7, 'duplicateLine'],
      [8, 'duplicateEmail'],
      [9, 'duplicateNumber'],
    ]);
    expect(countErrors(read.errors)).toMatchObject({ invalidEmail: 1, duplicateLine: 1, tooLong: 0 });
    expect(read.total).toBe(9);
    // Lines refused for another reason than their address keep their entries as they are (never lapsed).
    expect(read.keptEmails.sort()).toEqual(['baddate@example.org', 'noname@example.org', 'other@example.org']);
  });

  it('refuses lines holding control characters, which the database cannot store', () => {
    const read = readRegister(new TextEncoder().encode('email,name\nnul@example.org,A\u0000B\nok@example.org,Ok\n'));
    expect(read.errors).toEqual([{ line: 2, kind: 'badCharacters', value: 'nul@example.org' }]);
    expect(read.lines.map((l) => l.email)).toEqual(['ok@example.org']);
  });

  it('refuses a file whose header names no email column, and an empty one', () => {
    expect(() => readRegister(new TextEncoder().encode('a,b\n1,2\n'))).toThrow(RegisterFileError);
    expect(() => readRegister(new Uint8Array())).toThrow('register.errors.empty');
  });

  it('decodes invalid UTF-8 as Windows-1252, where 0x80 is the euro sign', () => {
    expect(decodeRegister(new Uint8Array([0x80, 0x41]))).toEqual({ text: '€A', encoding: 'windows-1252' });
    expect(decodeRegister(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9]))).toEqual({ text: 'é', encoding: 'utf-8' });
  });

  it('numbers records by the line they start on, an unclosed quote running to the end', () => {
    const text = 'a;b\r\n"x\ny";z\n\n1;2\n"open;3';
    expect(detectSeparator(text)).toBe(';');
    expect([...csvRecords(text, ';')]).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['1', '2'] },
      { line: 6, fields: ['open;3'] },
    ]);
  });

  it('reads dates in the forms spreadsheets write, refusing impossible ones', () => {
    expect(parseDate('2027-1-5')).toBe('2027-01-05');
    expect(parseDate('05/01/2027')).toBe('2027-01-05');
    expect(parseDate('29.02.2028')).toBe('2028-02-29');
    expect(parseDate('29.02.2027')).toBeNull();
    expect(parseDate('tomorrow')).toBeNull();
  });
});
