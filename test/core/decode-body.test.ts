/**
 * Request bytes to text (wire/parse-envelope decodeBody): strict UTF-8 unless the declaration names ISO-8859-1.
 * The ASCII shortcut must read every body exactly as the decoder would, BOM and invalid bytes included.
 */
import fc from 'fast-check';
import { decodeBody } from '../../mock-server/wire/parse-envelope';

/** The rule as stated, without the shortcut. */
function reference(raw: Buffer): string | { error: 'envelope'; detail: string } {
  const head = raw.subarray(0, 100).toString('latin1');
  if (/encoding\s*=\s*["'](iso-8859-1|latin1|windows-1252)["']/i.test(head)) return raw.toString('latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { error: 'envelope', detail: 'body is not valid UTF-8' };
  }
}

const declarations = ['', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0' encoding='ISO-8859-1'?>", '<?xml version="1.0" encoding = "windows-1252"?>'];
// Mostly ASCII, with now and then a byte or sequence that is not: a BOM, é in UTF-8 and in Latin-1, a lone continuation byte.
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 40 }).map((s) => Buffer.from(s.replace(/[^\x00-\x7f]/g, 'a'), 'latin1')) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é', 'utf8'), Buffer.from([0xe9]), Buffer.from([0x80]), Buffer.from('€', 'utf8')) },
);

test('decodeBody reads every body as the stated rule does', () => {
  fc.assert(fc.property(fc.constantFrom(...declarations), fc.boolean(), fc.array(piece, { maxLength: 12 }), (decl, bom, parts) => {
    const raw = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(decl, 'latin1'), ...parts]);
    expect(decodeBody(raw)).toEqual(reference(raw));
  }), { numRuns: 2000 });
});

test('ASCII bodies come back as the same text; a BOM is dropped as the decoder drops it', () => {
  expect(decodeBody(Buffer.from('<message/>'))).toBe('<message/>');
  expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<message/>')]))).toBe('<message/>');
  expect(decodeBody(Buffer.from([0x3c, 0xe9, 0x3e]))).toEqual({ error: 'envelope', detail: 'body is not valid UTF-8' });
  // Long bodies go through the decoder (memory: parse-envelope.ts ASCII_COPY_MAX_BYTES), with the same text.
  const long = Buffer.from(`<message>${'x'.repeat(300 * 1024)}</message>`);
  expect(decodeBody(long)).toBe(long.toString('latin1'));
});
