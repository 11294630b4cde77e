// The Journal view: requests newest first, polled once a second while live; a row opens its XML pair.
import { api, listOf, query } from './api.js';
import { $, byTestId, h, notice } from './dom.js';
import { fillOperationSelects, health, loadCatalog, loadSites, state } from './store.js';

const JOURNAL_POLL_MS = 1000;
const JOURNAL_LIMIT = 200;

function journalEntries(data) {
  return listOf(data, 'entries').length ? listOf(data, 'entries') : listOf(data, 'journal');
}

const entryTime = (e) => e.time ?? e.at ?? e.startedAt ?? e.timestamp;
const entryLatency = (e) => e.latencyMs ?? e.durationMs ?? e.duration;
const entryKey = (e, i) => String(e.id ?? e.seq ?? `${entryTime(e)}-${i}`);

/** Raw XML of a request/response field that may be a string or {xml|body}. */
function xmlOf(part) {
  if (typeof part === 'string') return part;
  if (part && typeof part === 'object' && typeof (part.xml ?? part.body) === 'string') return part.xml ?? part.body;
  return '';
}

function fmtTime(t) {
  if (t === undefined) return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return String(t);
  return d.toISOString().slice(11, 23);
}

/** Indent XML for reading. Falls back to the raw text when it is not well-formed (the journal shows what was sent). */
function prettyXml(text) {
  if (!text) return '';
  const decl = /^\s*<\?xml[^>]*\?>/.exec(text);
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return text;
  const lines = decl ? [decl[0].trim()] : [];
  const walk = (node, depth) => {
    const pad = '  '.repeat(depth);
    const attrs = [...node.attributes].map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
    const kids = [...node.childNodes].filter((c) => c.nodeType === 1 || (c.nodeType === 3 && c.nodeValue.trim()) || c.nodeType === 4);
    if (!kids.length) { lines.push(`${pad}<${node.nodeName}${attrs}/>`); return; }
    if (kids.every((c) => c.nodeType !== 1)) {
      const txt = kids.map((c) => (c.nodeType === 4 ? `<![CDATA[${c.nodeValue}]]>` : escapeText(c.nodeValue.trim()))).join('');
      lines.push(`${pad}<${node.nodeName}${attrs}>${txt}</${node.nodeName}>`);
      return;
    }
    lines.push(`${pad}<${node.nodeName}${attrs}>`);
    for (const c of kids) {
      if (c.nodeType === 1) walk(c, depth + 1);
      else lines.push(`${pad}  ${c.nodeType === 4 ? `<![CDATA[${c.nodeValue}]]>` : escapeText(c.nodeValue.trim())}`);
    }
    lines.push(`${pad}</${node.nodeName}>`);
  };
  walk(doc.documentElement, 0);
  return lines.join('\n');
}

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function resultBadge(result) {
  const kind = result === 'SUCCESS' ? 'ok' : result === 'FAILURE' ? 'bad' : 'warn';
  return h('span', { class: `badge ${kind}` }, result ?? '');
}

/** The journal keeps the first 256 KiB of a body: say so, with the body's full size (a cut body is shown as kept, not parsed). */
function cutNote(entry, which) {
  const full = entry.truncated && entry.truncated[which];
  return full ? h('span', { class: 'badge warn', testid: `journal-${which}-truncated` }, `cut by the journal: ${Number(full).toLocaleString()} bytes in all`) : '';
}

function journalRows(entry, key) {
  const expanded = state.journal.expanded.has(key);
  const latency = entryLatency(entry);
  const toggle = () => {
    if (state.journal.expanded.has(key)) state.journal.expanded.delete(key);
    else state.journal.expanded.add(key);
    state.journal.signature = '';
    renderJournalEntries(state.journal.last);
  };
  const rows = [h('tr', { testid: 'journal-row', class: `result-${String(entry.result || '').toLowerCase()}`, 'data-key': key },
    h('td', { class: 'mono', title: String(entryTime(entry) ?? '') }, fmtTime(entryTime(entry))),
    h('td', {}, h('button', { type: 'button', class: 'link', 'aria-expanded': String(expanded), testid: 'journal-expand', onclick: toggle },
      expanded ? '▾ ' : '▸ ', entry.operation || '(unparsed request)')),
    h('td', { testid: 'journal-site' }, entry.site ?? ''),
    h('td', {}, entry.caller ?? ''),
    h('td', { testid: 'journal-result' }, resultBadge(entry.result), entry.fault ? h('span', { class: 'badge warn', title: 'answered by an injected fault' }, `fault ${entry.fault}`) : ''),
    h('td', { class: 'mono', testid: 'journal-exception' }, entry.exceptionID ?? ''),
    h('td', { class: 'reason', testid: 'journal-reason', title: entry.reason ?? '' }, entry.reason ?? entry.detail ?? ''),
    h('td', { class: 'num' }, latency === undefined ? '' : `${Number(latency).toFixed(1)} ms`))];
  if (expanded) {
    const req = entry.requestXml ?? xmlOf(entry.request);
    const res = entry.responseXml ?? xmlOf(entry.response);
    const status = entry.httpStatus ?? (entry.response && typeof entry.response === 'object' ? entry.response.status : undefined);
    rows.push(h('tr', { class: 'xml-row', testid: 'journal-detail' }, h('td', { colspan: 8 },
      h('div', { class: 'xml-pair' },
        h('section', {}, h('h4', {}, 'Request', cutNote(entry, 'request')), h('pre', { testid: 'journal-request-xml', tabindex: 0 }, cutNote(entry, 'request') ? req : prettyXml(req))),
        h('section', {}, h('h4', {}, 'Response', status ? ` (HTTP ${status})` : '', cutNote(entry, 'response')), h('pre', { testid: 'journal-response-xml', tabindex: 0 }, cutNote(entry, 'response') ? res : prettyXml(res)))))));
  }
  return rows;
}

function renderJournalEntries(data) {
  state.journal.last = data;
  const entries = journalEntries(data).slice();
  // Newest first, whatever order the API keeps.
  entries.sort((a, b) => (Number(b.id) || 0) - (Number(a.id) || 0) || (Number(new Date(entryTime(b))) || 0) - (Number(new Date(entryTime(a))) || 0));
  const keys = entries.map((e, i) => entryKey(e, i));
  const signature = `${keys.join(',')}|${[...state.journal.expanded].join(',')}`;
  let newOps = false;
  for (const e of entries) {
    if (e.operation && !state.journal.operations.has(e.operation)) { state.journal.operations.add(e.operation); newOps = true; }
  }
  if (newOps) fillOperationSelects();
  const evicted = data && typeof data.evicted === 'number' ? ` · ${data.evicted} evicted` : '';
  const total = data && typeof data.total === 'number' ? data.total : entries.length;
  byTestId('journal-count').textContent = `${entries.length} shown of ${total}${evicted}`;
  if (signature === state.journal.signature) return;
  state.journal.signature = signature;
  const tbody = $('tbody', byTestId('journal-table'));
  tbody.replaceChildren(...(entries.length
    ? entries.flatMap((e, i) => journalRows(e, keys[i]))
    : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No requests yet. Send one to /WBXService/XMLService.'))]));
}

/**
 * Poll the journal: the first call (and any filter change) fetches the last JOURNAL_LIMIT matches; later calls
 * ask only for entries after the newest one shown (`since`), so a busy journal is not re-sent every second.
 */
export async function refreshJournal(full = false) {
  const j = state.journal;
  if (j.busy) { j.again = true; return; }
  j.busy = true;
  try {
    const form = byTestId('journal-form');
    const filters = { site: form.site.value, operation: form.operation.value, result: form.result.value };
    const key = JSON.stringify(filters);
    const incremental = !full && key === j.filterKey && j.lastId !== undefined;
    const limit = Math.min(JOURNAL_LIMIT, state.journalSize ?? JOURNAL_LIMIT); // the API refuses more than its ring holds
    const data = await api('GET', `journal${query({ ...filters, limit, since: incremental ? j.lastId : undefined })}`);
    const fresh = journalEntries(data);
    // A journal holding fewer entries than we show was cleared elsewhere: start over.
    if (incremental && typeof data.total === 'number' && data.total < j.entries.length) {
      j.busy = false;
      return refreshJournal(true);
    }
    j.entries = (incremental ? [...j.entries, ...fresh] : fresh).slice(-limit);
    j.filterKey = key;
    const last = j.entries[j.entries.length - 1];
    j.lastId = last && last.id !== undefined ? last.id : (incremental ? j.lastId : undefined);
    renderJournalEntries({ entries: j.entries, total: data.total, evicted: data.evicted });
  } catch (e) {
    notice(e.message, 'error');
  } finally {
    j.busy = false;
  }
  if (j.again) {
    j.again = false;
    await refreshJournal();
  }
}

export function scheduleJournal() {
  clearInterval(state.journal.timer);
  state.journal.timer = 0;
  if (state.view === 'journal' && byTestId('journal-live').checked && !state.journalOff) {
    state.journal.timer = setInterval(refreshJournal, JOURNAL_POLL_MS);
  }
}

export async function renderJournal() {
  if (state.journalSize === undefined) await health();
  if (state.journalOff) {
    $('tbody', byTestId('journal-table')).replaceChildren(h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'This mock runs without a journal.')));
    return;
  }
  await loadCatalog();
  if (!state.sites.length) await loadSites();
  await refreshJournal(true);
  scheduleJournal();
}

export function wireJournal() {
  const journalForm = byTestId('journal-form');
  journalForm.addEventListener('submit', (ev) => ev.preventDefault());
  journalForm.addEventListener('change', (ev) => {
    if (ev.target.name === 'live') scheduleJournal();
    else refreshJournal();
  });
  byTestId('journal-clear').addEventListener('click', async () => {
    try {
      await api('DELETE', 'journal');
      state.journal.expanded.clear();
      await refreshJournal(true);
    } catch (e) {
      notice(e.message, 'error');
    }
  });
}
