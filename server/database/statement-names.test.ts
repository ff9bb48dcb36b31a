import { describe, expect, it } from 'vitest';
import { statementNames } from './statement-names.ts';

describe('names of the statements sent to PostgreSQL (ADR 0050)', () => {
  it('gives a text the same name every time, another text another name, and none past the bound', () => {
    const nameOf = statementNames(2);
    const a = nameOf('SELECT 1 WHERE $1');
    const b = nameOf('SELECT 2 WHERE $1');
    expect(a).toMatch(/^plenum_\d+$/);
    expect(b).toMatch(/^plenum_\d+$/);
    expect(b).not.toBe(a);
    expect(nameOf('SELECT 1 WHERE $1')).toBe(a);
    // Past the bound a new text goes unnamed (parsed at every run), and the known ones keep their names.
    expect(nameOf('SELECT 3 WHERE $1')).toBe('');
    expect(nameOf('SELECT 2 WHERE $1')).toBe(b);
  });
});
