const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escape text and attribute values; drop characters XML 1.0 cannot carry so a response is always well-formed. */
export function escapeXml(value: string): string {
  // Most values need nothing: one test instead of two replace passes and their copies.
  if (!NEEDS_WORK.test(value)) return value;
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&<>"]/g, (c) => ESCAPES[c]).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function element(prefix: string, name: string, text: string): string {
  return text === '' ? `<${prefix}:${name}></${prefix}:${name}>` : `<${prefix}:${name}>${escapeXml(text)}</${prefix}:${name}>`;
}
