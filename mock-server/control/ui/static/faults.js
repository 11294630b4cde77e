// The Faults & scenarios view: active faults (add, remove), bundled scenarios (load), reset.
import { api, enc, listOf } from './api.js';
import { $, byTestId, h, notice } from './dom.js';
import { catalogExceptions, loadCatalog, loadSites, refreshView, resetSites, state } from './store.js';
import { clearUserDetail } from './user-detail.js';

/** {site: 'demo', times: 1} → "site=demo · times=1"; nested objects read as rateLimit(retryAfterSeconds=30). */
const describe = (obj) => Object.entries(obj || {})
  .filter(([, v]) => v !== undefined && v !== null && v !== '')
  .map(([k, v]) => {
    if (v === true) return k;
    if (Array.isArray(v)) return `${k}=${v.join(', ')}`;
    if (typeof v === 'object') return `${k}(${describe(v).replace(/ · /g, ', ')})`;
    return `${k}=${v}`;
  }).join(' · ') || 'every request';

export async function renderFaults() {
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
    await refreshView(); // the scenario may bring its own faults
  } catch (e) {
    notice(e.message, 'error');
  } finally {
    button.disabled = false;
    button.textContent = 'Load';
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

export function wireFaults() {
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
