import { runCli } from '../../connector/cli/main';
import { PromptCancelled, type CliIo } from '../../connector/cli/io';
import { fakeFetch, type SeenRequest, type Reply } from './helpers/fake-fetch';
import { failure, success } from './helpers/webex-xml';

function io(handler: (req: SeenRequest) => Reply, options: { stdin?: string; files?: Record<string, string>; env?: Record<string, string> } = {}) {
  const fake = fakeFetch(handler);
  let stdout = '';
  let stderr = '';
  const cliIo: CliIo = {
    stdout: { write: (t: string) => { stdout += t; } },
    stderr: { write: (t: string) => { stderr += t; } },
    env: { WEBEX_URL: 'http://127.0.0.1:1', WEBEX_SITE: 'acme', WEBEX_ADMIN: 'admin', WEBEX_PASSWORD: 'Adm1n-Secret!', ...options.env },
    readStdin: async () => options.stdin ?? '',
    readFile: async (path) => {
      const text = options.files?.[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    fetch: fake.fetch,
  };
  return { cliIo, fake, out: () => stdout, err: () => stderr };
}

describe('webex-connector CLI (in-process)', () => {
  it('push FILE creates the user, taking the connection from the environment', async () => {
    const t = io(() => success('createUserResponse', '<use:userId>42</use:userId>'), { files: { 'jane.json': '{"webExId":"jdoe","email":"j@x.com"}' } });
    expect(await runCli(['push', 'jane.json'], t.cliIo)).toBe(0);
    expect(t.out()).toMatch(/created jdoe \(userId 42\) via CreateUser/);
    expect(t.fake.seen[0].security).toMatchObject({ siteName: 'acme', webExID: 'admin' });
  });

  it('flags override the environment', async () => {
    const t = io(() => success('setUserResponse'));
    expect(await runCli(['deactivate', 'jdoe', '--site', 'other', '--admin', 'boss', '--password', 'pw2'], t.cliIo)).toBe(0);
    expect(t.fake.seen[0].security).toMatchObject({ siteName: 'other', webExID: 'boss', password: 'pw2' });
    expect(t.out()).toMatch(/deactivated jdoe/);
  });

  it('password reads the new password from stdin and never prints it', async () => {
    const t = io(() => success('setUserResponse'), { stdin: 'N3w-Secret!\n' });
    expect(await runCli(['password', 'jdoe', '--verbose'], t.cliIo)).toBe(0);
    expect(t.fake.seen[0].body).toEqual({ webExId: 'jdoe', password: 'N3w-Secret!' });
    expect(t.out() + t.err()).not.toContain('N3w-Secret!');
    expect(t.out() + t.err()).not.toContain('Adm1n-Secret!');
    expect(t.err()).toContain('<password>******</password>');
  });

  it('a failure exits 1 and prints the class, the session type and the remedy', async () => {
    const t = io(() => failure('110055', 'User limit exceeded for Session Type', { value: '214' }));
    expect(await runCli(['reactivate', 'jdoe'], t.cliIo)).toBe(1);
    expect(t.err()).toMatch(/error \[licence \/ session-type limit 110055\]/);
    expect(t.err()).toMatch(/session type: 214/);
    expect(t.err()).toMatch(/remedy: +Extend the licence/);
  });

  it('--json prints the classified error as JSON on stdout', async () => {
    const t = io(() => failure('030004', 'Duplicate WebEx ID'), { files: { 'p.json': '{"webExId":"jdoe","email":"j@x.com"}' } });
    expect(await runCli(['push', 'p.json', '--json'], t.cliIo)).toBe(1);
    expect(JSON.parse(t.out()).error).toMatchObject({ errorClass: 'duplicateUser', attribute: 'webExId', exceptionId: '030004' });
  });

  it('usage errors exit 2: missing connection, unknown command, missing argument', async () => {
    const missing = io(() => success('setUserResponse'), { env: { WEBEX_URL: '' } });
    expect(await runCli(['deactivate', 'x'], missing.cliIo)).toBe(2);
    expect(missing.err()).toMatch(/missing --url/);
    expect(await runCli(['frobnicate'], io(() => '').cliIo)).toBe(2);
    expect(await runCli(['update', 'jdoe'], io(() => '').cliIo)).toBe(2);
    expect(await runCli(['--bogus'], io(() => '').cliIo)).toBe(2);
  });

  it('an unknown attribute in the profile fails before any request', async () => {
    const t = io(() => { throw new Error('no request expected'); }, { files: { 'p.json': '{"webExId":"a","email":"b","favouriteColour":"red"}' } });
    expect(await runCli(['push', 'p.json'], t.cliIo)).toBe(1);
    expect(t.err()).toMatch(/Unknown attribute: favouriteColour/);
    expect(t.fake.seen).toHaveLength(0);
  });

  it('schema --offline --json lists the attribute table without a site', async () => {
    const t = io(() => { throw new Error('no request expected'); }, { env: { WEBEX_URL: '' } });
    expect(await runCli(['schema', '--offline', '--json'], t.cliIo)).toBe(0);
    const schema = JSON.parse(t.out());
    expect(schema.attributes.find((a: { name: string }) => a.name === 'personalUrl')).toMatchObject({ access: 'update-only', maxLength: 64 });
  });
});

describe('endpoint URL', () => {
  it('accepts a site, a bare host or the endpoint, and refuses what fetch cannot use', async () => {
    const { endpointUrl } = await import('../../connector');
    expect(endpointUrl('https://acme.webex.com/')).toBe('https://acme.webex.com/WBXService/XMLService');
    expect(endpointUrl('acme.webex.com')).toBe('https://acme.webex.com/WBXService/XMLService');
    expect(endpointUrl('http://127.0.0.1:8080/WBXService/XMLService')).toBe('http://127.0.0.1:8080/WBXService/XMLService');
    expect(() => endpointUrl('ftp://acme')).toThrow(/http/);
    const t = io(() => '', { env: { WEBEX_URL: 'http://exa mple' } });
    expect(await runCli(['test'], t.cliIo)).toBe(2);
    expect(t.err()).toMatch(/not a valid URL/);
  });
});

describe('secrets stay out of CLI output', () => {
  const leaked = (t: { out(): string; err(): string }) => t.out() + t.err();

  it('a profile that is not valid JSON is reported without echoing its text', async () => {
    const t = io(() => success('createUserResponse'), { files: { 'p.json': '{"webExId":"jdoe","password": Pr0file-Secret!}' } });
    expect(await runCli(['push', 'p.json'], t.cliIo)).toBe(1);
    expect(t.err()).toMatch(/p\.json is not valid JSON/);
    // V8 quotes the text around the error ("...Pr0file-Se"...): even part of the secret is a leak.
    expect(leaked(t)).not.toContain('Pr0file');
    expect(t.fake.seen).toHaveLength(0);
  });

  it('a password of the wrong type is refused without echoing it', async () => {
    const t = io(() => success('createUserResponse'), { files: { 'p.json': '{"webExId":"jdoe","email":"j@x.com","password":["Arr4y-Secret!"]}' } });
    expect(await runCli(['push', 'p.json', '--json'], t.cliIo)).toBe(1);
    expect(t.err()).toMatch(/password must be a string/);
    expect(leaked(t)).not.toContain('Arr4y-Secret!');
  });

  it('--verbose masks the password hint answer too', async () => {
    const t = io(() => success('setUserResponse'), { files: { 'p.json': '{"passwordHintAnswer":"Fluffy-the-cat"}' } });
    expect(await runCli(['update', 'jdoe', 'p.json', '--verbose'], t.cliIo)).toBe(0);
    expect(t.err()).toContain('<passwordHintAnswer>******</passwordHintAnswer>');
    expect(leaked(t)).not.toContain('Fluffy-the-cat');
  });

  it('a URL with credentials in it is refused without echoing them', async () => {
    const t = io(() => '', { env: { WEBEX_URL: 'https://admin:Url-Secret!@acme.webex.com' } });
    expect(await runCli(['test'], t.cliIo)).toBe(2);
    expect(t.err()).toMatch(/must not contain a user name or password/);
    expect(leaked(t)).not.toContain('Url-Secret!');
  });
});

it('password: a cancelled prompt (Ctrl-C) stops, without falling back to reading stdin', async () => {
  const t = io(() => success('setUserResponse'));
  let stdinRead = false;
  t.cliIo.readStdin = async () => { stdinRead = true; return 'typed-in-clear\n'; };
  t.cliIo.promptSecret = async () => { throw new PromptCancelled(); };
  expect(await runCli(['password', 'jdoe'], t.cliIo)).toBe(2);
  expect(t.err()).toMatch(/cancelled/);
  expect(stdinRead).toBe(false);
  expect(t.fake.seen).toHaveLength(0);
});
