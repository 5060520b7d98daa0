/**
 * The top-10 hot-spot table: cell, beat, street, incidents, last month and its change, Gi* bin.
 * Each row's button shows the cell on the map (fly to it and outline it).
 */
import { GI_BIN_COLOURS } from '../map/ramps.ts';
import type { AnalysisResult, TopCell } from '../worker/analysis_types.ts';
import { toCsv } from '../csv_export.ts';
import { el } from './dom.ts';
import type { I18n, MessageKey } from './i18n.ts';

/** A cell's name in the table: column and row on the analysis grid. */
export const cellName = (c: TopCell): string => `C${c.col}-${c.row}`;

/**
 * The top cells as CSV for a spreadsheet. Text from the data (beats, street names) goes through
 * the formula-injection escape of csv_export.ts: a cell starting with = + - @ is not a formula.
 */
export function topCellsCsv(cells: readonly TopCell[]): string {
  return toCsv(
    ['rank', 'cell', 'beat', 'street', 'lon', 'lat', 'incidents', 'last_month', 'previous_month', 'gi_z', 'gi_bin'],
    cells.map((c) => [c.rank, cellName(c), c.beat, c.street, c.lon, c.lat, c.count, c.lastMonth, c.previousMonth, c.z, c.bin]),
  );
}

export function drawTopTable(host: HTMLElement, r: AnalysisResult, i18n: I18n, onShow: (c: TopCell) => void, selected: number | null): void {
  const t = i18n.t.bind(i18n);
  if (!r.top.length) {
    host.replaceChildren(el('p', { class: 'note' }, t('top.none')));
    return;
  }
  const signed = new Intl.NumberFormat(i18n.locale, { signDisplay: 'exceptZero' });
  const head = el('tr', {}, ...(['top.rank', 'top.cell', 'top.beat', 'top.street', 'top.count', 'top.change', 'top.gi'] as MessageKey[])
    .map((k) => el('th', { scope: 'col' }, t(k))));
  const rows = r.top.map((c) => {
    const button = el('button', { type: 'button', class: 'link', 'aria-label': t('top.show', { cell: cellName(c) }), 'aria-pressed': String(selected === c.cell) }, cellName(c));
    button.addEventListener('click', () => {
      for (const b of host.querySelectorAll('button[aria-pressed]')) b.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', 'true');
      onShow(c);
    });
    const change = c.previousMonth === null ? null : c.lastMonth - c.previousMonth;
    return el('tr', { 'data-cell': c.cell, class: selected === c.cell ? 'selected' : '' },
      el('td', { class: 'num' }, i18n.n(c.rank)),
      el('th', { scope: 'row' }, button),
      el('td', {}, c.beat || '—'),
      el('td', {}, c.street || '—'),
      el('td', { class: 'num' }, i18n.n(c.count)),
      el('td', { class: 'num', title: change === null ? t('top.noPrevious') : null }, `${i18n.n(c.lastMonth)} (${change === null ? '–' : signed.format(change)})`),
      el('td', { class: 'gi', title: t(`gi.${c.bin}` as MessageKey) },
        el('span', { class: 'swatch', style: `background:${c.bin ? GI_BIN_COLOURS[c.bin + 3] : 'transparent'}`, 'aria-hidden': 'true' }),
        c.bin ? `${c.bin > 0 ? '+' : '−'}${Math.abs(c.bin)}` : '0'));
  });
  const caption = el('caption', {}, t('top.caption', { month: r.lastMonth !== null ? i18n.month(r.lastMonth, 'long') : '—' }));
  const csv = el('button', { type: 'button', class: 'csv-download' }, t('top.csv'));
  csv.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([topCellsCsv(r.top)], { type: 'text/csv;charset=utf-8' }));
    const a = el('a', { href: url, download: 'sargas-top-hot-spots.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  host.replaceChildren(el('table', { class: 'top-table' }, caption, el('thead', {}, head), el('tbody', {}, ...rows)), csv);
}
