/**
 * The submitted form, or a 400 answer when the body is not a form at all (JSON, broken multipart...): a
 * malformed request is the sender's mistake, never a server error.
 *
 * NUL characters are taken out of names and text values: no one types them, and the databases refuse them in
 * text (PostgreSQL answers "invalid byte sequence"), so one stray `%00` would otherwise turn a lookup into a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response('Bad Request: this address expects a form.', { status: 400 });
  }
  let clean = true;
  for (const [name, value] of form) {
    if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) clean = false;
  }
  if (clean) return form;
  const cleaned = new FormData();
  for (const [name, value] of form) {
    cleaned.append(name.replaceAll('\0', ''), typeof value === 'string' ? value.replaceAll('\0', '') : value);
  }
  return cleaned;
}

/** The JSON a form field holds, or undefined when it holds none (a field sent back by a page, then checked). */
export function jsonField(form: FormData, name: string): unknown {
  try {
    return JSON.parse(String(form.get(name) ?? ''));
  } catch {
    return undefined;
  }
}
