/** SUCCESS answers with an empty bodyContent (SetUser) are built once per type and gsbStatus, and stay exact. */
import { createWebexMock, readPath, responseText, type WebexMock } from '../../mock-server';
import { envelope, getUser } from '../control/support/xml';

const handle = (mock: WebexMock, xml: string) => mock.engine.handle({ body: xml });
const setTitle = (title: string) => envelope('user.SetUser', `<webExId>host</webExId><title>${title}</title>`);
const answer = (gsb: string) => '<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"'
  + ' xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user">'
  + `<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>${gsb}</serv:gsbStatus></serv:response></serv:header>`
  + '<serv:body><serv:bodyContent xsi:type="use:setUserResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></serv:body></serv:message>';

describe('empty SUCCESS answers', () => {
  let mock: WebexMock;
  beforeEach(() => { mock = createWebexMock(); });

  it('SetUser answers the same exact bytes each time, shared, and every write still happens', async () => {
    const first = await handle(mock, setTitle('One'));
    const second = await handle(mock, setTitle('Two'));
    expect(responseText(first)).toBe(answer('PRIMARY'));
    expect(second.body).toBe(first.body);
    expect(second.shared).toBe(true);
    expect(readPath(mock.registry.get('demo')!.findUser('host')!, 'title')).toBe('Two');
    expect(responseText(await handle(mock, getUser('host')))).toContain('<use:title>Two</use:title>');
  });

  it('keys on gsbStatus: a backup-servers fault gets BACKUP, the next write PRIMARY', async () => {
    await handle(mock, setTitle('One'));
    mock.control.faults.add({ match: { operation: 'SetUser', times: 1 }, effect: { gsbStatus: 'BACKUP' } });
    expect(responseText(await handle(mock, setTitle('Two')))).toBe(answer('BACKUP'));
    expect(responseText(await handle(mock, setTitle('Three')))).toBe(answer('PRIMARY'));
  });

  it('the journal still shows the answer of each write', async () => {
    await handle(mock, setTitle('One'));
    await handle(mock, setTitle('Two'));
    const { entries } = mock.control.journal!.query({ operation: 'SetUser', limit: 2 });
    expect(entries.map((e) => e.responseXml)).toEqual([answer('PRIMARY'), answer('PRIMARY')]);
  });
});
