// Every metric over the time range, charted with uPlot: the rate of a counter, the value of a gauge, p50/p95/p99
// of a histogram. One metric at a time can be split by any attribute, one line per value (the API's by=); its chart
// draws the metric's exemplars as links to their traces (views/exemplars.js), and each line links to the traces of its
// service over the same range.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, withChanges } from '../state.js';
import { chart, formatValue, lineColour, seriesLabel } from './chart.js';
import { markersOf } from './exemplars.js';
import { empty, field, filterForm, select, table } from './common.js';

/** The most small charts the index draws at once; the rest are listed, one click away. */
export const maxCharts = 24;

const percentiles = ['p50', 'p95', 'p99'];

/** What a metric's chart plots, from the reading the API chose for it (docs/api.md, GET /api/metrics). */
export function statsOf(summary) {
  if (summary.readingKind === 'rate') return ['rate'];
  if (summary.readingKind === 'last') return ['last'];
  return percentiles;
}

function unitOf(summary, stat) {
  const unit = summary.unit && !summary.unit.startsWith('{') ? summary.unit : '';
  if (stat === 'rate') return unit ? ` ${unit}/s` : '/s';
  return unit ? ` ${unit}` : '';
}

/**
 * The chart's lines from an API result: one per series of the one statistic, or (a single series of a histogram
 * with no statistic chosen) its three percentiles.
 */
export function linesOf(result, stats) {
  const single = result.series.length === 1 && stats.length > 1;
  if (single) {
    const [series] = result.series;
    return stats.map((stat) => ({ label: stat, labels: series.labels, points: series.buckets.map((b) => [Date.parse(b.time), toNumber(b[stat])]) }));
  }
  const stat = stats.length > 1 ? 'p95' : stats[0];
  return result.series.map((series) => ({ label: seriesLabel(series.labels), labels: series.labels, points: series.buckets.map((b) => [Date.parse(b.time), toNumber(b[stat])]) }));
}

function toNumber(value) {
  return typeof value === 'number' ? value : value === null || value === undefined ? null : Number(value);
}

export async function render(container, state, { since }) {
  const list = await api.get('metrics');
  const name = state.get('metric');
  const charts = [];
  const stop = () => { for (const c of charts) c.stopChart?.(); };
  if (!name) {
    await renderIndex(container, list.items, since, charts);
  } else {
    await renderOne(container, state, list.items, name, since, charts);
  }
  return { stop };
}

async function renderIndex(container, metrics, since, charts) {
  if (metrics.length === 0) {
    replace(container, h('h1', null, 'Metrics'), empty('No metrics stored yet. Send them over OTLP, or run vigil demo.'));
    return;
  }
  const shown = metrics.slice(0, maxCharts);
  const results = await Promise.all(shown.map((m) => api.get(`metrics/${encodeURIComponent(m.name)}`, { since }).catch(() => null)));
  const cards = shown.map((summary, i) => {
    const result = results[i];
    const stats = statsOf(summary);
    const lines = result ? linesOf(result, stats) : [];
    const body = lines.length === 0 || lines.every((l) => l.points.every(([, v]) => v === null))
      ? empty('No points in this range.')
      : chart(lines, { title: summary.name, height: 140, unit: unitOf(summary, stats[0]) });
    if (body.stopChart) charts.push(body);
    return h('li', { class: 'metric-card', 'data-metric': summary.name },
      h('h2', null, h('a', { href: withChanges({ metric: summary.name }) }, summary.name)),
      h('p', { class: 'sub' }, `${summary.kind}${summary.unit ? ` · ${summary.unit}` : ''} · ${stats.join('/')} · ${summary.seriesCount} series`),
      body);
  });
  replace(container,
    h('h1', null, 'Metrics'),
    h('ul', { class: 'metric-grid', 'aria-label': 'Metrics' }, cards),
    metrics.length > maxCharts
      ? [h('p', { class: 'note' }, `${metrics.length - maxCharts} more metrics:`), h('ul', null, metrics.slice(maxCharts).map((m) => h('li', null, h('a', { href: withChanges({ metric: m.name }) }, m.name))))]
      : null);
}

async function renderOne(container, state, metrics, name, since, charts) {
  const summary = metrics.find((m) => m.name === name);
  if (!summary) {
    replace(container, h('h1', null, 'Metrics'), empty(`No metric named ${name} is stored.`), h('p', null, h('a', { href: withChanges({ metric: null, by: null, stat: null }) }, 'All metrics')));
    return;
  }
  const by = state.get('by');
  const service = state.get('service');
  const where = state.getAll('where');
  const stats = statsOf(summary);
  const stat = stats.length > 1 && percentiles.includes(state.get('stat')) ? [state.get('stat')] : stats;
  // Split by an attribute: by=KEY; otherwise each attribute set is its own line. The keys to offer come from the
  // unsplit series' labels.
  // Exemplars are an extra: a server without them still draws the chart.
  const [result, unsplit, exemplars] = await Promise.all([
    api.get(`metrics/${encodeURIComponent(name)}`, { since, by: by ?? undefined, service, where }),
    by ? api.get(`metrics/${encodeURIComponent(name)}`, { since, service, where }) : null,
    api.get('metric-exemplars', { name, since, service }).catch(() => null),
  ]);
  const keys = [...new Set((unsplit ?? result).series.flatMap((s) => Object.keys(s.labels)))].sort();
  if (by && !keys.includes(by)) keys.push(by);

  const form = filterForm([
    field('Metric', select('metric', name, metrics.map((m) => [m.name, m.name]))),
    field('Split by', select('by', by, [['', 'each attribute set'], ...keys.map((k) => [k, k])])),
    stats.length > 1 ? field('Statistic', select('stat', stat.length === 1 ? stat[0] : '', [['', 'p95 (p50/p95/p99 for one series)'], ...percentiles.map((p) => [p, p])])) : null,
    field('Service', h('input', { name: 'service', value: service ?? '', maxlength: 512 })),
  ]);

  const lines = linesOf(result, stat);
  const unit = unitOf(summary, stat.length > 1 && lines.length > 1 && result.series.length === 1 ? 'p95' : stat[0]);
  const markers = markersOf(exemplars, unit, since);
  const plotted = lines.length === 0 ? empty('No points in this range.') : chart(lines, { title: name, height: 300, unit, exemplars: markers });
  if (plotted.stopChart) charts.push(plotted);

  const traceLink = (labels) => href({ view: 'traces', since, service: labels['service.name'] ?? service ?? undefined });
  const rows = lines.map((line) => {
    const values = line.points.map(([, v]) => v).filter((v) => v !== null);
    return h('tr', { 'data-series': line.label },
      h('th', { scope: 'row' }, h('span', { class: 'swatch', style: { '--colour': lineColour(line.label) } }), line.label),
      h('td', { class: 'num' }, formatValue(values.at(-1))),
      h('td', { class: 'num' }, formatValue(values.length ? Math.max(...values) : null)),
      h('td', null, h('a', { href: traceLink(line.labels) }, 'traces')));
  });

  replace(container,
    h('h1', null, 'Metrics'),
    h('p', null, h('a', { href: withChanges({ metric: null, by: null, stat: null }) }, '← All metrics')),
    form,
    h('h2', null, name),
    h('p', { class: 'sub' }, `${summary.kind}${summary.unit ? ` · ${summary.unit}` : ''}${summary.description ? ` · ${summary.description}` : ''} · ${stat.length > 1 && result.series.length === 1 ? stat.join('/') : stat.length > 1 ? 'p95' : stat[0]} per ${result.step}`),
    plotted,
    lines.length === 0 ? null : table(`${lines.length} line${lines.length === 1 ? '' : 's'}${by ? `, one per ${by}` : ''}`, ['Series', 'Latest', 'Highest', 'Trace links'], rows),
    h('p', { class: 'note exemplar-note' }, markers.length === 0
      ? 'No exemplars with a trace in this range; a line\'s traces link opens its service\'s traces over the same range.'
      : `${markers.length} exemplar${markers.length === 1 ? '' : 's'} drawn as ◆ (the newest${exemplars.truncated ? `; the range holds more than ${exemplars.items.length}` : ''}): each opens the trace its value was recorded in.`));
}
