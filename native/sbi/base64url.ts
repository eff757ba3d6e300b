/**
 * Decodes unpadded base64url and returns undefined unless the text is the canonical encoding of
 * the bytes: the server rebuilds the JWS from the decoded bytes, so any other spelling (padding,
 * `+`/`/`, stray characters) would fail its signature check (sbi-protocol.md §3.3 step 7, §3.4).
 */
export function decodeCanonicalBase64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
