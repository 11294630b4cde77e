/**
 * A flat copy of a string that will be kept (a stored user value). V8 represents substrings of 13+ characters
 * as views onto their parent (the whole request body) and concatenations as trees of 32-byte nodes; keeping
 * either per user costs kilobytes. Shorter strings are always flat already.
 */
const VIEW_MIN_LENGTH = 13;

/**
 * The round trip goes through one scratch buffer (every value a request carries fits it): no Buffer object per
 * copy. UTF-8 both ways, as before, so the text is the same; longer texts get a buffer of their own.
 */
const SCRATCH = Buffer.allocUnsafeSlow(16 * 1024);
const SCRATCH_MAX_CHARS = SCRATCH.length / 3; // a UTF-16 code unit is at most 3 UTF-8 bytes

export function flatString(text: string): string {
  if (text.length < VIEW_MIN_LENGTH) return text;
  if (text.length > SCRATCH_MAX_CHARS) return Buffer.from(text, 'utf8').toString('utf8');
  return SCRATCH.toString('utf8', 0, SCRATCH.write(text, 0, 'utf8'));
}

/**
 * `parts` concatenated as one flat string, for text that will be kept: Array.prototype.join copies the parts into
 * one sequential string (a template literal builds a tree of cons nodes; flatString pays a Buffer round trip,
 * ~3× the cost). A join of fewer than two non-empty parts returns that part itself, which may be a view.
 */
export function flatJoin(parts: readonly string[]): string {
  let nonEmpty = 0;
  for (const p of parts) if (p !== '') nonEmpty++;
  const joined = parts.join('');
  return nonEmpty >= 2 ? joined : flatString(joined);
}
