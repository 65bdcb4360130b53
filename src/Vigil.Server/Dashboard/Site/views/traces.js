// The traces list (filter by service, duration, errors) and one trace as a waterfall: span bars on the trace's time
// axis, nested by parent, coloured by service, errors marked; a span's attributes, events and links; the trace's logs.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, navigate, withChanges } from '../state.js';
import { attributeText, duration, durationMs, level, serviceOf, time } from '../format.js';
import { empty, field, filterForm, pill, table } from './common.js';
import { extent, legend, spanTree, waterfall } from './waterfall.js';
import { renderCompare } from './trace-compare.js';

export async function render(container, state, { since }) {
  if (state.has('a') || state.has('b')) return renderCompare(container, state, since);
  const traceId = state.get('trace');
  return traceId ? renderTrace(container, state, traceId, since) : renderList(container, state, since);
}

async function renderList(container, state, since) {
  const query = { service: state.get('service'), minDuration: state.get('minDuration'), errors: state.get('errors') === '1' ? 'true' : null, since, limit: 100 };
  const page = await api.get('traces', query);
  const form = filterForm([
    field('Service', h('input', { name: 'service', value: query.service ?? '', maxlength: 512 })),
    field('Slower than', h('input', { name: 'minDuration', value: query.minDuration ?? '', placeholder: '250ms', maxlength: 32 })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'errors', checked: query.errors === 'true' }), 'Only with errors'),
  ]);
  // Two ticked traces open side by side, the faster as A; ticking a third unticks the first.
  const picked = [];
  const compare = h('button', { type: 'button', class: 'compare', disabled: true, onclick: () => {
    const [a, b] = picked.map((box) => page.items[Number(box.value)]).sort((x, y) => durationMs(x.duration) - durationMs(y.duration));
    navigate(withChanges({ a: a.traceId, b: b.traceId }));
  } }, 'Compare 2 ticked traces');
  const pick = (event) => {
    const box = event.target;
    if (box.checked) picked.push(box);
    else picked.splice(picked.indexOf(box), 1);
    if (picked.length > 2) picked.shift().checked = false;
    compare.disabled = picked.length !== 2;
  };
  const rows = page.items.map((trace, i) => h('tr', { 'data-trace': trace.traceId },
    h('td', null, h('input', { type: 'checkbox', value: i, onchange: pick, 'aria-label': `Compare trace ${trace.traceId}` })),
    h('td', null, time(trace.startTime)),
    h('th', { scope: 'row' }, h('a', { href: withChanges({ trace: trace.traceId }) }, trace.rootSpanName ?? '(no root span)')),
    h('td', null, trace.serviceName ?? ''),
    h('td', { class: 'num' }, duration(durationMs(trace.duration))),
    h('td', { class: 'num' }, String(trace.spanCount)),
    h('td', null, trace.hasError ? pill('error', 'unhealthy') : pill('ok', 'healthy'))));
  replace(container, h('h1', null, 'Traces'), form,
    rows.length === 0 ? empty('No traces match.') : [h('div', { class: 'actions' }, compare), table(`${rows.length} traces, newest first; tick two to compare them`, ['Compare', 'Started', 'Root span', 'Service', 'Duration', 'Spans', 'Status'], rows)]);
  return null;
}

async function renderTrace(container, state, traceId, since) {
  const trace = await api.get(`traces/${encodeURIComponent(traceId)}`);
  const spans = trace.spans;
  const { total } = extent(spans);
  const selectedId = state.get('span');
  const selected = spans.find((s) => s.spanId === selectedId);
  replace(container,
    h('p', null, h('a', { href: withChanges({ trace: null, span: null }) }, '← All traces')),
    h('h1', null, `Trace ${traceId}`),
    h('p', { class: 'summary' }, `${spans.length} spans, ${duration(total)}, `, legend(spans)),
    await compareWith(traceId, spans, since),
    h('div', { class: 'split' },
      waterfall(spans, { selectedId, spanHref: (span) => withChanges({ span: span.spanId }) }),
      h('aside', { class: 'detail', 'aria-label': 'Selected span' }, selected ? spanDetail(selected) : empty('Select a span to see its attributes, events and links.'))),
    h('h2', null, `Logs of this trace (${trace.logs.length})`),
    trace.logs.length === 0 ? empty('No log records carry this trace id.') : h('ol', { class: 'log-list' }, trace.logs.map((record) => h('li', { class: `log lvl-${level(record.severityNumber)}` },
      h('a', { class: 'log-link', href: href({ view: 'logs', since, trace: traceId, seq: record.sequence }) },
        h('time', null, time(record.timestamp)), h('span', { class: 'lvl' }, level(record.severityNumber)), h('span', { class: 'svc' }, serviceOf(record)), h('span', { class: 'body' }, record.body ?? ''))))));
  return null;
}

// How many of the range's newest traces of the operation "compare with" reads to find its fastest and slowest.
const compareCandidates = 500;

/**
 * "Compare with…": the fastest and slowest other trace of the same root operation (root span name and service)
 * among the range's newest traces of it (GET /api/traces filters by root name and by any span's service; the root's
 * own service is matched here), and a box for any trace id.
 */
async function compareWith(traceId, spans, since) {
  const root = spanTree(spans)[0]?.span;
  const links = [];
  if (root) {
    const page = await api.get('traces', { service: serviceOf(root) || null, root: root.name, since, limit: compareCandidates });
    const same = page.items.filter((t) => t.traceId !== traceId && t.rootSpanName === root.name && (t.serviceName ?? '') === serviceOf(root))
      .sort((x, y) => durationMs(x.duration) - durationMs(y.duration));
    const link = (label, other) => h('a', { href: withChanges({ trace: null, span: null, a: traceId, b: other.traceId }), 'data-compare': other.traceId },
      `${label} (${duration(durationMs(other.duration))})`);
    if (same.length > 0) links.push(link('fastest', same[0]));
    if (same.length > 1) links.push(' · ', link('slowest', same[same.length - 1]));
    links.push(' ', h('span', { class: 'sub' }, same.length === 0
      ? `no other "${root.name}" trace in the range.`
      : `of ${same.length} other "${root.name}" traces${page.items.length < compareCandidates ? ' in the range' : `, the range's newest ${compareCandidates}`}.`));
  }
  const form = filterForm([field('Or trace id', h('input', { name: 'b', required: true, maxlength: 64, pattern: '[0-9a-fA-F]{32}', placeholder: '32 hex digits', 'aria-label': 'Trace id to compare with' }))],
    { trace: null, span: null, a: traceId });
  form.querySelector('button').textContent = 'Compare';
  return h('div', { class: 'compare-with' }, h('p', null, 'Compare with: ', links), form);
}

function spanDetail(span) {
  const attributes = Object.entries(span.attributes ?? {});
  return [
    h('h2', null, span.name),
    h('dl', null,
      h('dt', null, 'Service'), h('dd', null, serviceOf(span)),
      h('dt', null, 'Kind'), h('dd', null, span.kind),
      h('dt', null, 'Status'), h('dd', null, span.statusCode, span.statusMessage ? `: ${span.statusMessage}` : ''),
      h('dt', null, 'Started'), h('dd', null, time(span.startTime)),
      h('dt', null, 'Duration'), h('dd', null, duration(durationMs(span.duration)))),
    h('h3', null, 'Attributes'),
    attributes.length === 0 ? empty('None.') : h('table', { class: 'attributes' }, h('tbody', null, attributes.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, attributeText(v)))))),
    h('h3', null, `Events (${span.events.length})`),
    span.events.length === 0 ? empty('None.') : h('ul', null, span.events.map((e) => h('li', null, `${time(e.timestamp)} ${e.name}`))),
    h('h3', null, `Links (${span.links.length})`),
    span.links.length === 0 ? empty('None.') : h('ul', null, span.links.map((l) => h('li', null, h('a', { href: withChanges({ trace: l.traceId, span: l.spanId }) }, `${l.traceId} / ${l.spanId}`)))),
  ];
}
