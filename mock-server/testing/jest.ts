/**
 * Jest helper: `const webex = useWebexMock()` at the top of a test file gives that file its own mock (jest runs
 * each file in its own module registry), intercepts fetch to https://*.webex.com through msw (or serves a real
 * port with `mode: 'http'`), and resets the mock before every test.
 */
import { setupServer } from 'msw/node';
import { createWebexMock, type RunningServer, type WebexMock, type WebexMockOptions } from '../mock';
import { webexHandlers, type WebexHandlerOptions } from './msw';

export interface UseWebexMockOptions extends WebexMockOptions {
  /** 'msw' (default): intercept fetch, no port. 'http': listen on 127.0.0.1 with an ephemeral port. */
  mode?: 'msw' | 'http';
  /** Reset before each test (default true). */
  resetEachTest?: boolean;
  handlers?: WebexHandlerOptions;
  /** The site the helper's xmlUrl names (msw mode): default the first site. */
  site?: string;
}

export interface WebexMockHandle {
  readonly mock: WebexMock;
  /** Where to send XML: https://{site}.webex.com/WBXService/XMLService (msw) or http://127.0.0.1:PORT/... (http). */
  readonly xmlUrl: string;
}

interface JestGlobals {
  beforeAll(fn: () => unknown): void;
  beforeEach(fn: () => unknown): void;
  afterAll(fn: () => unknown): void;
}

export function useWebexMock(options: UseWebexMockOptions = {}): WebexMockHandle {
  const g = globalThis as unknown as Partial<JestGlobals>;
  if (!g.beforeAll || !g.beforeEach || !g.afterAll) throw new Error('useWebexMock() must be called inside a Jest test file');
  let mock: WebexMock | undefined;
  let server: ReturnType<typeof setupServer> | undefined;
  let running: RunningServer | undefined;
  let xmlUrl = '';
  g.beforeAll(async () => {
    mock = createWebexMock(options);
    if (options.mode === 'http') {
      running = await mock.listen({ host: '127.0.0.1', port: 0 });
      xmlUrl = running.xmlUrl;
    } else {
      const intercept = setupServer(...webexHandlers(mock, options.handlers));
      intercept.listen({ onUnhandledRequest: 'bypass' });
      server = intercept;
      const site = options.site ?? mock.registry.all()[0]?.name ?? 'demo';
      xmlUrl = `https://${site}.webex.com/WBXService/XMLService`;
    }
  });
  if (options.resetEachTest !== false) g.beforeEach(() => mock?.reset());
  g.afterAll(async () => {
    server?.close();
    await running?.close();
    mock?.close();
  });
  return {
    get mock() {
      if (!mock) throw new Error('the webex mock starts in beforeAll: use it inside tests or hooks');
      return mock;
    },
    get xmlUrl() {
      return xmlUrl;
    },
  };
}
