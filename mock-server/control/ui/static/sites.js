// The Sites view: one card per site with licence usage and limits, site-type flags and feature switches.
import { api, enc, listOf } from './api.js';
import { byTestId, fmtLimit, h, notice } from './dom.js';
import { catalogFeatures, loadCatalog, loadSites, resetSites, state } from './store.js';

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

export async function renderSites() {
  await loadCatalog();
  await loadSites();
  // The list holds summaries; each card needs the site's config (features, session types) and usage.
  const details = await Promise.all(state.sites.map((s) => api('GET', `sites/${enc(s.name)}`)));
  const box = byTestId('sites');
  box.replaceChildren(...(details.length ? details.map(siteCard) : [h('p', { class: 'muted' }, 'No sites loaded.')]));
}
