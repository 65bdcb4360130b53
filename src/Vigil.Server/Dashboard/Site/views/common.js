// Pieces every view uses: a filter form whose submit becomes the URL, tables, empty states.
import { h } from '../dom.js';
import { navigate, withChanges } from '../state.js';

/** A labelled control. */
export function field(label, control) {
  return h('label', { class: 'field' }, h('span', null, label), control);
}

/**
 * A form that, on submit, puts its named fields into the URL (empty ones removed), plus `extra` (a selection to
 * clear). `changes(values)` may turn the form's values into the URL's parameters when they differ.
 */
export function filterForm(controls, extra = {}, changes = (values) => values) {
  const form = h('form', { class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const values = {};
    for (const element of form.elements) {
      if (!element.name) continue;
      if (element.type === 'checkbox') values[element.name] = element.checked ? '1' : null;
      else values[element.name] = element.value.trim() || null;
    }
    navigate(withChanges({ ...changes(values), ...extra }));
  } }, controls, h('button', { type: 'submit' }, 'Apply'));
  return form;
}

export function table(caption, headers, rows) {
  return h('table', null,
    h('caption', null, caption),
    h('thead', null, h('tr', null, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', null, rows));
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

/** A select of options [value, label], the current value chosen. */
export function select(name, value, options) {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === (value ?? '') }, label)));
}

/** A status pill: its class carries the colour, its text the meaning (colour is never the only signal). */
export function pill(text, kind) {
  return h('span', { class: `pill pill-${kind}` }, text);
}
