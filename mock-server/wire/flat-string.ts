/**
 * A flat copy of a string that will be kept (a stored user value). V8 represents substrings of 13+ characters
 * as views onto their parent (the whole request body) and concatenations as trees of 32-byte nodes; keeping
 * either per user costs kilobytes. Shorter strings are always flat already.
 */
const VIEW_MIN_LENGTH = 13;

/**
 * Array.prototype.join copies its parts into one new sequential string; with two parts it cannot hand back the
 * text itself (a join of one part does). ~60 ns for an email address, against ~150 for a UTF-8 round trip
 * through a buffer, and the code units are copied as they are.
 */
export function flatString(text: string): string {
  if (text.length < VIEW_MIN_LENGTH) return text;
  return [text.slice(0, 1), text.slice(1)].join('');
}

/**
 * `parts` concatenated as one flat string, for text that will be kept: Array.prototype.join copies the parts into
 * one sequential string (a template literal builds a tree of cons nodes). A join of fewer than two non-empty parts
 * would return that part itself, which may be a view: flatString copies it.
 */
export function flatJoin(parts: readonly string[]): string {
  let nonEmpty = 0;
  for (const p of parts) if (p !== '') nonEmpty++;
  const joined = parts.join('');
  return nonEmpty >= 2 ? joined : flatString(joined);
}
