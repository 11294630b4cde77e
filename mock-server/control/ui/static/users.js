// The Users view: one page of a site's users (server-side search and paging, fine on 100k users).
import { api, enc, listOf, query } from './api.js';
import { $, byTestId, h, notice } from './dom.js';
import { loadCatalog, loadSites, state } from './store.js';
import { clearUserDetail, showUser, userName } from './user-detail.js';

export async function renderUsers() {
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

export function wireUsers() {
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
}
