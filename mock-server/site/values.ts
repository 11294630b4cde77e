/** Turn wire text (or a typed value from the admin API) into a stored value, by the catalog's type and limits. */
import { DATE_TIME_PATTERN, LANGUAGES, type LeafDef, type Value } from '../catalog';

export type Parsed = { ok: true; value: Value } | { ok: false; detail: string };

const ok = (value: Value): Parsed => ({ ok: true, value });
const bad = (detail: string): Parsed => ({ ok: false, detail });

// Characters XML 1.0 cannot carry: a stored value with one would be answered altered (escapeXml drops them),
// so `ho\u0001st` would list as `host`. Requests cannot send them; snapshots and the admin API could.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const wellFormedUtf16 = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

export function parseValue(def: LeafDef, input: string | Value): Parsed {
  const text = typeof input === 'string' ? input.trim() : String(input);
  switch (def.type) {
    case 'boolean': {
      const t = text.toLowerCase();
      if (t === 'true' || t === '1') return ok(true);
      if (t === 'false' || t === '0') return ok(false);
      return bad(`"${text}" is not a boolean (valid values are TRUE and FALSE)`);
    }
    case 'integer': {
      if (!/^-?\d{1,15}$/.test(text)) return bad(`"${text}" is not a whole number`);
      const n = Number(text);
      // timeZoneID -1 is the schema default: "use the site's time zone".
      if (def.rule === 'timeZoneId' && n === -1) return ok(n);
      if (def.min !== undefined && n < def.min) return bad(`${n} is below the minimum ${def.min}${def.max !== undefined ? ` (valid values are ${def.min} to ${def.max})` : ''}`);
      if (def.max !== undefined && n > def.max) return bad(`${n} is above the maximum ${def.max}${def.min !== undefined ? ` (valid values are ${def.min} to ${def.max})` : ''}`);
      return ok(n);
    }
    case 'enum': {
      const values = def.enumValues ?? [];
      // Store the catalog's own string, shared by every user, not a per-request copy.
      if (def.rule === 'language') {
        const at = LANGUAGES.indexOf(text.toUpperCase());
        return at >= 0 ? ok(LANGUAGES[at]) : bad(`"${text}" is not a valid language`);
      }
      const at = values.indexOf(text);
      if (at >= 0) return ok(values[at]);
      const shown = values.length > 8 ? `${values.slice(0, 3).join(', ')}, ... (${values.length} values)` : values.join(', ');
      return bad(`"${text}" is not one of ${shown}`);
    }
    case 'datetime':
      if (text === 'none' || DATE_TIME_PATTERN.test(text)) return ok(text);
      return bad(`"${text}" is not a date in the format MM/DD/YYYY HH:MM:SS`);
    case 'string': {
      const raw = typeof input === 'string' ? input : String(input);
      if (NOT_XML_CHARS.test(raw) || !wellFormedUtf16(raw)) return bad('contains a character XML cannot carry (a control character, U+FFFE, U+FFFF or a lone surrogate)');
      if (def.maxLength !== undefined && raw.length > def.maxLength) return bad(`is longer than ${def.maxLength} characters`);
      return ok(def.rule === 'password' ? raw : raw.trim());
    }
  }
}
