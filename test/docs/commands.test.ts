/**
 * Every command shown in README.md and docs/*.md is checked. The convention (NOTES for doc writers):
 * - shell blocks are fenced ```sh, ```bash, ```shell or ```console; in ```yaml blocks the `run:` lines count too;
 * - a command line of webex-mock, webex-connector or webex-conformance (bare, `npx …`, `node bin/….js`,
 *   `node dist/…/cli….js`) must parse with that CLI's own parser (same flags, arguments and subcommands; the
 *   action is not run);
 * - `npm run X` / `npm start` / `npm test` need that script in package.json;
 * - any other program must be in SHELL_TOOLS below (curl, jq, …), so a new one is a conscious choice;
 * - heredoc bodies (`<<'XML'` … `XML`) are data, not commands. `# comments`, `$ ` prompts, trailing `&` are dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { runProgram } from '../../cli-kit/program';
import { buildProgram as webexMock } from '../../mock-server/cli/main';
import { buildProgram as webexConnector } from '../../connector/cli/main';
import { buildProgram as webexConformance } from '../../conformance/cli/main';

const ROOT = join(__dirname, '../..');
const PAGES = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))];
const SHELL_TOOLS = new Set(['curl', 'jq', 'echo', 'printf', 'export', 'cat', 'sudo', 'tee', 'kill', 'git', 'cd', 'sleep', 'wait', 'python3', 'xmllint', 'openssl', 'docker', 'ls', 'mkdir', 'rm', 'alias', 'sysctl']);
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Shown { page: string; line: number; text: string }

export function commandLines(markdown: string, page: string): Shown[] {
  const out: Shown[] = [];
  let fence: string | undefined;
  let heredoc: string | undefined;
  let pending = '';
  markdown.split('\n').forEach((raw, i) => {
    const open = /^\s*```(\w*)/.exec(raw);
    if (open) {
      fence = fence === undefined ? open[1] || 'text' : undefined;
      return;
    }
    if (fence === undefined) return;
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      return;
    }
    let line = raw;
    if (fence === 'yaml') {
      const run = /^\s*-?\s*run:\s*(.*)$/.exec(raw);
      if (!run) return;
      line = run[1];
    } else if (!['sh', 'bash', 'shell', 'console'].includes(fence)) return;
    const doc = /<<-?\s*'?(\w+)'?/.exec(line);
    if (doc) heredoc = doc[1];
    line = pending + line.replace(/^\s*\$ /, '');
    if (line.endsWith('\\')) {
      pending = `${line.slice(0, -1)} `;
      return;
    }
    pending = '';
    if (line.trim()) out.push({ page, line: i + 1, text: line });
  });
  return out;
}

/** Shell words of one line, quotes removed; comments dropped. Separators (&&, ||, ;, |) are their own words. */
export function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? line.length : end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else if ('|;&'.includes(c) && !(c === '&' && (line[i - 1] === '>' || line[i + 1] === '>'))) {
      if (word !== undefined) out.push(word);
      word = undefined;
      const two = line.slice(i, i + 2);
      if (two === '&&' || two === '||') i++;
      out.push(two === '&&' || two === '||' ? two : c);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** Simple commands of a line: env assignments and redirections removed. */
export function simpleCommands(line: string): string[][] {
  const commands: string[][] = [[]];
  for (const w of words(line)) {
    if (['&&', '||', ';', '|', '&'].includes(w)) commands.push([]);
    else commands[commands.length - 1].push(w);
  }
  return commands.map((argv) => {
    const clean: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      if (/^[<>]|^\d>/.test(argv[i])) {
        if (/^(\d?>>?|<|&>)$/.test(argv[i])) i++; // "> file": skip the file too
        continue;
      }
      if (clean.length === 0 && /^[A-Z_][A-Z0-9_]*=/.test(argv[i])) continue;
      clean.push(argv[i]);
    }
    return clean;
  }).filter((argv) => argv.length > 0);
}

const CLIS: Record<string, () => Command> = {
  'webex-mock': () => webexMock({ out: () => {}, err: () => {} }, { code: 0 }),
  'webex-connector': () => webexConnector({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, readStdin: async () => '', readFile: async () => '' }, { code: 0 }),
  'webex-conformance': () => webexConformance({ out: () => {}, err: () => {} }, { code: 0 }),
};

/** Which of our CLIs a command line runs, and its arguments. */
export function cliOf(argv: string[]): { cli: string; args: string[] } | undefined {
  let [program, ...args] = argv;
  if (program === 'npx') {
    while (args[0]?.startsWith('-')) args = args.slice(1);
    [program, ...args] = args;
  }
  if (program === 'node') {
    const script = args[0] ?? '';
    const named = /bin\/(webex-[a-z]+)\.js$/.exec(script)?.[1]
      ?? (/dist\/mock-server\/cli\/main\.js$/.test(script) ? 'webex-mock' : undefined)
      ?? (/dist\/connector\/cli\.js$/.test(script) ? 'webex-connector' : undefined)
      ?? (/dist\/conformance\/cli\.js$/.test(script) ? 'webex-conformance' : undefined);
    if (named) return { cli: named, args: args.slice(1) };
    return undefined;
  }
  return program in CLIS ? { cli: program, args } : undefined;
}

/** The command tree with no-op actions and its error text captured. */
function disarm(command: Command, err: (t: string) => void): Command {
  // Only leaves act: a root given an action would take an unknown subcommand as its argument.
  if (command.commands.length === 0) command.action(() => {});
  command.configureOutput({ writeOut: () => {}, writeErr: err });
  command.commands.forEach((c) => disarm(c, err));
  return command;
}

async function problemWith(argv: string[]): Promise<string | undefined> {
  const ours = cliOf(argv);
  if (ours) {
    let said = '';
    const program = disarm(CLIS[ours.cli](), (t) => { said += t; });
    const code = await runProgram(program, ours.args, { code: 0 });
    return code === 0 ? undefined : `${ours.cli} refuses it: ${said.trim()}`;
  }
  const [program, ...args] = argv;
  if (program === 'npm') {
    const [verb, script] = args;
    if (['ci', 'install', 'i', 'pack', 'exec'].includes(verb)) return undefined;
    if (verb === 'start' || verb === 'test') return scripts[verb] ? undefined : `no "${verb}" script`;
    if (verb === 'run') return scripts[script] ? undefined : `no "${script}" script in package.json`;
    return `npm ${verb} is not a known npm command here`;
  }
  if (program === 'npx' && ['jest', 'tsc', 'stryker'].includes(argv.find((a, i) => i > 0 && !a.startsWith('-')) ?? '')) return undefined;
  if (program === 'node' || SHELL_TOOLS.has(program)) return undefined;
  return `${program} is neither one of our CLIs nor a listed shell tool (add it to SHELL_TOOLS if the docs mean it)`;
}

const shown = PAGES.flatMap((page) => commandLines(readFileSync(page, 'utf8'), relative(ROOT, page)));

it('the docs show commands of all three CLIs', () => {
  const used = new Set(shown.flatMap((s) => simpleCommands(s.text)).map((argv) => cliOf(argv)?.cli).filter(Boolean));
  expect([...used].sort()).toEqual(['webex-conformance', 'webex-connector', 'webex-mock']);
});

it('every command shown in README.md and docs/*.md is accepted by its CLI, npm script or a known tool', async () => {
  const problems: string[] = [];
  for (const s of shown) {
    for (const argv of simpleCommands(s.text)) {
      const problem = await problemWith(argv);
      if (problem) problems.push(`${s.page}:${s.line}: ${s.text.trim()}\n    ${problem}`);
    }
  }
  expect(problems).toEqual([]);
});

it('the checker itself refuses a mistyped flag, an unknown subcommand and an unknown program', async () => {
  expect(await problemWith(['npx', 'webex-mock', 'serve', '--prot', '1'])).toMatch(/unknown option '--prot'/);
  expect(await problemWith(['webex-conformance', 'runn'])).toMatch(/unknown command/);
  expect(await problemWith(['npm', 'run', 'no-such-script'])).toMatch(/no "no-such-script" script/);
  expect(await problemWith(['frobnicate'])).toMatch(/neither one of our CLIs/);
  expect(simpleCommands("WEBEX_MOCK_PORT=9000 npx webex-mock serve > log 2>&1 &  # comment")).toEqual([['npx', 'webex-mock', 'serve']]);
  expect(commandLines("```sh\ncat <<'XML'\nnot a command\nXML\nnpm test\n```\n", 'x').map((s) => s.text)).toEqual(["cat <<'XML'", 'npm test']);
});
