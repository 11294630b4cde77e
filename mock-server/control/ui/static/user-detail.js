// The user detail pane: every stored value of one user, grouped as in the catalog; secrets masked.
import { api, enc } from './api.js';
import { $, byTestId, h, notice } from './dom.js';
import { state } from './store.js';

export const userName = (u) => [u.firstName, u.lastName].filter(Boolean).join(' ');

const SECRET_KEY = /(^|\/)(password|passwordHash|passwordSalt|sessionTicket|accessToken)$/i;

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

export function clearUserDetail() {
  byTestId('user-detail').replaceChildren(
    h('h3', { id: 'h-user' }, 'User'),
    h('p', { class: 'muted' }, 'Select a user to see every attribute, grouped as in the catalog.'));
}

export async function showUser(webExId) {
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
