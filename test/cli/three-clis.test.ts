/** The three CLIs behave alike: --help everywhere (exit 0), --version, exit 2 on usage errors, "did you mean". */
import { main as webexMock } from '../../mock-server/cli/main';
import { runCli } from '../../connector/cli/main';
import { main as conformance } from '../../conformance/cli/main';
import { closest } from '../../cli-kit/program';
import { startServer, exited } from '../control/support/spawn-server';

type Run = (argv: string[]) => Promise<{ code: number; out: string; err: string }>;

const capture = (fn: (argv: string[], out: (t: string) => void, err: (t: string) => void) => Promise<number>): Run => async (argv) => {
  let out = '';
  let err = '';
  const code = await fn(argv, (t) => { out += t; }, (t) => { err += t; });
  return { code, out, err };
};

const CLIS: Record<string, { run: Run; commands: string[] }> = {
  'webex-mock': { run: capture((a, out, err) => webexMock(a, { out, err })), commands: ['serve', 'scenarios', 'reproduce'] },
  'webex-connector': {
    run: capture((a, out, err) => runCli(a, {
      stdout: { write: out }, stderr: { write: err }, env: {}, readStdin: async () => '', readFile: async () => '',
    })),
    commands: ['test', 'push', 'update', 'password', 'deactivate', 'reactivate', 'get', 'import', 'schema'],
  },
  'webex-conformance': { run: capture((a, out, err) => conformance(a, { out, err })), commands: ['run', 'list'] },
};

describe.each(Object.entries(CLIS))('%s', (name, { run, commands }) => {
  it('--help and -h print usage with examples and exit 0; --version prints the package version', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toContain(`Usage: ${name}`);
      expect(r.out).toContain('Examples:');
    }
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(require('../../package.json').version);
  });

  it.each(commands)('%s --help and `help <command>` show the command usage with examples, exit 0', async (command) => {
    for (const argv of [[command, '--help'], ['help', command]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: ${name} ${command}`);
      expect(r.out).toMatch(new RegExp(`Examples:\\n {2}\\$ \\S*${name}`));
    }
  });

  it('usage errors exit 2 and say what was meant', async () => {
    const typo = commands[0].slice(0, -1) + commands[0].slice(-1).repeat(2); // serve → servee
    const unknown = await run([typo]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`unknown command '${typo}'`);
    expect(unknown.err).toContain(`(Did you mean ${commands[0]}?)`);
    const flag = await run([commands[0], '--hlep']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/unknown option '--hlep'[\s\S]*Did you mean --help\?/);
    expect((await run([])).code).toBe(2);
  });
});

it('serve and reproduce suggest the scenario name that was meant', async () => {
  const r = await CLIS['webex-mock'].run(['reproduce', 'user-limit-exeeded']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('(did you mean user-limit-exceeded?)');
  const bad = await CLIS['webex-mock'].run(['serve', '--scenario', 'rate-limted', '--port', '0']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('(did you mean rate-limited?)');
  expect(bad.out).not.toContain('listening');
});

it('serve refuses a bad value from a flag or its environment variable with exit 2', async () => {
  const r = await CLIS['webex-mock'].run(['serve', '--journal-size', '0']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--journal-size <n>' argument '0' is invalid\. must be an integer >= 1/);
});

it('closest() suggests only near names', () => {
  expect(closest('rate-limted', ['rate-limited', 'large-site'])).toBe('rate-limited');
  expect(closest('zzz', ['rate-limited', 'large-site'])).toBeUndefined();
  expect(closest('rate-limited', ['rate-limited'])).toBeUndefined(); // an exact name needs no hint
});

describe('serve settings from WEBEX_MOCK_* (container and CI configuration)', () => {
  it('takes scenario, journal size and admin token from the environment; flags win over it', async () => {
    const server = await startServer(['--journal-size', '7'], {
      WEBEX_MOCK_SCENARIO: 'host-limit-reached', WEBEX_MOCK_JOURNAL_SIZE: '3', WEBEX_MOCK_ADMIN_TOKEN: 'env-token',
    });
    try {
      expect((await fetch(`${server.url}/_mock/sites`)).status).toBe(401); // health answers {status} without the token
      const health = await fetch(`${server.url}/_mock/health`, { headers: { Authorization: 'Bearer env-token' } });
      expect(await health.json()).toMatchObject({ scenario: { name: 'host-limit-reached' }, journal: { size: 7 } });
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });

  it('PORT is read when neither --port nor WEBEX_MOCK_PORT is given', async () => {
    // A bad PORT shows that serve read it (a good one would start listening in this process).
    const saved = process.env.PORT;
    process.env.PORT = 'eighty';
    try {
      const bad = await CLIS['webex-mock'].run(['serve']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('$PORT must be an integer from 0 to 65535, not "eighty"');
    } finally {
      if (saved === undefined) delete process.env.PORT; else process.env.PORT = saved;
    }
  });

  it('an invalid environment value names the variable and exits 2', async () => {
    const failed = await startServer([], { WEBEX_MOCK_JOURNAL_SIZE: 'lots' }).then(() => 'started', (e: Error) => e.message);
    expect(failed).toMatch(/exited \(2\)[\s\S]*value 'lots' from env 'WEBEX_MOCK_JOURNAL_SIZE' is invalid/);
  });
});
