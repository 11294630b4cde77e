/**
 * A flat copy of a string that will be kept (a stored user value). V8 represents substrings of 13+ characters
 * as views onto their parent (the whole request body) and concatenations as trees of 32-byte nodes; keeping
 * either per user costs kilobytes. Shorter strings are always flat already.
 */
const VIEW_MIN_LENGTH = 13;

export function flatString(text: string): string {
  return text.length < VIEW_MIN_LENGTH ? text : Buffer.from(text, 'utf8').toString('utf8');
}
