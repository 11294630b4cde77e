import { createWebexMock, type RunningServer, type WebexMock } from '../../../mock-server';
import { WebexConnector, type ConnectorConfig } from '../../../connector';

/** One emulator on 127.0.0.1:0 for a test file; reset before each test. */
export function liveMock() {
  const state = {} as { mock: WebexMock; server: RunningServer };
  beforeAll(async () => {
    state.mock = createWebexMock();
    state.server = await state.mock.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await state.server?.close();
  });
  beforeEach(() => {
    state.mock.reset();
    state.mock.engine.interceptors.length = 0;
  });
  return {
    get mock() { return state.mock; },
    get url() { return state.server.url; },
    get site() { return state.mock.registry.get('demo')!; },
    /** A connector signed in as the demo admin; sleeps are recorded, not waited. */
    connector(overrides: Partial<ConnectorConfig> = {}) {
      const delays: number[] = [];
      const connector = new WebexConnector({
        url: state.server.url, siteName: 'demo', admin: 'admin', password: 'P@ssword123',
        sleep: async (ms) => { delays.push(ms); }, ...overrides,
      });
      return Object.assign(connector, { delays });
    },
  };
}
