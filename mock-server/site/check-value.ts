/**
 * The site's value validation, one place for every way a value enters: XML requests (CreateUser, SetUser),
 * scenarios (through CreateUser) and snapshot imports (check-records.ts). Type and limits come from the catalog
 * (values.ts), then the value rules beyond them (rules.ts).
 */
import { leafByPath, type LeafDef, type Value } from '../catalog';
import type { SessionTypeConfig } from './site-config';
import type { InputValue } from './user-input';
import { checkEmail, checkPersonalUrl, checkPin } from './rules';
import { parseValue } from './values';
import { cantSetField } from './webex-error';

/** What a value rule needs to know about the site. */
export interface ValueContext {
  sessionTypes: readonly Pick<SessionTypeConfig, 'id'>[];
}

/** One value of leaf `def`, as stored; throws a WebexError (030071 "Can't set field") naming `field`. */
export function checkValue(def: LeafDef, raw: InputValue, site: ValueContext, field = def.element): Value {
  if (def.rule === 'personalUrl') checkPersonalUrl(String(raw).trim());
  const parsed = parseValue(def, raw);
  if (!parsed.ok) throw cantSetField(field, parsed.detail);
  const value = parsed.value;
  if (def.rule === 'pin') checkPin(field, String(value));
  if (def.rule === 'email') checkEmail(field, String(value));
  if (def.rule === 'sessionType' && !site.sessionTypes.some((t) => t.id === Number(value))) {
    throw cantSetField(field, `session type ${value} is not available on this site`);
  }
  return value;
}

const WEBEX_ID = leafByPath.get('webExId')!.def;
const NO_SESSION_TYPES: ValueContext = { sessionTypes: [] };

/**
 * The one webExId rule, wherever a webExId enters (CreateUser's webExId, SetUser's newWebExId, snapshot users,
 * scenario users): the catalog's webExId leaf (no character XML cannot carry, at most 64 characters), trimmed.
 * A blank result is for the caller to judge (CreateUser uses the email, a blank newWebExId renames nothing).
 * Uniqueness is the site's (case-insensitive, as lookups are).
 */
export function checkWebExId(raw: InputValue, field = 'webExId'): string {
  return String(checkValue(WEBEX_ID, raw, NO_SESSION_TYPES, field));
}
