/** `webex-mock reproduce` shows the XML indented (or as sent with --raw) and says when a large site is being built. */
import { main } from '../../mock-server/cli/main';
import { announceBuild } from '../../mock-server/cli/scenarios';
import { prettyXml } from '../../mock-server/cli/pretty-xml';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

it('prints request and response indented, one element a line; --raw prints them as on the wire', async () => {
  const pretty = await run(['reproduce', 'user-limit-exceeded']);
  expect(pretty.code).toBe(0);
  expect(pretty.out).toMatch(/\n {4}<serv:response>\n {6}<serv:result>FAILURE<\/serv:result>\n/);
  expect(pretty.out).toContain('=== reproduced: FAILURE 110055');
  const raw = await run(['reproduce', 'user-limit-exceeded', '--raw']);
  expect(raw.code).toBe(0);
  expect(raw.out).toMatch(/<serv:response><serv:result>FAILURE<\/serv:result>/);
});

it('shows text that is not well-formed as it is, rather than a repaired version', () => {
  expect(prettyXml('<a><b>x</a>')).toBe('<a><b>x</a>');
  expect(prettyXml('<a><b>x &amp; y</b></a>')).toBe('<a>\n  <b>x &amp; y</b>\n</a>');
});

it('announces building a large generated site and how long it took; small sites build silently', () => {
  const said: string[] = [];
  const done = announceBuild({ sites: [{ name: 'bigcorp', generate: { count: 100000 } }] }, (s) => said.push(s));
  done();
  expect(said[0]).toBe('building site bigcorp: 100,000 generated users…\n');
  expect(said[1]).toMatch(/^built in \d+\.\d s\n$/);
  const quiet: string[] = [];
  announceBuild({ sites: [{ name: 'acme', generate: { count: 10 } }] }, (s) => quiet.push(s))();
  expect(quiet).toEqual([]);
});
