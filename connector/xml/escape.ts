/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls except tab, LF, CR; lone surrogates; FFFE/FFFF). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasInvalidXmlChars(text: string): boolean {
  return INVALID_XML_CHARS.test(text);
}

/** Escape text content. Throws on characters XML cannot carry: the profile validator rejects them earlier. */
export function escapeText(text: string): string {
  if (hasInvalidXmlChars(text)) throw new Error('text contains a character XML 1.0 cannot carry');
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
