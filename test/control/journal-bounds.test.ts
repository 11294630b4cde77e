/**
 * The journal's bounds and its read-time redaction: bounded in entries and bytes with counted evictions, bodies
 * cut at a per-body limit with a note, redaction linear whatever the text (a quadratic pass times this file out),
 * secrets found by the reader's local-name rule whatever the prefix, nothing of a password in a reader's detail.
 */
import { createWebexMock, DEMO, Journal, REDACTED, type Exchange } from '../../mock-server';
import { isEnvelopeError, parseEnvelope } from '../../mock-server/wire';
import { ExchangeRing } from '../../mock-server/control/journal/exchange-ring';
import { createUser, envelope, getUser, resultOf } from './support/xml';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const MB = 1024 * 1024;

describe('journal bounds', () => {
  it('is bounded in bytes: the oldest entries go first, counted by number and by bytes', async () => {
    const mock = createWebexMock({ control: { journal: { size: 1000, maxBytes: MB, maxBodyBytes: 64 * 1024 } } });
    const filler = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 40; i++) await mock.request(getUser('host').replace('<webExId>host</webExId>', `<webExId>host</webExId><note>${filler}</note>`));
    const j = mock.control.journal!.query({ limit: 1000 });
    expect(j.total).toBeLessThan(40);
    expect(j.total).toBeGreaterThan(5);
    expect(j.evicted).toBe(40 - j.total);
    expect(j.evictedBytes).toBeGreaterThan(j.evicted * 64 * 1024);
    expect(j.bytes).toBeLessThanOrEqual(MB);
    expect(j.maxBytes).toBe(MB);
    // The newest survive, in order, each cut at the body limit with its full size noted.
    expect(j.entries.map((e) => e.id)).toEqual(Array.from({ length: j.total }, (_, k) => 40 - j.total + 1 + k));
    const last = j.entries[j.entries.length - 1];
    expect(last.truncated?.request).toBeGreaterThan(100 * 1024);
    expect(last.truncated?.response).toBeUndefined();
    expect(last.requestXml).toMatch(/… \[\d+ more bytes cut by the journal\]$/);
    expect(last.request).toBeUndefined(); // only part of it was kept
    expect(last).toMatchObject({ operation: 'GetUser', site: 'demo', result: 'SUCCESS', caller: 'admin' });
    expect(resultOf(last.responseXml)).toBe('SUCCESS');
  });

  it('wraps around the ring without mixing entries up (bodies of uneven sizes)', async () => {
    const mock = createWebexMock({ control: { journal: { size: 1000, maxBytes: 256 * 1024, maxBodyBytes: 32 * 1024 } } });
    for (let i = 0; i < 200; i++) {
      const note = `${i}:${'y'.repeat((i * 7919) % 9000)}`;
      await mock.request(getUser('host').replace('<webExId>host</webExId>', `<webExId>host</webExId><note>${note}</note>`));
    }
    const j = mock.control.journal!.query({ limit: 1000 });
    expect(j.evicted).toBe(200 - j.total);
    expect(j.bytes).toBeLessThanOrEqual(256 * 1024);
    for (const e of j.entries) {
      const i = e.id - 1;
      expect(e.request?.body).toMatchObject({ webExId: 'host', note: `${i}:${'y'.repeat((i * 7919) % 9000)}` });
      expect(resultOf(e.responseXml)).toBe('SUCCESS');
      expect(e.caller).toBe('admin');
    }
  });

  it('counts evictions by entries too, and health shows the bytes', async () => {
    const mock = createWebexMock({ control: { journal: { size: 2 } } });
    for (let i = 0; i < 3; i++) await mock.request(getUser('host'));
    const h = mock.control.journal!.health();
    expect(h).toMatchObject({ entries: 2, evicted: 1, size: 2, maxBytes: 32 * MB });
    expect(h.evictedBytes).toBeGreaterThan(1000);
    expect(h.bytes).toBeGreaterThan(1000);
    mock.control.journal!.clear();
    expect(mock.control.journal!.health()).toMatchObject({ entries: 0, evicted: 0, evictedBytes: 0, bytes: 0 });
  });

  it('allocates no more entry slots than the byte bound could fill', () => {
    expect(new Journal({ size: 100_000_000, maxBytes: MB }).size).toBe(MB / 128);
    expect(new Journal({ size: 5, maxBytes: MB }).size).toBe(5);
  });

  it('cuts a long response, and a cut password is still redacted', async () => {
    const mock = createWebexMock({ control: { journal: { maxBodyBytes: 1024 } } });
    const secret = 'Cut#Secret77';
    const body = `<serv:message ${XSI}><header><securityContext><password>${secret}${'y'.repeat(3000)}</password></securityContext></header></serv:message>`;
    await mock.request(body);
    await mock.request(envelope('user.LstsummaryUser', '<listControl><maximumNum>50</maximumNum></listControl>'));
    const [unreadable, list] = mock.control.journal!.entries();
    expect(unreadable.truncated).toEqual({ request: Buffer.byteLength(body) });
    expect(unreadable.requestXml).not.toContain('Cut#Secret');
    expect(unreadable.requestXml).toContain(`<password>${REDACTED}`);
    expect(list.truncated?.response).toBeGreaterThan(1024);
    expect(list.request?.bodyType).toContain('LstsummaryUser');
    expect(Buffer.byteLength(list.responseXml.replace(/… \[\d+ more bytes cut by the journal\]$/, ''))).toBeLessThanOrEqual(1024);
  });

  it('cuts between characters, never inside one', () => {
    const journal = new Journal({ maxBodyBytes: 1024 });
    const text = `<a>${'é'.repeat(2000)}</a>`; // 2-byte characters: byte 1024 falls inside one
    journal.record(exchange(Buffer.from(text), 'ok'));
    const [e] = journal.entries();
    expect(e.requestXml).not.toContain('\ufffd');
    expect(e.truncated).toEqual({ request: Buffer.byteLength(text) });
  });

  it('keeps a Buffer answer by reference and shows it as text', () => {
    const journal = new Journal();
    const answer = Buffer.from('<serv:message><serv:result>SUCCESS</serv:result><use:sessionTicket>AAAB-ref-ticket</use:sessionTicket></serv:message>');
    journal.record(exchange(getUser('host'), answer));
    const [e] = journal.entries();
    expect(resultOf(e.responseXml)).toBe('SUCCESS');
    expect(e.responseXml).toContain(`<use:sessionTicket>${REDACTED}</use:sessionTicket>`);
    expect(journal.stats().bytes).toBeGreaterThanOrEqual(answer.length);
  });
});

describe('journal redaction', () => {
  const read = async (bodies: string[], opts = {}) => {
    const mock = createWebexMock({ control: { journal: opts } });
    for (const b of bodies) await mock.request(b);
    return mock.control.journal!.entries();
  };

  it('reads back adversarial bodies of 190 KB and 5 MB (a quadratic redaction would time this test out)', async () => {
    const shapes = (size: number) => [
      '<password '.repeat(size / 10),
      '<password>'.repeat(size / 10),
      `<x>${'<password>a</password>'.repeat(size / 22)}</x>`,
      `<password>${'<![CDATA['.repeat(size / 9)}`,
      `<password a="${'>'.repeat(size)}`,
      `<ticket>${'<ticket '.repeat(size / 8)}`,
      `<a href="p.php?${'&TK=1'.repeat(size / 5)}">`,
      `<password>x${'</password '.repeat(size / 11)}`,
      `<message ${XSI}><header><securityContext><password>${'v'.repeat(size)}</password></securityContext></header></message>`,
    ];
    for (const size of [190 * 1024, 5 * MB]) {
      const bodies = shapes(size);
      const entries = await read(bodies, { maxBytes: 64 * MB, maxBodyBytes: 6 * MB });
      expect(entries).toHaveLength(bodies.length);
      same(entries[0].requestXml, `<password ${REDACTED}`);
      same(entries[1].requestXml, `<password>${REDACTED}`);
      same(entries[2].requestXml, `<x>${`<password>${REDACTED}</password>`.repeat(size / 22)}</x>`);
      same(entries[3].requestXml, `<password>${REDACTED}`);
      same(entries[4].requestXml, `<password ${REDACTED}`);
      same(entries[5].requestXml, `<ticket>${REDACTED}`);
      same(entries[6].requestXml, `<a href="p.php?${`&TK=${REDACTED}`.repeat(size / 5)}">`);
      same(entries[7].requestXml, `<password>${REDACTED}${'</password '.repeat(size / 11)}`);
      expect(entries[8].requestXml.includes('vvvv')).toBe(false);
      for (const e of entries) expect(e.truncated).toBeUndefined();
    }
  }, 120_000); // linear: seconds on a busy machine; quadratic: hours

  it('finds a secret element by its local name whatever the prefix (the reader accepts any, and uses the value)', async () => {
    const who = (sc: string) => `<serv:message ${XSI}><header><securityContext><siteName>demo</siteName><webExID>admin</webExID>${sc}</securityContext></header>`;
    const bodies = [
      `${who(`<x+y:password>${DEMO.admin.password}</x+y:password>`)}<body><bodyContent xsi:type="java:com.webex.service.binding.user.CreateUser"><webExId>exotic</webExId><email>exotic@demo.example.com</email><firstName>E</firstName><lastName>X</lastName><x+y:password>Plus#Secret51</x+y:password></bodyContent></body></serv:message>`,
      `${who(`<пароль:password>${DEMO.admin.password}</пароль:password>`)}<body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>exotic</webExId><ü:password>Umlaut#Secret52</ü:password></bodyContent></body></serv:message>`,
      envelope('user.AuthenticateUser', '<ж:accessToken>Cyrillic#Token53</ж:accessToken>', { password: '' }),
      envelope('user.GetUser', '<webExId>host</webExId>').replace(/<password>[^<]*<\/password>/, '<a:b:password>Double#Prefix54</a:b:password>'),
      envelope('user.GetUser', '<webExId>host</webExId>').replace(/<password>[^<]*<\/password>/, '<PassWord>Upper#Case55</PassWord>'),
    ];
    const entries = await read(bodies);
    expect(resultOf(entries[0].responseXml)).toBe('SUCCESS');
    expect(resultOf(entries[1].responseXml)).toBe('SUCCESS');
    const text = JSON.stringify(entries);
    for (const s of ['Plus#Secret51', 'Umlaut#Secret52', 'Cyrillic#Token53', 'Double#Prefix54', 'Upper#Case55', DEMO.admin.password]) expect(text).not.toContain(s);
    expect(entries[0].requestXml).toContain(`<x+y:password>${REDACTED}</x+y:password>`);
    expect(entries[0].request?.body).toMatchObject({ password: REDACTED, webExId: 'exotic' });
    expect(entries[1].requestXml).toContain(`<ü:password>${REDACTED}</ü:password>`);
  });

  it('keeps every fragment of an unescaped password out of the detail of a body the reader refused', async () => {
    const sc = (password: string) => `<serv:message ${XSI}>\n<header><securityContext>\n<webExID>admin</webExID>\n<password>${password}</password>\n</securityContext></header></serv:message>`;
    const entries = await read([
      sc('ab<cdFragment#1'),
      sc('ab</efFragment#2>'),
      sc('ab<gh ijFragment#3="x"'),
      sc('ab&klFragment#4;'),
      `<serv:message ${XSI}><header><securityContext><password>ab<mn op="Fragment#5></password></securityContext></header></serv:message>`,
    ]);
    for (const e of entries) expect(e.exceptionID).toBe('000000');
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/Fragment#/);
    expect(entries[0].detail).toMatch(/^malformed XML: .*\(line 4\)$/);
    // The reader quotes nothing from inside a secret element (issue 10), so there is nothing left to redact.
    expect(entries[0].detail).toBe('malformed XML: invalid element name (line 4)');
    // A detail about another line keeps what it quotes.
    const [other] = await read([`<serv:message ${XSI}>\n<header><securityContext><password>fine#pass</password></securityContext></header>\n<body><a></b></body></serv:message>`]);
    expect(other.detail).toContain('</b>');
    expect(JSON.stringify(other)).not.toContain('fine#pass');
  });

  it('takes names inside a secret element out of ignoredElements', () => {
    const journal = new Journal();
    const x = exchange(createUser('frag.user', '<password>ab<cdTail/>ef</password>'), '<ok/>');
    x.meta.ignoredElements = ['cdTail', 'titel'];
    const read = parseEnvelope(x.request.body);
    x.envelope = isEnvelopeError(read) ? undefined : read;
    expect(x.envelope).toBeDefined();
    journal.record(x);
    const [e] = journal.entries();
    expect(e.ignoredElements).toEqual([REDACTED, 'titel']);
  });
});

/** Equality of long strings, reported by length and start (jest would print megabytes). */
function same(actual: string, expected: string): void {
  const view = (s: string) => ({ length: s.length, start: s.slice(0, 120), end: s.slice(-60) });
  if (actual !== expected) expect(view(actual)).toEqual(view(expected));
  expect(actual === expected).toBe(true);
}

function exchange(body: Buffer | string, response: Buffer | string): Exchange {
  return {
    startedAt: Date.now(), durationMs: 1, request: { body },
    response: { status: 200, headers: {}, body: response }, meta: { result: 'SUCCESS' },
  };
}

describe('journal byte ring', () => {
  it('allocates its bytes at the first record, not before (a 32 MiB Buffer at start cost the server a full GC before listening)', () => {
    const ring = new ExchangeRing({ entries: 1000, maxBytes: 8 * MB, maxBodyBytes: 256 * 1024 });
    expect(ring.allocatedBytes).toBe(0);
    expect(ring.count).toBe(0);
    ring.push(0, 1, 200, '<a/>', Buffer.from('<r/>'), { result: 'SUCCESS', caller: 'u' }, true);
    expect(ring.allocatedBytes).toBe(8 * MB);
    const s = ring.slot(0);
    expect(String(ring.request(s).raw)).toBe('<a/>');
    expect(ring.response(s).text).toBe('<r/>');
    expect(ring.texts(s).caller).toBe('u');
  });

  it('goes back to its start once the oldest record leaves room there, so it writes about its live bytes, not all of its bound', () => {
    const ring = new ExchangeRing({ entries: 100, maxBytes: 8 * MB, maxBodyBytes: 256 * 1024 });
    const request = (i: number) => `<r>${String(i).padStart(6, '0')}${'x'.repeat(1000)}</r>`;
    for (let i = 0; i < 5000; i++) ring.push(i, 1, 200, request(i), Buffer.from(`<a>${i}</a>`), { result: 'SUCCESS' }, true);
    // 100 live records of ~1 KB: without going back early the ring would have written 5,000 × 1 KB.
    expect(ring.count).toBe(100);
    expect(ring.touchedBytes).toBeLessThan(2 * 100 * 1024);
    for (let k = 0; k < ring.count; k++) {
      const s = ring.slot(k);
      expect(String(ring.request(s).raw)).toBe(request(4900 + k));
      expect(ring.response(s).text).toBe(`<a>${4900 + k}</a>`);
    }
  });
});
