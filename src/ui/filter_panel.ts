/**
 * Filters: month range, categories, days of week and hours of day. Built from what is stored
 * (DatasetStatus); every change calls `onChange` with the new IncidentFilter. Checking every
 * category / day, or hours 0–24, means "no filter" (so incidents with an unknown day or time
 * are kept until a day or hour filter is actually set).
 */
import type { IncidentFilter } from '../data/incidents.ts';
import type { DatasetStatus } from '../worker/protocol.ts';
import { el, uniqueId } from './dom.ts';
import type { I18n } from './i18n.ts';

/** 'YYYY-MM' months from first to last inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

const monthIndexOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return (y - 1970) * 12 + m - 1;
};

export class FilterPanel {
  readonly element: HTMLElement;
  private readonly heading = el('h2');
  private readonly from = el('select', { id: 'filter-from' });
  private readonly to = el('select', { id: 'filter-to' });
  private readonly fromLabel = el('label', { for: 'filter-from' });
  private readonly toLabel = el('label', { for: 'filter-to' });
  private readonly catLegend = el('legend');
  private readonly catList = el('div', { class: 'check-list' });
  private readonly dayLegend = el('legend');
  private readonly dayList = el('div', { class: 'check-row' });
  private readonly hourLegend = el('legend');
  private readonly hourFrom = el('select', { id: 'filter-hour-from' });
  private readonly hourTo = el('select', { id: 'filter-hour-to' });
  private readonly hourFromLabel = el('label', { for: 'filter-hour-from' });
  private readonly hourToLabel = el('label', { for: 'filter-hour-to' });
  private readonly timeNote = el('p', { class: 'note', hidden: true });
  private dayBoxes: HTMLInputElement[] = [];
  private dayLabels: HTMLSpanElement[] = [];
  private catBoxes: HTMLInputElement[] = [];
  private months: string[] = [];

  constructor(private readonly i18n: I18n, private readonly onChange: () => void) {
    for (let h = 0; h < 24; h++) this.hourFrom.append(el('option', { value: String(h) }, `${String(h).padStart(2, '0')}:00`));
    for (let h = 1; h <= 24; h++) this.hourTo.append(el('option', { value: String(h) }, `${String(h).padStart(2, '0')}:00`));
    this.hourTo.value = '24';
    for (let d = 0; d < 7; d++) {
      const id = uniqueId('filter-day');
      const box = el('input', { type: 'checkbox', id, checked: true, value: String(d) });
      const text = el('span');
      this.dayBoxes.push(box);
      this.dayLabels.push(text);
      this.dayList.append(el('label', { for: id, class: 'chip' }, box, text));
    }
    this.element = el('section', { class: 'panel filters', 'aria-labelledby': 'filters-heading' },
      Object.assign(this.heading, { id: 'filters-heading' }),
      el('div', { class: 'field-row' },
        el('div', { class: 'field' }, this.fromLabel, this.from),
        el('div', { class: 'field' }, this.toLabel, this.to)),
      el('fieldset', {}, this.catLegend, this.catList),
      el('fieldset', {}, this.dayLegend, this.dayList),
      el('fieldset', {}, this.hourLegend,
        el('div', { class: 'field-row' },
          el('div', { class: 'field' }, this.hourFromLabel, this.hourFrom),
          el('div', { class: 'field' }, this.hourToLabel, this.hourTo))),
      this.timeNote);
    this.element.addEventListener('change', (ev) => {
      if (ev.target === this.from && this.from.selectedIndex > this.to.selectedIndex) this.to.selectedIndex = this.from.selectedIndex;
      if (ev.target === this.to && this.to.selectedIndex < this.from.selectedIndex) this.from.selectedIndex = this.to.selectedIndex;
      this.onChange();
    });
    i18n.watch(() => this.relabel());
  }

  /** Rebuild the choices for what is stored now; filters go back to "everything". */
  setDataset(s: DatasetStatus): void {
    this.months = s.firstMonth && s.lastMonth ? monthsBetween(s.firstMonth, s.lastMonth) : [];
    for (const select of [this.from, this.to]) {
      select.replaceChildren(...this.months.map((m) => el('option', { value: m }, this.i18n.month(monthIndexOf(m)))));
    }
    this.from.selectedIndex = 0;
    this.to.selectedIndex = this.months.length - 1;
    this.catBoxes = [];
    this.catList.replaceChildren(...s.categories.map((c) => {
      const id = uniqueId('filter-cat');
      const box = el('input', { type: 'checkbox', id, checked: true, value: c.name });
      this.catBoxes.push(box);
      return el('label', { for: id, class: 'check' }, box, el('span', {}, c.name || '—'), el('span', { class: 'count', 'data-n': c.n }, ` (${this.i18n.n(c.n)})`));
    }));
    const noTimes = s.incidents > 0 && s.timeKnownShare === 0;
    for (const box of this.dayBoxes) { box.checked = true; box.disabled = noTimes; }
    this.hourFrom.value = '0';
    this.hourTo.value = '24';
    this.hourFrom.disabled = this.hourTo.disabled = noTimes;
    this.timeNote.hidden = !noTimes;
  }

  filter(): IncidentFilter {
    const f: IncidentFilter = {};
    if (this.months.length) {
      if (this.from.selectedIndex > 0) f.fromMonth = this.from.value;
      if (this.to.selectedIndex < this.months.length - 1) f.toMonth = this.to.value;
    }
    const cats = this.catBoxes.filter((b) => b.checked).map((b) => b.value);
    // Nothing checked selects nothing (an impossible category), not everything.
    if (cats.length < this.catBoxes.length) f.categories = cats.length ? cats : ['\u0000'];
    const days = this.dayBoxes.flatMap((b, d) => (b.checked ? [d] : []));
    if (days.length < 7) {
      if (days.length) f.days = days;
      else f.categories = ['\u0000'];
    }
    // From a to b, wrapping past midnight when a > b; a = b would be all day.
    const a = Number(this.hourFrom.value), b = Number(this.hourTo.value);
    if (!(a === 0 && b === 24) && a !== b % 24) f.hours = [a, b];
    return f;
  }

  private relabel(): void {
    const t = this.i18n.t.bind(this.i18n);
    this.heading.textContent = t('filters.heading');
    this.fromLabel.textContent = t('filters.from');
    this.toLabel.textContent = t('filters.to');
    this.catLegend.textContent = t('filters.categories');
    this.dayLegend.textContent = t('filters.days');
    this.hourLegend.textContent = t('filters.hours');
    this.hourFromLabel.textContent = t('filters.hourFrom');
    this.hourToLabel.textContent = t('filters.hourTo');
    this.timeNote.textContent = t('filters.timesUnknown');
    const days = this.i18n.weekdays();
    this.dayLabels.forEach((s, d) => { s.textContent = days[d]; });
    for (const select of [this.from, this.to]) {
      for (const o of select.options) o.textContent = this.i18n.month(monthIndexOf(o.value));
    }
    for (const span of this.catList.querySelectorAll<HTMLElement>('.count')) span.textContent = ` (${this.i18n.n(Number(span.dataset.n))})`;
  }
}
