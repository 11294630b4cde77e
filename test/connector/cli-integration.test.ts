/** The webex-connector CLI, in-process, against the emulator over HTTP: the README's provisioning session. */
import { runCli } from '../../connector/cli/main';
import type { CliIo } from '../../connector/cli/io';
import { liveMock } from './helpers/live-mock';

const live = liveMock();

function cli(options: { stdin?: string; files?: Record<string, string>; env?: Record<string, string>; tty?: boolean } = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (t: string) => { out += t; } },
    stderr: { write: (t: string) => { err += t; }, isTTY: options.tty },
    env: { WEBEX_URL: live.url, WEBEX_SITE: 'demo', WEBEX_ADMIN: 'admin', WEBEX_PASSWORD: 'P@ssword123', ...options.env },
    readStdin: async () => options.stdin ?? '',
    readFile: async (path) => {
      if (options.files?.[path] === undefined) throw new Error(`ENOENT: ${path}`);
      return options.files[path];
    },
  };
  const run = async (...argv: string[]) => {
    out = '';
    err = '';
    return runCli(argv, io);
  };
  return { run, out: () => out, err: () => err };
}

const janeFile = JSON.stringify({ webExId: 'jane.doe', email: 'jane.doe@demo.example.com', firstName: 'Jane', lastName: 'Doe', password: 'Str0ng!Pass', personalUrl: 'jane.doe' });

describe('webex-connector against the emulator', () => {
  it('runs the whole provisioning session', async () => {
    const c = cli({ files: { 'jane.json': janeFile, 'update.json': '{"title":"CTO","phonesMobilePhone":"1,408,5550199"}' }, stdin: 'An0ther!Secret\n' });
    expect(await c.run('test')).toBe(0);
    expect(c.out()).toMatch(/connection to site demo OK/);
    expect(await c.run('push', 'jane.json')).toBe(0);
    expect(c.out()).toMatch(/created jane\.doe \(userId \d+\) via CreateUser \+ SetUser/);
    expect(await c.run('update', 'jane.doe', 'update.json')).toBe(0);
    expect(c.out()).toMatch(/also sets the primary phone/);
    expect(await c.run('password', 'jane.doe')).toBe(0);
    expect(c.out() + c.err()).not.toContain('An0ther!Secret');
    expect(await c.run('deactivate', 'jane.doe')).toBe(0);
    expect(await c.run('reactivate', 'jane.doe')).toBe(0);
    expect(await c.run('get', 'jane.doe')).toBe(0);
    expect(JSON.parse(c.out()).profile).toMatchObject({ title: 'CTO', personalUrl: 'jane.doe', active: 'ACTIVATED' });

    expect(await c.run('import', '--page-size', '10')).toBe(0);
    expect(c.out()).toMatch(new RegExp(`${live.site.userCount} users imported`));
    expect(c.err()).toMatch(/import: listed 10\/\d+ users/);
    expect(c.err()).toMatch(/import: read (\d+)\/\1 users/);

    expect(await c.run('schema')).toBe(0);
    expect(c.out()).toMatch(/webACDPrefsNumAgentSessions +integer .*FEATURE OFF/);
    expect(c.out()).toMatch(/warning: Support Center WebACD is off/);

    // The new password signs Jane in: the connection test fails only on the admin check.
    const asJane = cli({ env: { WEBEX_ADMIN: 'jane.doe', WEBEX_PASSWORD: 'An0ther!Secret' } });
    expect(await asJane.run('test')).toBe(1);
    expect(asJane.out()).toMatch(/ok {3}credentials/);
    expect(asJane.out()).toMatch(/FAIL siteAdmin/);
    expect(asJane.err()).toMatch(/error \[access denied\]/);
  });

  it('import --json and schema --json are machine-readable; progress is a rewritten line on a terminal', async () => {
    const c = cli({ tty: true });
    expect(await c.run('import', '--json', '--summary', '--page-size', '25')).toBe(0);
    const result = JSON.parse(c.out());
    expect(result.total).toBe(live.site.userCount);
    expect(result.users[0]).not.toHaveProperty('profile');
    expect(c.err()).toMatch(/^\rimport: listed 25\//);
    expect(await c.run('schema', '--json')).toBe(0);
    const schema = JSON.parse(c.out());
    expect(schema.features.webACD).toBe(false);
    expect(schema.attributes.length).toBeGreaterThan(170);
  });

  it('fails with exit 1 and the classified error and remedy', async () => {
    const c = cli({ files: { 'dup.json': JSON.stringify({ webExId: 'host', email: 'x@demo.example.com' }), 'tz.json': '{"timeZoneID": 999}' } });
    expect(await c.run('push', 'dup.json')).toBe(1);
    expect(c.err()).toMatch(/error \[duplicate user 030004\]/);
    expect(c.err()).toMatch(/remedy: +Another user of the site already has this webExId/);
    expect(await c.run('update', 'host', 'tz.json')).toBe(1);
    expect(c.err()).toMatch(/error \[invalid value 030071\].*timeZoneID/);
    expect(await c.run('deactivate', 'nobody')).toBe(1);
    expect(c.err()).toMatch(/error \[user not found 030001\]/);
    const wrong = cli({ env: { WEBEX_PASSWORD: 'wrong' } });
    expect(await wrong.run('test')).toBe(1);
    expect(wrong.out()).toMatch(/FAIL credentials/);
    expect(wrong.err()).toMatch(/remedy: +Check the site name, the admin username and the password/);
  });

  it('--control-hub (or WEBEX_CONTROL_HUB=1) pushes to a Control Hub managed site and addresses the user by email', async () => {
    live.mock.control.patchSite('demo', { flags: { controlHubManaged: true } });
    const files = { 'kim.json': JSON.stringify({ webExId: 'kim', email: 'kim.ito@demo.example.com', firstName: 'Kim', lastName: 'Ito' }), 'title.json': '{"title":"Lead"}' };
    const c = cli({ files });
    expect(await c.run('push', 'kim.json', '--control-hub')).toBe(0);
    expect(c.out()).toMatch(/kim\.ito@demo\.example\.com/);
    expect(live.mock.registry.get('demo')!.findUser('kim.ito@demo.example.com')).toBeDefined();
    expect(await c.run('get', 'kim.ito@demo.example.com', '--control-hub')).toBe(0);

    const fromEnv = cli({ files, env: { WEBEX_CONTROL_HUB: '1' } });
    expect(await fromEnv.run('update', 'kim.ito@demo.example.com', 'title.json')).toBe(0);
    const bad = cli({ files, env: { WEBEX_CONTROL_HUB: 'maybe' } });
    expect(await bad.run('get', 'kim.ito@demo.example.com')).toBe(2);
    expect(bad.err()).toMatch(/WEBEX_CONTROL_HUB must be 1\/true\/yes\/on/);
  });
});
