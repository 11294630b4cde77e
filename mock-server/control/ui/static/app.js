// webex-mock Inspector: plain browser JavaScript, no framework, no build step. Talks only to the admin API
// of the server that served it (same origin, /_mock/...). All data is inserted as text, never as HTML.
'use strict';

(() => {
  const API = new URL('../', location.href).pathname; // the page lives at /_mock/ui/
  const JOURNAL_POLL_MS = 1000;
  const JOURNAL_LIMIT = 200;
  const SECRET_KEY = /(^|\/)(password|passwordHash|passwordSalt|sessionTicket|accessToken)$/i;

  const state = {
    sites: [],
    catalog: null,
    view: '',
    users: { site: '', q: '', offset: 0, limit: 50, total: 0, selected: '' },
    journal: { expanded: new Set(), signature: '', timer: 0, busy: false, again: false, operations: new Set(), entries: [], filterKey: '', lastId: undefined },
  };

  // ---- small helpers -----------------------------------------------------------------------------

  /** h('tag', {attrs}, ...children): children are nodes or text; attributes starting with "on" are listeners. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (k === 'testid') el.dataset.testid = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  const $ = (sel, root = document) => root.querySelector(sel);
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

  let noticeTimer = 0;
  function notice(text, kind = 'info') {
    const el = byTestId('notice');
    el.textContent = text;
    el.className = `notice ${kind}`;
    el.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { el.hidden = true; }, kind === 'error' ? 8000 : 3000);
  }

  // The admin API may require a bearer token (--admin-token / WEBEX_MOCK_ADMIN_TOKEN): asked once, kept for the tab.
  const TOKEN_KEY = 'webex-mock-admin-token';
  let adminToken = sessionStorage.getItem(TOKEN_KEY) || '';
  let tokenPrompt = null;

  function askToken() {
    tokenPrompt ??= new Promise((resolve) => {
      const dialog = byTestId('token-dialog');
      const form = dialog.querySelector('form');
      form.token.value = '';
      dialog.addEventListener('close', () => {
        tokenPrompt = null;
        resolve(dialog.returnValue === 'ok' ? form.token.value.trim() : '');
      }, { once: true });
      dialog.showModal();
    });
    return tokenPrompt;
  }

  async function api(method, path, body, retried) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (adminToken) init.headers.Authorization = `Bearer ${adminToken}`;
    // Every change is sent as JSON, body or not: the admin API refuses state changes in types a foreign page could send.
    if (method !== 'GET') init.headers['Content-Type'] = 'application/json';
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(API + path, init);
    if (res.status === 401 && !retried) {
      const token = await askToken();
      if (token) {
        adminToken = token;
        sessionStorage.setItem(TOKEN_KEY, token);
        return api(method, path, body, true);
      }
    }
    const text = await res.text();
    let data;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = text; }
    if (!res.ok) {
      const message = (data && typeof data === 'object' && (data.error || data.message)) || text || res.statusText;
      throw new Error(`${method} ${path}: ${res.status} ${typeof message === 'string' ? message : JSON.stringify(message)}`);
    }
    return data;
  }

  /** The array in a response: the response itself, or its `key` property. */
  function listOf(data, key) {
    if (Array.isArray(data)) return data;
    if (data && Array.isArray(data[key])) return data[key];
    return [];
  }

  const fmtLimit = (n) => (n === null || n === undefined ? 'unlimited' : String(n));
  const enc = encodeURIComponent;

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null) q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  // ---- shared data ---------------------------------------------------------------------------------

  async function loadSites() {
    state.sites = listOf(await api('GET', 'sites'), 'sites');
    fillSiteSelects();
    return state.sites;
  }

  async function loadCatalog() {
    if (state.catalog) return state.catalog;
    try {
      state.catalog = await api('GET', 'catalog');
    } catch (e) {
      notice(e.message, 'error'); // labels fall back to keys; the next view asks again
      return {};
    }
    fillOperationSelects();
    fillExceptionList();
    return state.catalog;
  }

  /** Known exceptions ({id, reason}) from the catalog, whether it sends a list or a map keyed by name. */
  function catalogExceptions() {
    const ex = state.catalog && state.catalog.exceptions;
    if (!ex) return [];
    return (Array.isArray(ex) ? ex : Object.values(ex)).filter((e) => e && e.id);
  }

  function fillExceptionList() {
    const seen = new Set();
    const options = [];
    for (const e of catalogExceptions()) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      options.push(h('option', { value: e.id }, e.reason || ''));
    }
    byTestId('fault-form').querySelector('datalist').replaceChildren(...options);
  }

  function catalogFeatures() {
    return listOf(state.catalog, 'features');
  }

  function catalogOperations() {
    return listOf(state.catalog, 'operations').map((o) => (typeof o === 'string' ? o : o.name)).filter(Boolean);
  }

  function fillSelect(select, values, keepFirst) {
    const current = select.value;
    const first = keepFirst ? select.options[0] : null;
    select.replaceChildren(...(first ? [first] : []), ...values.map((v) => h('option', { value: v }, v)));
    if ([...select.options].some((o) => o.value === current)) select.value = current;
  }

  function fillSiteSelects() {
    const names = state.sites.map((s) => s.name);
    fillSelect(byTestId('users-site'), names, false);
    for (const id of ['journal-site', 'fault-site', 'reset-site']) fillSelect(byTestId(id), names, true);
    if (!names.includes(state.users.site)) state.users.site = names[0] || '';
    byTestId('users-site').value = state.users.site;
  }

  function fillOperationSelects() {
    const ops = [...new Set([...catalogOperations(), ...state.journal.operations])].sort();
    for (const id of ['journal-operation', 'fault-operation']) fillSelect(byTestId(id), ops, true);
  }

  // ---- Sites view ----------------------------------------------------------------------------------

  function usageBar(label, used, limit, testid) {
    const unlimited = limit === null || limit === undefined;
    const pct = unlimited ? 0 : limit === 0 ? 100 : Math.min(100, Math.round((used / limit) * 100));
    const level = unlimited ? 'free' : pct >= 100 ? 'full' : pct >= 80 ? 'high' : 'ok';
    const attrs = { class: `bar ${level}`, role: 'meter', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuenow': used, testid };
    if (!unlimited) attrs['aria-valuemax'] = limit;
    attrs['aria-valuetext'] = `${used} of ${fmtLimit(limit)}`;
    const fill = h('span', { class: 'fill' });
    fill.style.width = `${pct}%`;
    return h('div', { class: 'usage' },
      h('div', attrs, fill),
      h('span', { class: 'usage-text', testid: testid && `${testid}-text` }, `${used} / ${fmtLimit(limit)}`));
  }

  /** Host and session-type usage of a site detail (GET /_mock/sites/:site): config limits, usage counters. */
  function siteUsage(site) {
    const config = site.config || site;
    const u = site.usage || {};
    const hosts = u.hosts || { used: site.activeUsers ?? 0, limit: config.hostLimit ?? null };
    const counters = listOf(u, 'sessionTypes');
    const sessionTypes = (config.sessionTypes || []).map((t) => {
      const c = counters.find((x) => x.id === t.id);
      return { ...t, used: c ? c.used : 0, limit: t.limit ?? null };
    });
    return { hosts, sessionTypes };
  }

  function featureLabel(key) {
    const def = catalogFeatures().find((f) => f.key === key);
    return def ? def.label : key;
  }

  async function patchSite(site, body, what) {
    try {
      await api('PATCH', `sites/${enc(site)}`, body);
      notice(`${site}: ${what}`);
      return true;
    } catch (e) {
      notice(e.message, 'error');
      return false;
    }
  }

  /** A licence limit field: empty = unlimited; a change is PATCHed and the view redrawn with the new bars. */
  function limitInput(site, label, limit, testid, patch) {
    return h('input', {
      type: 'number', min: 0, step: 1, class: 'limit', value: limit ?? '', placeholder: '∞', 'aria-label': label, title: `${label} (empty = unlimited)`, testid,
      onchange: async (ev) => {
        const raw = ev.currentTarget.value.trim();
        const value = raw === '' ? null : Number(raw);
        if (await patchSite(site, patch(value), `${label} ${value === null ? 'unlimited' : value}`)) await renderSites();
      },
    });
  }

  function featureToggle(site, key, on) {
    const id = `f-${site}-${key}`;
    const input = h('input', {
      type: 'checkbox', role: 'switch', id, checked: on, testid: `feature-${site}-${key}`,
      onchange: async (ev) => {
        const box = ev.currentTarget;
        box.disabled = true;
        const ok = await patchSite(site, { features: { [key]: box.checked } }, `${featureLabel(key)} ${box.checked ? 'on' : 'off'}`);
        if (!ok) box.checked = !box.checked;
        box.disabled = false;
        row.classList.toggle('off', !box.checked);
      },
    });
    const row = h('li', { class: on ? 'toggle' : 'toggle off' }, input, h('label', { for: id, title: key }, featureLabel(key)));
    return row;
  }

  function flagToggle(site, key, on) {
    const id = `fl-${site}-${key}`;
    return h('li', { class: 'toggle flag' },
      h('input', {
        type: 'checkbox', role: 'switch', id, checked: on, testid: `flag-${site}-${key}`,
        onchange: async (ev) => {
          const box = ev.currentTarget;
          const ok = await patchSite(site, { flags: { [key]: box.checked } }, `${key} ${box.checked ? 'on' : 'off'}`);
          if (!ok) box.checked = !box.checked;
          else renderSites();
        },
      }),
      h('label', { for: id }, key));
  }

  function siteCard(site) {
    const usage = siteUsage(site);
    const flags = site.flags || (site.config && site.config.flags) || {};
    const features = (site.config && site.config.features) || site.features || {};
    const typeBadges = [];
    if (flags.sparkMeet) typeBadges.push(h('span', { class: 'badge warn' }, 'Spark Meet site'));
    if (flags.controlHubManaged) typeBadges.push(h('span', { class: 'badge warn' }, 'Control Hub managed'));
    if (!typeBadges.length) typeBadges.push(h('span', { class: 'badge' }, 'Classic site'));
    return h('article', { class: 'card site', testid: `site-${site.name}`, 'aria-labelledby': `site-h-${site.name}` },
      h('header', { class: 'card-head' },
        h('h3', { id: `site-h-${site.name}` }, site.name),
        h('span', { class: 'muted' }, `siteID ${site.id ?? '?'}`, site.host ? ` · ${site.host}` : '',
          site.userCount !== undefined ? ` · ${site.userCount} users` : '', site.activeUsers !== undefined ? ` (${site.activeUsers} active)` : ''),
        h('span', { class: 'badges' }, typeBadges),
        h('button', { type: 'button', class: 'small', testid: `site-reset-${site.name}`, onclick: () => resetSites(site.name) }, 'Reset site')),
      h('div', { class: 'site-body' },
        h('section', { 'aria-label': 'Licences' },
          h('h4', {}, 'Host licences'),
          h('div', { class: 'limit-row' },
            usageBar(`${site.name} hosts`, usage.hosts.used, usage.hosts.limit, `hosts-${site.name}`),
            limitInput(site.name, `host limit of ${site.name}`, usage.hosts.limit, `host-limit-${site.name}`, (limit) => ({ hostLimit: limit }))),
          h('h4', {}, 'Session types'),
          h('table', { class: 'grid compact', testid: `session-types-${site.name}` },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'id'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Service'), h('th', { scope: 'col' }, 'Licences used'), h('th', { scope: 'col' }, 'Limit'))),
            h('tbody', {}, usage.sessionTypes.map((t) => h('tr', {},
              h('td', { class: 'num' }, t.id),
              h('td', { title: t.name || '' }, t.shortName || t.name || ''),
              h('td', {}, t.serviceType || ''),
              h('td', {}, usageBar(`${site.name} ${t.shortName || t.id}`, t.used, t.limit, `st-${site.name}-${t.id}`)),
              h('td', {}, limitInput(site.name, `${t.shortName || t.id} licence limit of ${site.name}`, t.limit, `st-limit-${site.name}-${t.id}`,
                (limit) => ({ sessionTypes: [{ id: t.id, limit }] }))))))),
          h('h4', {}, 'Site type'),
          h('ul', { class: 'toggles', role: 'list' }, Object.entries(flags).map(([k, v]) => flagToggle(site.name, k, Boolean(v))))),
        h('section', { 'aria-label': 'Features' },
          h('h4', {}, 'Features ', h('span', { class: 'muted' }, `(${Object.values(features).filter(Boolean).length} of ${Object.keys(features).length} on)`)),
          h('ul', { class: 'toggles features', role: 'list', testid: `features-${site.name}` },
            Object.entries(features).map(([k, v]) => featureToggle(site.name, k, Boolean(v)))))));
  }

  async function renderSites() {
    await loadCatalog();
    await loadSites();
    // The list holds summaries; each card needs the site's config (features, session types) and usage.
    const details = await Promise.all(state.sites.map((s) => api('GET', `sites/${enc(s.name)}`)));
    const box = byTestId('sites');
    box.replaceChildren(...(details.length ? details.map(siteCard) : [h('p', { class: 'muted' }, 'No sites loaded.')]));
  }

  // ---- Users view ----------------------------------------------------------------------------------

  const userName = (u) => [u.firstName, u.lastName].filter(Boolean).join(' ');

  async function renderUsers() {
    await loadCatalog();
    if (!state.sites.length) await loadSites();
    const s = state.users;
    const tbody = $('tbody', byTestId('users-table'));
    if (!s.site) {
      tbody.replaceChildren(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No sites loaded.')));
      return;
    }
    let data;
    try {
      data = await api('GET', `sites/${enc(s.site)}/users${query({ offset: s.offset, limit: s.limit, q: s.q })}`);
    } catch (e) {
      notice(e.message, 'error');
      return;
    }
    const users = listOf(data, 'users');
    s.total = typeof data.total === 'number' ? data.total : users.length;
    tbody.replaceChildren(...users.map((u) => {
      const open = () => showUser(u.webExId);
      return h('tr', { testid: 'user-row', class: u.webExId === s.selected ? 'selected' : '' },
        h('td', { class: 'num' }, u.userId ?? ''),
        h('td', {}, h('button', { type: 'button', class: 'link', testid: 'user-open', onclick: open }, u.webExId)),
        h('td', {}, userName(u)),
        h('td', {}, u.email ?? ''),
        h('td', {}, h('span', { class: `badge ${u.active === 'ACTIVATED' ? 'ok' : 'warn'}` }, u.active ?? '')));
    }));
    if (!users.length) tbody.replaceChildren(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, s.q ? `No user matches "${s.q}".` : 'No users.')));
    const from = users.length ? s.offset + 1 : 0;
    byTestId('users-range').textContent = `${from}–${s.offset + users.length} of ${s.total}`;
    byTestId('users-first').disabled = byTestId('users-prev').disabled = s.offset === 0;
    byTestId('users-last').disabled = byTestId('users-next').disabled = s.offset + users.length >= s.total;
  }

  /** Flatten a nested value to paths: {privilege: {host: true}} → privilege/host; lists of records get [n]. */
  function flatten(value, prefix, out) {
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) out.set(prefix, value.join(', '));
      else value.forEach((v, i) => flatten(v, `${prefix}[${i + 1}]`, out));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}/${k}` : k, out);
    } else {
      out.set(prefix, value);
    }
    return out;
  }

  /**
   * Group → (catalog path → display value). The admin API groups a user's values as in the catalog
   * (group = first path segment, 'profile' for top-level values); list values are flattened for display.
   */
  function userGroups(detail) {
    const groups = new Map();
    const source = detail.groups && typeof detail.groups === 'object' ? detail.groups : null;
    if (source) {
      for (const [group, values] of Object.entries(source)) {
        const rows = new Map();
        for (const [path, value] of Object.entries(values || {})) flatten(value, path, rows);
        groups.set(group, rows);
      }
      return groups;
    }
    // Without groups, derive them from flattened paths (first segment).
    for (const [path, value] of flatten(detail.attributes || detail, '', new Map())) {
      const group = path.includes('/') ? path.split('/')[0] : 'profile';
      if (!groups.has(group)) groups.set(group, new Map());
      groups.get(group).set(path, value);
    }
    return groups;
  }

  /** The values support engineers ask about first: the generated personal URL and the Personal Room. */
  const KEY_FACTS = [
    ['profile', 'personalUrl', 'Personal URL'],
    ['personalMeetingRoom', 'personalMeetingRoom/personalMeetingRoomURL', 'Personal Room'],
    ['personalMeetingRoom', 'personalMeetingRoom/accessCode', 'Access code'],
    ['profile', 'active', 'Status'],
  ];

  function keyFacts(groups) {
    const items = KEY_FACTS.map(([group, path, label]) => {
      const value = groups.get(group)?.get(path);
      return value === undefined || value === '' ? null : [h('dt', {}, label), h('dd', { testid: `fact-${path}` }, displayValue(path, value))];
    }).filter(Boolean);
    return h('dl', { class: 'facts' }, items);
  }

  const OPEN_GROUPS = new Set(['profile', 'personalMeetingRoom', 'privilege']);

  function displayValue(path, value) {
    if (SECRET_KEY.test(path) && value !== undefined && value !== '') return '******';
    if (value === undefined || value === null) return '';
    return String(value);
  }

  function clearUserDetail() {
    byTestId('user-detail').replaceChildren(
      h('h3', { id: 'h-user' }, 'User'),
      h('p', { class: 'muted' }, 'Select a user to see every attribute, grouped as in the catalog.'));
  }

  async function showUser(webExId) {
    const s = state.users;
    s.selected = webExId;
    for (const row of document.querySelectorAll('[data-testid="user-row"]')) {
      row.classList.toggle('selected', $('[data-testid="user-open"]', row)?.textContent === webExId);
    }
    const pane = byTestId('user-detail');
    let detail;
    try {
      detail = await api('GET', `sites/${enc(s.site)}/users/${enc(webExId)}`);
    } catch (e) {
      notice(e.message, 'error');
      return;
    }
    const groups = userGroups(detail);
    const count = [...groups.values()].reduce((n, rows) => n + rows.size, 0);
    const title = userName(detail) || webExId;
    pane.replaceChildren(
      h('h3', { id: 'h-user', testid: 'user-title' }, title, ' ', h('span', { class: 'muted' }, `${detail.webExId ?? webExId} · userId ${detail.userId ?? '?'}`)),
      keyFacts(groups),
      h('p', { class: 'muted' }, `${count} stored values in ${groups.size} groups`,
        detail.usage ? ` · host licence ${detail.usage.holdsHostLicence ? 'held' : 'not held'} · session types ${(detail.usage.sessionTypes || []).join(', ') || 'none'}` : ''),
      ...[...groups].map(([group, rows]) => h('details', { open: OPEN_GROUPS.has(group), testid: `user-group-${group}` },
        h('summary', {}, group, ' ', h('span', { class: 'muted' }, `(${rows.size})`)),
        h('table', { class: 'grid compact kv' },
          h('tbody', {}, [...rows].map(([path, value]) => h('tr', { testid: `attr-${path}` },
            h('th', { scope: 'row', title: path }, path.startsWith(`${group}/`) ? path.slice(group.length + 1) : path),
            h('td', {}, displayValue(path, value)))))))));
  }

  // ---- Journal view --------------------------------------------------------------------------------

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
          h('section', {}, h('h4', {}, 'Request'), h('pre', { testid: 'journal-request-xml', tabindex: 0 }, prettyXml(req))),
          h('section', {}, h('h4', {}, 'Response', status ? ` (HTTP ${status})` : ''), h('pre', { testid: 'journal-response-xml', tabindex: 0 }, prettyXml(res)))))));
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
  async function refreshJournal(full = false) {
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

  function scheduleJournal() {
    clearInterval(state.journal.timer);
    state.journal.timer = 0;
    if (state.view === 'journal' && byTestId('journal-live').checked && !state.journalOff) {
      state.journal.timer = setInterval(refreshJournal, JOURNAL_POLL_MS);
    }
  }

  async function renderJournal() {
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

  // ---- Faults & scenarios view -----------------------------------------------------------------------

  /** {site: 'demo', times: 1} → "site=demo · times=1"; nested objects read as rateLimit(retryAfterSeconds=30). */
  const describe = (obj) => Object.entries(obj || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      if (v === true) return k;
      if (Array.isArray(v)) return `${k}=${v.join(', ')}`;
      if (typeof v === 'object') return `${k}(${describe(v).replace(/ · /g, ', ')})`;
      return `${k}=${v}`;
    }).join(' · ') || 'every request';

  async function renderFaults() {
    await loadCatalog();
    await loadSites();
    let faults = [];
    try {
      faults = listOf(await api('GET', 'faults'), 'faults');
    } catch (e) {
      notice(e.message, 'error');
    }
    const tbody = $('tbody', byTestId('faults-table'));
    tbody.replaceChildren(...(faults.length ? faults.map((f) => h('tr', { testid: 'fault-row' },
      h('td', { class: 'mono' }, f.id ?? ''),
      h('td', {}, describe(f.match)),
      h('td', {}, describe(f.effect)),
      h('td', { class: 'num', title: 'fired / matching requests seen' }, f.seen !== undefined ? `${f.fired ?? 0} / ${f.seen}` : (f.fired ?? '')),
      h('td', {}, h('button', { type: 'button', class: 'small danger', testid: `fault-remove-${f.id}`, onclick: () => removeFault(f.id) }, 'Remove'))))
      : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No faults: every request gets the emulator\'s real answer.'))]));
    await renderScenarios();
  }

  async function renderScenarios() {
    let scenarios = [];
    const catalogList = listOf(state.catalog, 'scenarios');
    try {
      scenarios = catalogList.length ? catalogList : listOf(await api('GET', 'scenarios'), 'scenarios');
    } catch {
      scenarios = [];
    }
    const tbody = $('tbody', byTestId('scenarios-table'));
    tbody.replaceChildren(...(scenarios.length ? scenarios.map((sc) => {
      const name = typeof sc === 'string' ? sc : sc.name;
      return h('tr', { testid: `scenario-${name}` },
        h('td', { class: 'mono' }, name),
        h('td', {}, typeof sc === 'string' ? '' : sc.description ?? ''),
        h('td', {}, h('button', { type: 'button', class: 'small', testid: `scenario-load-${name}`, onclick: (ev) => loadScenario(name, ev.currentTarget) }, 'Load')));
    }) : [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'The admin API lists no bundled scenarios.'))]));
  }

  async function loadScenario(name, button) {
    button.disabled = true;
    button.textContent = 'Loading…';
    try {
      await api('POST', 'scenario', { bundled: name });
      Object.assign(state.users, { offset: 0, selected: '', site: '' });
      clearUserDetail();
      await loadSites();
      notice(`Scenario ${name} loaded: ${state.sites.map((s) => s.name).join(', ')}`);
      await show(state.view, true); // the scenario may bring its own faults
    } catch (e) {
      notice(e.message, 'error');
    } finally {
      button.disabled = false;
      button.textContent = 'Load';
    }
  }

  async function resetSites(site) {
    try {
      await api('POST', 'reset', site ? { site } : {});
      notice(site ? `Site ${site} reset` : 'All sites reset');
      await show(state.view, true);
    } catch (e) {
      notice(e.message, 'error');
    }
  }

  async function removeFault(id) {
    try {
      await api('DELETE', `faults/${enc(id)}`);
      notice(`Fault ${id} removed`);
    } catch (e) {
      notice(e.message, 'error');
    }
    await renderFaults();
  }

  /** The fault form as the admin API's {match, effect} document; empty fields are left out. */
  function faultFromForm(form) {
    const num = (name) => (form[name].value === '' ? undefined : Number(form[name].value));
    const match = { site: form.site.value || undefined, operation: form.operation.value || undefined, probability: num('probability'), times: num('times'), after: num('after') };
    const effect = {};
    const kind = form.kind.value;
    if (kind === 'exception') effect.exception = { id: form.exceptionId.value.trim(), reason: form.reason.value.trim() };
    if (kind === 'rateLimit') effect.rateLimit = { retryAfterSeconds: num('retryAfter') ?? 30 };
    if (kind === 'httpStatus') effect.httpStatus = num('httpStatus') ?? 503;
    if (kind === 'reset') effect.reset = true;
    if (kind === 'gsbStatus') effect.gsbStatus = 'BACKUP';
    if (kind === 'delUserPartial') effect.delUserPartial = { webExIds: form.webExIds.value.split(/[\s,]+/).filter(Boolean) };
    if (num('latencyMs') !== undefined) effect.latencyMs = num('latencyMs');
    for (const k of Object.keys(match)) if (match[k] === undefined) delete match[k];
    return { match, effect };
  }

  function syncFaultKind() {
    const form = byTestId('fault-form');
    for (const label of form.querySelectorAll('[data-kind]')) label.hidden = label.dataset.kind !== form.kind.value;
  }

  // ---- routing and wiring --------------------------------------------------------------------------

  const RENDER = { sites: renderSites, users: renderUsers, journal: renderJournal, faults: renderFaults };

  async function show(view, force) {
    if (!RENDER[view]) view = 'sites';
    const changed = state.view !== view;
    state.view = view;
    for (const [name] of Object.entries(RENDER)) {
      byTestId(`view-${name}`).hidden = name !== view;
      const link = byTestId(`nav-${name}`);
      if (name === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (changed || force) {
      scheduleJournal();
      try {
        await RENDER[view]();
      } catch (e) {
        notice(e.message, 'error');
      }
    }
    document.body.dataset.view = view;
    document.body.dataset.ready = 'true';
    health();
  }

  async function health() {
    const el = byTestId('health');
    try {
      const data = await api('GET', 'health');
      if (data.journal && typeof data.journal.size === 'number') state.journalSize = data.journal.size;
      state.journalOff = data.journal === null; // the mock runs without a journal (control.journal: false)
      const parts = [data.status || 'up'];
      if (data.scenario && data.scenario.name) parts.push(`scenario ${data.scenario.name}`);
      if (typeof data.sites === 'number') parts.push(`${data.sites} site${data.sites === 1 ? '' : 's'}`);
      if (typeof data.users === 'number') parts.push(`${data.users} users`);
      if (typeof data.faults === 'number' && data.faults) parts.push(`${data.faults} fault${data.faults === 1 ? '' : 's'}`);
      el.textContent = `● ${parts.join(' · ')}`;
      el.className = 'health ok';
    } catch (e) {
      el.textContent = `● admin API unreachable`;
      el.title = e.message;
      el.className = 'health bad';
    }
  }

  function wire() {
    window.addEventListener('hashchange', () => show(location.hash.slice(1)));

    const usersForm = byTestId('users-form');
    usersForm.addEventListener('submit', (ev) => ev.preventDefault());
    let searchTimer = 0;
    usersForm.q.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        state.users.q = usersForm.q.value.trim();
        state.users.offset = 0;
        renderUsers();
      }, 250);
    });
    usersForm.site.addEventListener('change', () => {
      Object.assign(state.users, { site: usersForm.site.value, offset: 0, selected: '' });
      clearUserDetail();
      renderUsers();
    });
    usersForm.limit.addEventListener('change', () => {
      Object.assign(state.users, { limit: Number(usersForm.limit.value), offset: 0 });
      renderUsers();
    });
    byTestId('users-prev').addEventListener('click', () => {
      state.users.offset = Math.max(0, state.users.offset - state.users.limit);
      renderUsers();
    });
    byTestId('users-next').addEventListener('click', () => {
      state.users.offset += state.users.limit;
      renderUsers();
    });
    byTestId('users-first').addEventListener('click', () => {
      state.users.offset = 0;
      renderUsers();
    });
    byTestId('users-last').addEventListener('click', () => {
      // The last full or partial page of the current total (server-side: one request, even on 100k users).
      state.users.offset = Math.max(0, Math.floor((state.users.total - 1) / state.users.limit) * state.users.limit);
      renderUsers();
    });

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

    const faultForm = byTestId('fault-form');
    faultForm.kind.addEventListener('change', syncFaultKind);
    // Picking a known exceptionID fills in its documented reason (still editable).
    faultForm.exceptionId.addEventListener('change', () => {
      const known = catalogExceptions().find((e) => e.id === faultForm.exceptionId.value.trim());
      if (known && !faultForm.reason.value) faultForm.reason.value = known.reason || '';
    });
    syncFaultKind();
    faultForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const created = await api('POST', 'faults', faultFromForm(faultForm));
        notice(`Fault ${created && created.id !== undefined ? created.id : ''} added`);
      } catch (e) {
        notice(e.message, 'error');
      }
      await renderFaults();
    });

    byTestId('reset-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      resetSites(ev.currentTarget.site.value);
    });
  }

  wire();
  show(location.hash.slice(1) || 'sites');
})();
