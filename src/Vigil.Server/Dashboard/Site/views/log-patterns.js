// The logs view's patterns mode (?view=logs&mode=patterns): the newest records matching the filters, grouped by the
// message they were written from (GET /api/logs/patterns), with how many records each has. A pattern opens the
// records it stands for: the records mode, searching for the pattern's longest literal text.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { withChanges } from '../state.js';
import { level, time } from '../format.js';
import { empty, field, filterForm, select, table } from './common.js';

export async function render(container, state, { since, levels, modeSwitch }) {
  const query = {
    service: state.get('service'),
    level: state.get('level'),
    grep: state.get('grep'),
    where: state.getAll('where'),
    since,
  };
  const form = filterForm([
    field('Search', h('input', { type: 'search', name: 'grep', value: query.grep ?? '', placeholder: 'words in the message', maxlength: 1024 })),
    field('Service', h('input', { name: 'service', value: query.service ?? '', maxlength: 512 })),
    field('Level', select('level', query.level, levels)),
  ]);
  // No limit: the server reads its default number of the newest records (LogPatterns.DefaultRecords) and says how many.
  const answer = await api.get('logs/patterns', query);
  const summary = h('p', { class: 'count', 'aria-live': 'polite', 'data-scanned': answer.scanned, 'data-patterns': answer.patternCount },
    `${answer.patternCount} pattern${answer.patternCount === 1 ? '' : 's'} in ${answer.complete ? 'all' : 'the newest'} ${answer.scanned} record${answer.scanned === 1 ? '' : 's'}`
    + (answer.complete ? '' : ' (older records are not counted)')
    + (answer.patterns.length < answer.patternCount ? `; the ${answer.patterns.length} largest are shown` : ''));

  const rows = answer.patterns.map((pattern) => {
    const lvl = level(pattern.maxSeverityNumber);
    const share = answer.scanned === 0 ? 0 : (100 * pattern.count) / answer.scanned;
    const records = withChanges({ mode: null, grep: pattern.search || null, service: pattern.services.length === 1 ? pattern.services[0] : query.service, seq: null });
    return h('tr', { class: 'pattern', 'data-count': pattern.count },
      h('td', { class: 'num' }, String(pattern.count)),
      h('td', { class: 'num' }, `${share.toFixed(share < 10 ? 1 : 0)}%`),
      h('td', null, h('span', { class: `lvl lvl-${lvl}` }, lvl)),
      h('td', { class: 'pattern-text' }, h('a', { href: records, title: `e.g. ${pattern.example.body ?? ''}` }, pattern.pattern || '(empty body)')),
      h('td', null, pattern.services.join(', ')),
      h('td', null, h('time', { datetime: pattern.lastSeen }, time(pattern.lastSeen))));
  });

  replace(container, h('h1', null, 'Logs'), modeSwitch, form, summary,
    rows.length === 0 ? empty('No records match.')
      : table('Log patterns, most records first', ['Records', 'Share', 'Highest level', 'Pattern', 'Services', 'Last seen'], rows));
  return null;
}
