/** The one list of secret element names, matched case-insensitively after the first or the last ':'. */
import { SECRET_ELEMENTS, isSecretElementName, isSecretName } from '../../mock-server/wire/secret-names';

describe('secret element names', () => {
  it('match every listed name in any case, bare or after the first or the last prefix', () => {
    for (const name of SECRET_ELEMENTS) {
      for (const n of [name, name.toUpperCase(), name.toLowerCase()]) {
        expect(isSecretName(n)).toBe(true);
        expect(isSecretElementName(n)).toBe(true);
        expect(isSecretElementName(`use:${n}`)).toBe(true);
        expect(isSecretElementName(`a:b:${n}`)).toBe(true);
      }
    }
    expect(isSecretElementName('password:x')).toBe(false);
    expect(isSecretElementName('a:password:x')).toBe(false);
    expect(isSecretElementName('x:ticket')).toBe(true);
  });

  it('match as toLowerCase does, including characters that lower-case to ASCII (U+212A KELVIN SIGN)', () => {
    expect(isSecretName('tic\u212Aet')).toBe('tic\u212Aet'.toLowerCase() === 'ticket');
    expect(isSecretElementName('serv:sessionTic\u212Aet')).toBe(true);
  });

  it('match exactly when toLowerCase does, whatever the first character (the first-letter shortcut loses none)', () => {
    const lower = new Set(SECRET_ELEMENTS.map((s) => s.toLowerCase()));
    for (const name of SECRET_ELEMENTS) {
      for (let c = 0; c <= 0xffff; c++) {
        const n = String.fromCharCode(c) + name.slice(1);
        if (isSecretName(n) !== lower.has(n.toLowerCase())) throw new Error(`U+${c.toString(16)} + ${name.slice(1)}`);
      }
    }
  });

  it('do not match other names, nor names one character longer or shorter', () => {
    for (const n of ['firstName', 'passwor', 'passwords', 'webExId', 'ticke', 'tickets', 'p\u0130assword', 'passwordHint', '']) {
      expect({ n, secret: isSecretName(n) }).toEqual({ n, secret: false });
      expect({ n, secret: isSecretElementName(`x:${n}`) }).toEqual({ n, secret: false });
    }
  });
});
