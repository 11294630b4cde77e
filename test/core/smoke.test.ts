import request from 'supertest';
import { createWebexMock } from '../../mock-server';

const getUser = (who: string, password = 'P@ssword123') => `<?xml version="1.0" encoding="UTF-8"?>
<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<header><securityContext><siteName>demo</siteName><webExID>admin</webExID><password>${password}</password></securityContext></header>
<body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>${who}</webExId></bodyContent></body></serv:message>`;

describe('smoke: the demo site over HTTP', () => {
  const mock = createWebexMock();

  it('answers GetUser for a seeded user', async () => {
    const res = await request(mock.app).post('/WBXService/XMLService').send(getUser('host'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml;charset=UTF-8');
    expect(res.text).toContain('<serv:result>SUCCESS</serv:result>');
    expect(res.text).toContain('<use:webExId>host</use:webExId>');
    expect(res.text).toContain('<use:password>******</use:password>');
  });

  it('refuses a wrong password with 030002', async () => {
    const res = await request(mock.app).post('/WBXService/XMLService').send(getUser('host', 'nope'));
    expect(res.text).toContain('<serv:exceptionID>030002</serv:exceptionID>');
    expect(res.text).toContain('<serv:reason>Incorrect user or password</serv:reason>');
  });

  it('seeds 52 users', () => {
    expect(mock.registry.get('demo')!.userCount).toBe(52);
  });
});
