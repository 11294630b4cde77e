import { createWebexMock, type RunningServer, type WebexMock } from '../../../mock-server';
import { WebexConnector, type ConnectorConfig } from '../../../connector';

/** One emulator on 127.0.0.1:0 for a test file; reset before each test. */
export function liveMock() {
  const state = {} as { mock: WebexMock; server: RunningServer };
  /** Request elements the emulator did not know (it notes them on each exchange), for the current test. */
  const ignoredElements: string[] = [];
  beforeAll(async () => {
    state.mock = createWebexMock();
    state.mock.engine.observers.push((exchange) => { ignoredElements.push(...(exchange.meta.ignoredElements ?? [])); });
    state.server = await state.mock.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await state.server?.close();
  });
  beforeEach(() => {
    // Back to the demo site, with no faults (the control plane clears them on a full reset).
    state.mock.reset();
    ignoredElements.length = 0;
  });
  return {
    get mock() { return state.mock; },
    get url() { return state.server.url; },
    ignoredElements,
    get site() { return state.mock.registry.get('demo')!; },
    /** Change the demo site as the admin API does (PATCH /_mock/sites/demo). */
    patchSite(settings: object) { state.mock.control.patchSite('demo', settings); },
    /** Add a fault as the admin API does (POST /_mock/faults). */
    addFault(fault: object) { return state.mock.control.faults.add(fault); },
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
