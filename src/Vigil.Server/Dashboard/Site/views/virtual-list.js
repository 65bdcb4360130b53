// A list that puts only the rows in view in the page: a scrolling box as tall as every row would be, and in it the
// visible slice (plus a margin either side), moved to where it belongs. Rows have one fixed height (CSS
// --row-height), so the position of any row is arithmetic and a million rows cost what fifty do.
import { h, replace } from '../dom.js';

/** Rows drawn above and below the visible ones, so a fast scroll does not show a blank band. */
const overscan = 20;

/** When the last drawn row is this close to the end, ask for more. */
const nearEnd = 100;

export class VirtualList {
  constructor({ label, items, row, onNearEnd }) {
    this.items = items;
    this.row = row;
    this.onNearEnd = onNearEnd;
    this.list = h('ol', { class: 'log-list', 'aria-label': label });
    this.spacer = h('div', { class: 'spacer' });
    this.element = h('div', { class: 'log-viewport', tabindex: '-1' }, this.spacer, this.list);
    this.rowHeight = 0;
    this.frame = 0;
    this.drawn = { first: -1, last: -1 };
    this.onScroll = () => { if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); }); };
    this.element.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize = new ResizeObserver(() => { this.measure(); this.refresh(); });
    this.resize.observe(this.element);
  }

  measure() {
    const value = parseFloat(getComputedStyle(this.element).getPropertyValue('--row-height'));
    this.rowHeight = Number.isFinite(value) && value > 0 ? value : 24;
  }

  /** Redraws the visible slice (the items changed, or the selection). */
  refresh() {
    this.drawn = { first: -1, last: -1 };
    this.draw();
  }

  /** Rows were added at the top: keep the rows the reader is looking at where they are, unless they are at the top. */
  prepended(count) {
    if (this.element.scrollTop > 0) this.element.scrollTop += count * this.rowHeight;
    this.refresh();
  }

  /** Scrolls so the row at index is in view. */
  reveal(index) {
    if (index < 0 || !this.rowHeight) return;
    const top = index * this.rowHeight;
    const view = this.element.clientHeight;
    if (top < this.element.scrollTop || top + this.rowHeight > this.element.scrollTop + view) {
      this.element.scrollTop = Math.max(0, top - view / 3);
    }
  }

  showEmpty(text) {
    replace(this.list, h('li', { class: 'empty' }, text));
  }

  draw() {
    if (!this.rowHeight) this.measure();
    const total = this.items.length;
    this.spacer.style.setProperty('height', `${total * this.rowHeight}px`);
    const top = this.element.scrollTop;
    const view = this.element.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / this.rowHeight) - overscan);
    const last = Math.min(total - 1, Math.ceil((top + view) / this.rowHeight) + overscan);
    if (first === this.drawn.first && last === this.drawn.last) return;
    this.drawn = { first, last };
    const rows = [];
    for (let i = first; i <= last; i++) rows.push(this.row(this.items[i]));
    this.list.style.setProperty('transform', `translateY(${first * this.rowHeight}px)`);
    this.list.replaceChildren(...rows);
    if (total > 0 && last >= total - nearEnd) this.onNearEnd();
  }

  stop() {
    this.element.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
