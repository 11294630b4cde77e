/**
 * Response bytes → text. Webex answers UTF-8 normally, but some responses declare ISO-8859-1 (SPEC §1.1):
 * the charset comes from the Content-Type header, else from the XML declaration, else UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const fromDeclaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const charset = (fromHeader ?? fromDeclaration ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // unknown label: UTF-8 is the best guess
  }
}
