/** `webex-mock`: serve the emulator. Subcommands are registered in cli-commands so each stays small. */
import { parseArgs } from 'node:util';
import { createWebexMock } from './mock';
import { DEMO } from './site/demo-site';

const USAGE = `Usage: webex-mock <command> [options]

Commands:
  serve     Serve the XML API (POST /WBXService/XMLService)
            --host HOST      (default 127.0.0.1)
            --port PORT      (default 8080, or $PORT; 0 = any free port)
            --scenario NAME|FILE

Run 'webex-mock help' for this text.`;

export async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { host: { type: 'string' }, port: { type: 'string' }, scenario: { type: 'string' } }, strict: true });
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${values.port ?? process.env.PORT}`);
  const mock = createWebexMock();
  const running = await mock.listen({ host: values.host ?? '127.0.0.1', port });
  process.stdout.write(`webex-mock listening on ${running.url}\n`);
  process.stdout.write(`XML API: ${running.xmlUrl}\n`);
  process.stdout.write(`Demo site: siteName=${DEMO.siteName} siteID=${DEMO.siteId} admin=${DEMO.admin.webExId} password=${DEMO.admin.password} accessToken=${DEMO.accessToken}\n`);
  const stop = () => { void running.close().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(rest);
      return 0;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`webex-mock: unknown command ${command}\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  main().then((code) => { if (code !== 0) process.exitCode = code; }, (e: Error) => {
    process.stderr.write(`webex-mock: ${e.message}\n`);
    process.exitCode = 1;
  });
}
