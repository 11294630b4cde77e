// webex-mock Inspector: plain browser JavaScript modules, no framework, no build step. Talks only to the admin
// API of the server that served it (same origin, /_mock/...). This module routes between the views; each view
// lives in its own module (sites, users + user-detail, journal, faults), sharing api.js, dom.js and store.js.
import { byTestId, notice } from './dom.js';
import { renderFaults, wireFaults } from './faults.js';
import { renderJournal, scheduleJournal, wireJournal } from './journal.js';
import { renderSites } from './sites.js';
import { health, setRedraw, state } from './store.js';
import { renderUsers, wireUsers } from './users.js';

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

setRedraw(() => show(state.view, true));
window.addEventListener('hashchange', () => show(location.hash.slice(1)));
wireUsers();
wireJournal();
wireFaults();
show(location.hash.slice(1) || 'sites');
