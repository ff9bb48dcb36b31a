/**
 * The submitted form, or a 400 answer when the body is not a form at all (JSON, broken multipart...): a
 * malformed request is the sender's mistake, never a server error.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response('Bad Request: this address expects a form.', { status: 400 });
  }
}
