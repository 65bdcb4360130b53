// Recorded builds and vigil exec commands (GET /api/builds), newest first: duration, outcome, CPU and peak memory,
// each run judged against its task's earlier runs by the server; one strip of recent durations per task; a build's
// breakdown (views/build-detail.js) when ?build= names one.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { withChanges } from '../state.js';
import { bytes, duration, durationMs, time } from '../format.js';
import { empty, field, filterForm, table } from './common.js';
import { outcome, trend, versusMedian } from './build-trend.js';
import { renderBuild } from './build-detail.js';

/** How many runs the list asks for. */
const LIMIT = 200;

/** How many of a task's runs its strip shows. */
export const TREND_RUNS = 20;

export async function render(container, state, { since }) {
  const id = state.get('build');
  return id ? renderBuild(container, id) : renderList(container, state, since);
}

async function renderList(container, state, since) {
  const query = { task: state.get('task'), failed: state.get('failed') === '1' ? 'true' : null, since, limit: LIMIT };
  const page = await api.get('builds', query);
  const form = filterForm([
    field('Task', h('input', { name: 'task', value: query.task ?? '', maxlength: 512, placeholder: 'dotnet build' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'failed', checked: query.failed === 'true' }), 'Only failed'),
  ]);
  const rows = page.items.map((build) => h('tr', { 'data-build': build.traceId, 'data-regressed': String(build.regressed) },
    h('td', null, time(build.startTime)),
    h('th', { scope: 'row' }, h('a', { href: withChanges({ build: build.traceId }) }, build.name)),
    h('td', null, build.serviceName ?? ''),
    h('td', { class: 'num', 'data-figure': 'duration' }, duration(durationMs(build.duration))),
    h('td', { 'data-figure': 'outcome' }, outcome(build)),
    h('td', null, versusMedian(build)),
    h('td', { class: 'num', 'data-figure': 'cpu' }, build.cpuTime ? duration(durationMs(build.cpuTime)) : '—'),
    h('td', { class: 'num', 'data-figure': 'memory' }, build.peakMemoryBytes === null ? '—' : bytes(build.peakMemoryBytes)),
    h('td', null, build.branch ?? '', build.commit ? h('span', { class: 'sub' }, ` ${build.commit.slice(0, 8)}`) : null)));
  replace(container, h('h1', null, 'Builds'), form,
    rows.length === 0
      ? empty('No builds or commands recorded in this range. Record one with vigil exec -- dotnet build, or the MSBuild logger (docs/builds.md).')
      : [tasks(page.items), table(`${rows.length} builds and commands, newest first`, ['Started', 'Task', 'Service', 'Duration', 'Outcome', 'Vs earlier runs', 'CPU', 'Peak memory', 'Branch'], rows)]);
  return null;
}

/** One row per task in the list: how many runs, the latest, and a strip of its newest runs. */
function tasks(items) {
  const byTask = new Map();
  for (const build of items) {
    if (!byTask.has(build.name)) byTask.set(build.name, []);
    byTask.get(build.name).push(build);
  }
  const rows = [...byTask].map(([name, runs]) => h('tr', { 'data-task': name },
    h('th', { scope: 'row' }, h('a', { href: withChanges({ task: name }) }, name)),
    h('td', { class: 'num', 'data-figure': 'runs' }, String(runs.length)),
    h('td', { class: 'num', 'data-figure': 'latest' }, duration(durationMs(runs[0].duration))),
    h('td', null, trend(runs.slice(0, TREND_RUNS), { label: `Duration of the last ${Math.min(runs.length, TREND_RUNS)} runs of ${name}, oldest first` }))));
  return h('section', { class: 'build-tasks', 'aria-label': 'Tasks' }, table(`${rows.length} tasks in this range`, ['Task', 'Runs', 'Latest', 'Trend (oldest first)'], rows));
}
