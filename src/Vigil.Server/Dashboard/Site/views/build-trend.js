// What the builds list and one build's page both show of a run: its outcome pill, its regression mark (the API's
// judgement against the task's earlier runs; the rule is the server's, never recomputed here) and a task's trend.
import { h } from '../dom.js';
import { withChanges } from '../state.js';
import { duration, durationMs, time } from '../format.js';
import { pill } from './common.js';

/** The result as a pill, with the exit code where vigil exec recorded one. */
export function outcome(build) {
  const kind = build.result === 'success' ? 'healthy' : 'unhealthy';
  return [pill(build.result, kind), build.exitCode === null || build.exitCode === undefined ? null : h('span', { class: 'sub', 'data-figure': 'exit-code' }, `exit ${build.exitCode}`)];
}

/** "slower" when the API judged the run a regression, else the median it was judged against (or nothing to judge). */
export function versusMedian(build) {
  const baseline = build.baseline;
  if (!baseline) return h('span', { class: 'sub', 'data-figure': 'baseline' }, 'first run');
  const median = duration(durationMs(baseline.median));
  const title = `median of the ${baseline.runs} runs before: ${median}; slower than ${duration(durationMs(baseline.limit))} (+${baseline.percent}%) is a regression`;
  return h('span', { 'data-figure': 'baseline', 'data-regressed': String(build.regressed), title },
    build.regressed ? pill('slower', 'high') : null, h('span', { class: 'sub' }, `median ${median} of ${baseline.runs}`));
}

/**
 * A task's runs as a bar strip, oldest on the left, each bar's height its duration against the longest shown; failed
 * runs and regressions are marked by class and in the bar's label, not by colour alone. Each bar links to its run.
 */
export function trend(runs, { label }) {
  if (runs.length === 0) return null;
  const oldestFirst = [...runs].reverse();
  const longest = Math.max(...oldestFirst.map((r) => durationMs(r.duration)), 0.001);
  return h('ol', { class: 'trend', 'aria-label': label }, oldestFirst.map((run) => {
    const ms = durationMs(run.duration);
    const text = `${time(run.startTime)} · ${duration(ms)} · ${run.result}${run.regressed ? ' · slower than the median' : ''}`;
    const kind = `${run.result === 'success' ? '' : ' trend-failed'}${run.regressed ? ' trend-regressed' : ''}`;
    return h('li', { class: `trend-bar${kind}`, 'data-trace': run.traceId, 'data-ms': ms },
      h('a', { href: withChanges({ build: run.traceId }), title: text, 'aria-label': text, style: { height: `${Math.max((ms / longest) * 100, 4)}%` } }));
  }));
}
