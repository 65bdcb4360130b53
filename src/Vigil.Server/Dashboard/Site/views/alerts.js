// Firing and pending alerts with acknowledgement, the state history, and silences (create, expire), through the
// alert API (docs/api.md). The writes name who did them: the name given here, kept in this browser.
import { h, replace } from '../dom.js';
import * as api from '../api.js';
import { time } from '../format.js';
import { empty, field, pill, table } from './common.js';

const nameKey = 'vigil.dashboard.name';

export async function render(container, state, context) {
  const [alerts, history, silences] = await Promise.all([
    api.get('alerts'),
    api.get('alerts/history', { limit: 50 }),
    api.get('silences'),
  ]);
  const message = h('p', { class: 'status-note', role: 'status' });
  const who = h('input', { name: 'by', value: localStorage.getItem(nameKey) ?? '', required: true, maxlength: 128, autocomplete: 'nickname' });
  who.addEventListener('change', () => localStorage.setItem(nameKey, who.value.trim()));
  const again = () => render(container, state, context);
  const run = async (action) => {
    if (!who.value.trim()) { message.textContent = 'Give your name first: the store records who acknowledged or silenced.'; who.focus(); return; }
    try { await action(); await again(); } catch (error) { message.textContent = error.message; }
  };

  const labels = (map) => Object.entries(map).map(([k, v]) => `${k}=${v}`).join(' ');
  const rows = alerts.items.map((alert) => h('tr', { 'data-alert': alert.id },
    h('th', { scope: 'row' }, alert.ruleName),
    h('td', null, labels(alert.labels)),
    h('td', null, pill(alert.state, alert.state === 'firing' ? 'unhealthy' : 'degraded')),
    h('td', null, time(alert.firedAt ?? alert.activeSince)),
    h('td', { class: 'num' }, alert.value === null ? '—' : String(alert.value)),
    h('td', null, alert.acknowledgement
      ? `acknowledged by ${alert.acknowledgement.by}`
      : alert.state === 'firing' ? h('button', { type: 'button', 'data-action': 'ack', onclick: () => run(() => api.post(`alerts/${alert.id}/ack`, { by: who.value.trim() })) }, 'Acknowledge') : '—')));

  const matchers = h('input', { name: 'matchers', placeholder: 'service=shop alertname=HighErrorRate', required: true, maxlength: 1024 });
  const length = h('input', { name: 'duration', value: '2h', required: true, maxlength: 32 });
  const comment = h('input', { name: 'comment', required: true, maxlength: 1024 });
  const form = h('form', { class: 'filters', onsubmit: (event) => {
    event.preventDefault();
    run(() => api.post('silences', { matchers: matchers.value.trim().split(/\s+/), duration: length.value.trim(), createdBy: who.value.trim(), comment: comment.value.trim() }));
  } }, field('Matchers', matchers), field('For', length), field('Comment', comment), h('button', { type: 'submit' }, 'Silence'));

  replace(container, h('h1', null, 'Alerts'),
    h('div', { class: 'filters' }, field('Your name', who)), message,
    rows.length === 0 ? empty('Nothing is firing or pending.') : table(`${rows.length} firing or pending`, ['Rule', 'Labels', 'State', 'Since', 'Value', 'Acknowledgement'], rows),
    h('h2', null, 'Silences'), form,
    silences.items.length === 0 ? empty('No pending or active silences.') : table('Silences', ['Matchers', 'Ends', 'By', 'Comment', ''], silences.items.map((s) => h('tr', { 'data-silence': s.id },
      h('td', null, s.matchers.join(' ')), h('td', null, time(s.endsAt)), h('td', null, s.createdBy), h('td', null, s.comment),
      h('td', null, h('button', { type: 'button', 'data-action': 'expire', onclick: () => run(() => api.post(`silences/${s.id}/expire`, {})) }, 'Expire'))))),
    h('h2', null, 'History'),
    history.items.length === 0 ? empty('No transitions yet.') : table('Latest transitions', ['Time', 'Rule', 'Labels', 'From', 'To'], history.items.map((t) => h('tr', null,
      h('td', null, time(t.at)), h('td', null, t.ruleName), h('td', null, labels(t.labels ?? {})), h('td', null, t.from), h('td', null, t.to)))));
  return null;
}
