import { createWebexMock } from '../../mock-server';
import { WebexConnector } from '../../connector';
it('smoke', async () => {
  const mock = createWebexMock();
  const server = await mock.listen();
  try {
    const c = new WebexConnector({ url: server.url, siteName: 'demo', admin: 'admin', password: 'P@ssword123' });
    console.log(JSON.stringify(await c.testConnection(), null, 1));
    const s = await c.discoverSchema();
    console.log(s.warnings, s.sessionTypes, s.features);
    const r = await c.importUsers({ pageSize: 20 });
    console.log(r.total, r.users[0]);
  } finally { await server.close(); }
});
