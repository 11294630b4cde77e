/**
 * Strings the emulator keeps per user must be flat copies, not views onto a request body or trees of cons nodes
 * (wire/flat-string.ts). V8's string representation is visible only to its natives, so a child node with
 * --allow-natives-syntax prints it (%DebugPrint) for the functions' own compiled source.
 */
import { execFileSync } from 'node:child_process';
import { flatJoin, flatString } from '../../mock-server/wire/flat-string';

/** The V8 string type of each expression's value, as %DebugPrint names it (SLICED_…, CONS_…, ONE_BYTE_STRING_TYPE). */
function representations(expressions: string[]): string[] {
  const source = [
    'const VIEW_MIN_LENGTH = 13;',
    flatString.toString(),
    flatJoin.toString(),
    "const body = 'x'.repeat(400) + 'ada.lovelace@example.com' + 'y'.repeat(400);",
    "const view = body.slice(400, 424);",
    // Markers through %DebugPrint too: console.log and V8's own stream are buffered apart and may interleave.
    ...expressions.map((e) => `%DebugPrint('@@mark'); %DebugPrint(${e});`),
  ].join('\n');
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '-e', source], { encoding: 'utf8' });
  // Each print starts "DebugPrint: <address>: [String]...", then its "- type:" line; a marker's print comes first.
  const prints = out.split('DebugPrint:').slice(1);
  const kinds: string[] = [];
  prints.forEach((p, i) => { if (p.split('\n')[0].includes('@@mark')) kinds.push(/- type: (\w+)/.exec(prints[i + 1] ?? '')?.[1] ?? 'unknown'); });
  return kinds;
}

describe('flat strings (wire/flat-string.ts)', () => {
  it('join and copy to the same text', () => {
    expect(flatJoin(['https://', 'acme.webex.com', '/meet/', 'pr1764000000000'])).toBe('https://acme.webex.com/meet/pr1764000000000');
    expect(flatJoin(['', 'only-one-part-here', ''])).toBe('only-one-part-here');
    expect(flatJoin([])).toBe('');
    expect(flatString('a view onto a longer body'.slice(2, 20))).toBe('view onto a longer');
    // Short and long, one-byte and two-byte, a surrogate pair split by the copy's first cut.
    expect(flatString('😀'.repeat(10).slice(0))).toBe('😀'.repeat(10));
    for (const n of [13, 100, 5461, 5462, 20000]) {
      const text = 'aé€😀'.repeat(n).slice(0, n);
      expect(flatString(`<${text}>`.slice(1, -1))).toBe(text);
    }
    expect(flatString('x'.repeat(40))).toBe('x'.repeat(40));
  });

  it('give sequential strings, never a view onto a body or a tree of cons nodes', () => {
    const [view, template, copied, joined, onePart, twoByte, long] = representations([
      'view',
      '`https://${view}/meet/pr1764000000000`',
      'flatString(view)',
      "flatJoin(['https://', view, '/meet/', 'pr1764000000000'])",
      "flatJoin(['', view, ''])",
      "flatString(('\\u4e2d' + body).slice(1, 30))",
      "flatString(('q' + 'z'.repeat(20000)).slice(1))",
    ]);
    // The probe itself: V8 does make views and cons strings here, so the checks below can fail.
    expect(view).toMatch(/^SLICED_/);
    expect(template).toMatch(/^CONS_/);
    for (const kind of [copied, joined, onePart, twoByte, long]) expect(kind).toMatch(/^(ONE_BYTE_)?STRING_TYPE$/);
  });
});
