/** Stored password hashes: salted SHA-256 as before (persisted stores keep working), salts fresh per password. */
import { hashPassword, passwordMatches } from '../../mock-server/site/rules';

describe('password hashes', () => {
  it('are SHA-256 of the salt then the password, hex (fixed vectors: data dirs written earlier still log in)', () => {
    expect(hashPassword('P@ssword123', '00112233aabbccdd').hash).toBe('8ab482d211cd3508b91d967be85713ee2abf4adeaf07fd5332b130ab6f466e39');
    expect(hashPassword('Pässwörd\u{1F600}1!', '00112233aabbccdd').hash).toBe('f04eeb12324345ad58fa07e583608a3a10f07326c1acbdd6c111ce6ef9a4f584');
  });

  it('get a new 8-byte hex salt each time, also across refills of the salt pool', () => {
    const salts = Array.from({ length: 1500 }, () => hashPassword('P@ssword123').salt);
    for (const s of salts) expect(s).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(salts).size).toBe(salts.length);
  });

  it('match only the password they were made from', () => {
    const { hash, salt } = hashPassword('Pässwörd1!');
    expect(passwordMatches('Pässwörd1!', hash, salt)).toBe(true);
    expect(passwordMatches('Passwörd1!', hash, salt)).toBe(false);
    expect(passwordMatches('Pässwörd1!', hash, undefined)).toBe(false);
  });
});
