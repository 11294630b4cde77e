// What the views share: the Inspector's state, the site list and catalog (with the selects they fill), the
// server status line, and the actions that change every view (reset).
import { api, listOf } from './api.js';
import { byTestId, fillSelect, h, notice } from './dom.js';

export const state = {
  sites: [],
  catalog: null,
  view: '',
  users: { site: '', q: '', offset: 0, limit: 50, total: 0, selected: '' },
  journal: { expanded: new Set(), signature: '', timer: 0, busy: false, again: false, operations: new Set(), entries: [], filterKey: '', lastId: undefined },
};

/** Redraw the current view (set by app.js, which knows the views). */
let redraw = async () => {};
export const setRedraw = (fn) => { redraw = fn; };
export const refreshView = () => redraw();

export async function loadSites() {
  state.sites = listOf(await api('GET', 'sites'), 'sites');
  fillSiteSelects();
  return state.sites;
}

export async function loadCatalog() {
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
export function catalogExceptions() {
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

export function catalogFeatures() {
  return listOf(state.catalog, 'features');
}

function catalogOperations() {
  return listOf(state.catalog, 'operations').map((o) => (typeof o === 'string' ? o : o.name)).filter(Boolean);
}

function fillSiteSelects() {
  const names = state.sites.map((s) => s.name);
  fillSelect(byTestId('users-site'), names, false);
  for (const id of ['journal-site', 'fault-site', 'reset-site']) fillSelect(byTestId(id), names, true);
  if (!names.includes(state.users.site)) state.users.site = names[0] || '';
  byTestId('users-site').value = state.users.site;
}

export function fillOperationSelects() {
  const ops = [...new Set([...catalogOperations(), ...state.journal.operations])].sort();
  for (const id of ['journal-operation', 'fault-operation']) fillSelect(byTestId(id), ops, true);
}

/** The status line in the top bar; also learns the journal's size (or that there is none). */
export async function health() {
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

/** Reset one site (or all) to the loaded scenario, from the Sites cards or the reset form. */
export async function resetSites(site) {
  try {
    await api('POST', 'reset', site ? { site } : {});
    notice(site ? `Site ${site} reset` : 'All sites reset');
    await refreshView();
  } catch (e) {
    notice(e.message, 'error');
  }
}
