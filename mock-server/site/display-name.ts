/**
 * API 40.11.0 (help.webex.com/en-us/nckjgxw): "When displayName in DB is null ... displayName will be
 * firstName+" "+lastName for Non-Asian characters and firstName+lastName for Asian characters."
 */
import type { SlotValue } from './user-record';

/** Han, Hiragana, Katakana, Hangul: the scripts whose names are written without a space. */
const ASIAN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export function defaultDisplayName(first: SlotValue, last: SlotValue): string {
  const f = first === undefined ? '' : String(first);
  const l = last === undefined ? '' : String(last);
  if (f === '' || l === '') return f + l;
  return ASIAN.test(f + l) ? f + l : `${f} ${l}`;
}
