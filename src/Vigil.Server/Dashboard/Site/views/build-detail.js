// One build or command (GET /api/builds/{id}): its figures, the recent runs of its task, its projects as a waterfall
// (the trace's build and project spans, drawn by views/waterfall.js) and its slowest projects and targets by own time
// (the time a part spent outside the projects it built, as vigil builds show computes it), with a link to the trace.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { href, withChanges } from '../state.js';
import { bytes, duration, durationMs, time } from '../format.js';
import { empty, table } from './common.js';
import { outcome, trend, versusMedian } from './build-trend.js';
import { waterfall } from './waterfall.js';

/** How many of the slowest targets are listed. */
const TARGETS = 15;

export async function renderBuild(container, id) {
  const detail = await api.get(`builds/${encodeURIComponent(id)}`);
  const build = detail.build;
  const [trace, runs] = await Promise.all([
    api.get(`traces/${encodeURIComponent(build.traceId)}`),
    api.get('builds', { task: build.name, until: nextMoment(build.startTime), limit: 20 }),
  ]);
  const traceLink = href({ view: 'traces', trace: build.traceId });
  replace(container,
    h('p', null, h('a', { href: withChanges({ build: null }) }, '← All builds')),
    h('h1', null, build.name),
    h('dl', { class: 'build-figures' },
      h('dt', null, 'Started'), h('dd', null, time(build.startTime)),
      h('dt', null, 'Duration'), h('dd', { 'data-figure': 'duration' }, duration(durationMs(build.duration))),
      h('dt', null, 'Outcome'), h('dd', { 'data-figure': 'outcome' }, outcome(build)),
      h('dt', null, 'Vs earlier runs'), h('dd', null, versusMedian(build)),
      h('dt', null, 'CPU'), h('dd', { 'data-figure': 'cpu' }, build.cpuTime ? duration(durationMs(build.cpuTime)) : '—'),
      h('dt', null, 'Peak memory'), h('dd', { 'data-figure': 'memory' }, build.peakMemoryBytes === null ? '—' : bytes(build.peakMemoryBytes)),
      h('dt', null, 'Service'), h('dd', null, build.serviceName ?? ''),
      h('dt', null, 'Branch'), h('dd', null, build.branch ?? '—', build.commit ? h('span', { class: 'sub' }, ` ${build.commit}`) : null),
      h('dt', null, 'Trace'), h('dd', null, h('a', { href: traceLink, 'data-link': 'trace' }, build.traceId))),
    h('h2', null, `Recent runs of ${build.name}`),
    trend(runs.items, { label: `Duration of the last ${runs.items.length} runs of ${build.name} up to this one, oldest first` }),
    h('h2', null, 'Command, build and projects over time'),
    projectWaterfall(trace.spans, build.traceId),
    h('h2', null, 'Slowest projects (own time)'),
    parts(detail.projects, 'projects', false),
    h('h2', null, `Slowest targets (own time, top ${TARGETS})`),
    parts(detail.targets.slice(0, TARGETS), 'targets', true));
  return null;
}

// The list's until is exclusive; the runs up to and including this one end just after its start.
function nextMoment(iso) {
  return new Date(Date.parse(iso) + 1).toISOString();
}

/**
 * The command, build and project spans as a waterfall, without targets and tasks (thousands of rows in a real build):
 * a project is drawn under the nearest shown span above it (Lib.csproj under the App.csproj whose target built it).
 */
function projectWaterfall(spans, traceId) {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const isShown = (s) => s.parentSpanId === null || ['build', 'project'].includes(s.attributes?.['msbuild.kind']) || s.scope?.name === 'Vigil.Exec';
  const shown = spans.filter(isShown).map((span) => {
    let parent = byId.get(span.parentSpanId);
    while (parent && !isShown(parent)) parent = byId.get(parent.parentSpanId);
    return { ...span, parentSpanId: parent ? parent.spanId : span.parentSpanId };
  });
  if (shown.length === 0) return empty('No spans stored for this trace.');
  return waterfall(shown, { spanHref: (span) => href({ view: 'traces', trace: traceId, span: span.spanId }), label: 'The command, its build and its projects by start time' });
}

function parts(list, kind, targets) {
  if (list.length === 0) return empty(kind === 'projects' ? 'No MSBuild projects: this command ran no build the logger recorded.' : 'No targets recorded.');
  const rows = list.map((part) => h('tr', { 'data-part': targets ? `${part.project} ${part.target}` : part.project },
    h('th', { scope: 'row' }, part.project, targets ? h('span', { class: 'sub' }, ` ${part.target}`) : null),
    h('td', { class: 'num', 'data-figure': 'self' }, duration(durationMs(part.self))),
    h('td', { class: 'num', 'data-figure': 'wall' }, duration(durationMs(part.wall))),
    h('td', { class: 'num', 'data-figure': 'spans' }, String(part.spans))));
  return table(`${rows.length} ${kind}, slowest own time first`, [targets ? 'Project and target' : 'Project', 'Own time', 'Wall time', 'Spans'], rows);
}
