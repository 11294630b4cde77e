/** The curl lines of the security model in the control-plane docs, run against a real `serve`: each answers the status its comment says. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exited, startServer } from './support/spawn-server';

const ROOT = join(__dirname, '../..');
const DOC = join(ROOT, 'docs/control-plane.md');

function securityExamples(): { command: string; status: number }[] {
  const text = readFileSync(DOC, 'utf8');
  const section = text.slice(text.indexOf('## Security model'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)![1];
  return block.trim().split('\n').map((line) => {
    const m = /^(curl .*?)\s+#\s*(\d{3})/.exec(line);
    if (!m) throw new Error(`no "# STATUS" comment on: ${line}`);
    return { command: m[1], status: Number(m[2]) };
  });
}

it('every curl line of the security model answers the status it documents', async () => {
  const examples = securityExamples();
  expect(examples.length).toBeGreaterThanOrEqual(4);
  const server = await startServer([]);
  try {
    const port = new URL(server.url).port;
    for (const { command, status } of examples) {
      const line = `${command.replace('localhost:8080', `127.0.0.1:${port}`)} -o /dev/null -w '%{http_code}'`;
      expect([line, execFileSync('bash', ['-c', line], { encoding: 'utf8' })]).toEqual([line, String(status)]);
    }
  } finally {
    server.child.kill('SIGKILL');
    await exited(server.child);
  }
});
