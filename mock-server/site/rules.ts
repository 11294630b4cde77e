/** Value rules beyond type and length (SPEC §6 rows 7, 17, 18; Okta's personalUrl rule). */
import { hash, randomFillSync } from 'node:crypto';
import type { PasswordPolicy } from './site-config';
import { WebexError, cantSetField } from './webex-error';

export const PERSONAL_URL_MAX = 64;
const PERSONAL_URL_CHARS = /^[A-Za-z0-9_.-]+$/;

export function checkPersonalUrl(value: string): void {
  if (value.length === 0) throw new WebexError('invalidPersonalUrl', { detail: 'must not be empty' });
  if (value.length > PERSONAL_URL_MAX) throw new WebexError('invalidPersonalUrl', { detail: `is longer than ${PERSONAL_URL_MAX} characters` });
  if (!PERSONAL_URL_CHARS.test(value)) throw new WebexError('invalidPersonalUrl', { detail: 'has restricted characters: only A-Z a-z 0-9 _ - . are allowed' });
}

/** PINs: digits only, no single repeated digit, no ascending or descending run (1111, 1234, 4321). */
export function checkPin(field: string, value: string): void {
  if (value === '') return;
  const problem = !/^\d{4,8}$/.test(value) ? 'must be 4 to 8 digits'
    : /^(\d)\1+$/.test(value) ? 'must not repeat one digit'
      : isRun(value, 1) || isRun(value, -1) ? 'must not be a sequence' : undefined;
  if (problem) throw cantSetField(field, `a valid PIN is required: ${problem}`);
}

function isRun(digits: string, step: number): boolean {
  for (let i = 1; i < digits.length; i++) if (+digits[i] - +digits[i - 1] !== step) return false;
  return true;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export function checkEmail(field: string, value: string): void {
  if (value !== '' && !EMAIL.test(value)) throw cantSetField(field, `"${value}" is not a valid email address`);
}

export function checkPassword(policy: PasswordPolicy, password: string, webExId: string): void {
  const fail = (detail: string) => new WebexError('passwordPolicy', { detail });
  if (password.length > 60) throw fail('at most 60 characters');
  if (password.length < policy.minLength) throw fail(`at least ${policy.minLength} characters`);
  // One pass over the UTF-16 code units (what the regexes /\d/g, /[A-Za-z]/g and /[^A-Za-z0-9]/g count).
  let digits = 0;
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
  }
  const letters = lower + upper;
  if (digits < policy.minDigits) throw fail(`at least ${policy.minDigits} digit(s)`);
  if (letters < policy.minLetters) throw fail(`at least ${policy.minLetters} letter(s)`);
  if (password.length - digits - letters < policy.minSpecial) throw fail(`at least ${policy.minSpecial} special character(s)`);
  if (policy.mixedCase && !(lower > 0 && upper > 0)) throw fail('both upper and lower case letters');
  if (policy.noWebExId && webExId !== '' && password.toLowerCase().includes(webExId.toLowerCase())) throw fail('must not contain the WebEx ID');
}

/*
 * Salts come from a pool of random bytes refilled 512 salts at a time: each randomBytes(8) is a trip into
 * OpenSSL (12–22 µs on the bench VM, the largest single cost of a CreateUser). Same CSPRNG, same 8 bytes each.
 */
const SALT_BYTES = 8;
const saltPool = Buffer.alloc(SALT_BYTES * 512);
let saltAt = saltPool.length;

function newSalt(): string {
  if (saltAt === saltPool.length) {
    randomFillSync(saltPool);
    saltAt = 0;
  }
  const salt = saltPool.toString('hex', saltAt, saltAt + SALT_BYTES);
  saltAt += SALT_BYTES;
  return salt;
}

/** SHA-256 of salt then password (UTF-8), hex; one-shot `crypto.hash` (a Hash object per call cost 3–7 µs). */
export function hashPassword(password: string, salt = newSalt()): { hash: string; salt: string } {
  return { hash: hash('sha256', salt + password, 'hex'), salt };
}

/**
 * The password each stored hash last matched, so a client that sends its password with every request (all XML
 * API clients do) costs one string compare instead of a SHA-256 per request. Process memory only: never
 * journaled, persisted or logged (the journal holds the raw request bytes anyway and redacts them when read).
 * A hash is unique per user and salt, and a password change makes a new one; bounded, cleared when full.
 */
const lastMatched = new Map<string, string>();
const LAST_MATCHED_MAX = 10_000;

export function passwordMatches(password: string, hash: string | undefined, salt: string | undefined): boolean {
  if (hash === undefined || salt === undefined) return false;
  if (lastMatched.get(hash) === password) return true;
  if (hashPassword(password, salt).hash !== hash) return false;
  if (lastMatched.size >= LAST_MATCHED_MAX) lastMatched.clear();
  lastMatched.set(hash, password);
  return true;
}
