/**
 * A mock as `serve` builds it (control plane, admin API at /_mock, Inspector at /_mock/ui), listening on
 * 127.0.0.1 with an ephemeral port.
 */
import { DEMO, createWebexMock, readPath, type Site, type WebexMockOptions } from '../../../mock-server';
import type { ControlPlane } from '../../../mock-server/control/control-plane';

export interface Inspector {
  /** http://127.0.0.1:PORT */
  url: string;
  control: ControlPlane;
  site(name: string): Site;
  /** webExIds of `count` users from `offset`, in userId order. */
  webExIds(site: string, offset: number, count: number): string[];
  faultCount(): number;
  adminPassword: string;
  hostPassword: string;
  close(): Promise<void>;
}

export async function startInspector(options: WebexMockOptions = {}): Promise<Inspector> {
  const mock = createWebexMock(options);
  const running = await mock.listen({ host: '127.0.0.1', port: 0 });
  const site = (name: string) => {
    const s = mock.registry.get(name);
    if (!s) throw new Error(`no site ${name}`);
    return s;
  };
  return {
    url: running.url,
    control: mock.control,
    site,
    webExIds: (name, offset, count) => site(name).users().slice(offset, offset + count).map((u) => String(readPath(u, 'webExId'))),
    faultCount: () => mock.control.faults.list().length,
    adminPassword: DEMO.admin.password,
    hostPassword: DEMO.host.password,
    close: async () => {
      await running.close();
      mock.close();
    },
  };
}
