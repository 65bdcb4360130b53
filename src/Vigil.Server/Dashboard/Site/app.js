// The dashboard's entry point: picks the view named by ?view= and renders it into <main>.
import { replace, h } from './dom.js';
import { current, href, navigate, onChange, withChanges } from './state.js';
import { themeControl } from './theme.js';
import * as overview from './views/overview.js';
import * as logs from './views/logs.js';
import * as traces from './views/traces.js';
import * as builds from './views/builds.js';
import * as metrics from './views/metrics.js';
import * as errors from './views/errors.js';
import * as health from './views/health.js';
import * as alerts from './views/alerts.js';

const views = { overview, logs, traces, builds, metrics, errors, health, alerts };
const main = document.getElementById('main');
const since = document.getElementById('since');
const status = document.getElementById('status');
let active = null;
let activeName = null;
let activeState = null;

/** Every view's default time range. */
export const defaultSince = '1h';

async function render(state) {
  const name = views[state.get('view')] ? state.get('view') : 'overview';
  const previous = activeState;
  activeState = state;
  if (name === activeName && previous && active?.update?.(state, previous)) return;
  active?.stop?.();
  active = null;
  activeName = name;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  since.value = state.get('since') ?? defaultSince;
  if (since.value === '') since.value = defaultSince;
  document.title = `${name[0].toUpperCase()}${name.slice(1)} — Vigil`;
  const container = h('div', { class: `view view-${name}`, 'data-view': name, 'aria-busy': 'true' });
  replace(main, container);
  status.textContent = '';
  try {
    active = (await views[name].render(container, state, { since: state.get('since') ?? defaultSince })) ?? null;
  } catch (error) {
    replace(container, h('p', { class: 'error', role: 'alert' }, `Could not load this view. ${error.message}`));
  } finally {
    container.setAttribute('aria-busy', 'false');
  }
}

themeControl(document.getElementById('theme'));
since.addEventListener('change', () => navigate(withChanges({ since: since.value })));

// Keyboard: g then o/l/t/b/m/e/h/a goes to a view; "/" focuses the search box of the view, if it has one.
let pendingG = false;
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    const search = main.querySelector('input[type="search"]');
    if (search) { event.preventDefault(); search.focus(); }
    return;
  }
  if (pendingG) {
    pendingG = false;
    const view = { o: 'overview', l: 'logs', t: 'traces', b: 'builds', m: 'metrics', e: 'errors', h: 'health', a: 'alerts' }[event.key];
    if (view) navigate(href({ view, since: current().get('since') }));
    return;
  }
  pendingG = event.key === 'g';
});

onChange(render);
render(current());
