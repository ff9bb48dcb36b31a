/** A register file as admins export it: a header, then one line per member (UTF-8, commas, quoted when needed). */
export function registerCsv(
  rows: { email: string; name: string; number?: string; group?: string; until?: string }[],
  separator = ',',
): Uint8Array {
  const quote = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    ['email', 'name', 'membership number', 'local group', 'member until'].join(separator),
    ...rows.map((r) => [r.email, r.name, r.number ?? '', r.group ?? '', r.until ?? ''].map(quote).join(separator)),
  ];
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}
