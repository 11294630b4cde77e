/** The bench's CPU-per-request column reads /proc/<pid>/stat: it must count a process's own work and nothing else. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { processCpuUs } from '../../bench/load';

const linux = existsSync('/proc/self/stat');

(linux ? test : test.skip)('processCpuUs counts the CPU time a busy child spends, and an idle child spends next to none', async () => {
  const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 600; while (Date.now() < end);setInterval(() => {}, 1000)']);
  const idle = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const busyUs = processCpuUs(busy.pid!)!;
    const idleUs = processCpuUs(idle.pid!)!;
    // The busy loop alone is 600 ms; node's own start-up (~50–300 ms) is in both.
    expect(busyUs).toBeGreaterThanOrEqual(550_000);
    expect(busyUs - idleUs).toBeGreaterThanOrEqual(400_000);
  } finally {
    busy.kill(); idle.kill();
  }
});

test('processCpuUs of a process that does not exist is undefined, not a throw', () => {
  expect(processCpuUs(2 ** 22 + 12345)).toBeUndefined();
});
