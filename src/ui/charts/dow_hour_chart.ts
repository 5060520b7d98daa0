/**
 * Day of week x hour heatmap (d3). Incidents whose time of day is unknown are never spread over
 * hours: with no known times the chart says "times unknown" instead, and a share of unknown
 * times is stated under it.
 */
import { interpolateBlues, max, scaleBand, scaleSequential, select } from 'd3';
import type { AnalysisResult } from '../../worker/analysis_types.ts';
import { el } from '../dom.ts';
import type { I18n } from '../i18n.ts';

const W = 380, H = 170, M = { top: 6, right: 6, bottom: 22, left: 38 };

export function drawDowHour(host: HTMLElement, time: AnalysisResult['time'], i18n: I18n): void {
  const total = time.hourKnown + time.hourUnknown;
  if (time.hourKnown === 0) {
    host.replaceChildren(el('p', { class: 'times-unknown', 'data-state': 'times-unknown' }, total ? i18n.t('chart.timesUnknown') : i18n.t('top.none')));
    return;
  }
  const days = i18n.weekdays();
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const x = scaleBand<number>().domain(hours).range([M.left, W - M.right]).padding(0.06);
  const y = scaleBand<number>().domain([0, 1, 2, 3, 4, 5, 6]).range([M.top, H - M.bottom]).padding(0.06);
  const top = max(Array.from(time.dowHour)) ?? 1;
  const colour = scaleSequential(interpolateBlues).domain([0, Math.max(1, top)]);
  const svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgEl.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svgEl.setAttribute('role', 'img');
  svgEl.setAttribute('aria-label', i18n.t('chart.heatmap'));
  const svg = select(svgEl);
  const cells = Array.from(time.dowHour, (n, k) => ({ d: Math.floor(k / 24), h: k % 24, n }));
  svg.append('g').selectAll('rect').data(cells).join('rect')
    .attr('x', (c) => x(c.h)!).attr('y', (c) => y(c.d)!)
    .attr('width', x.bandwidth()).attr('height', y.bandwidth())
    .attr('fill', (c) => (c.n ? colour(c.n) : '#f4f4f4'))
    .append('title').text((c) => i18n.t('chart.heatmap.cell', { day: days[c.d], hour: String(c.h).padStart(2, '0'), next: String(c.h + 1).padStart(2, '0'), n: c.n }));
  svg.append('g').selectAll('text').data(days).join('text')
    .attr('x', M.left - 4).attr('y', (_, d) => y(d)! + y.bandwidth() / 2).attr('dy', '0.35em')
    .attr('text-anchor', 'end').attr('class', 'axis-label').text((d) => d);
  svg.append('g').selectAll('text').data([0, 6, 12, 18, 23]).join('text')
    .attr('x', (h) => x(h)! + x.bandwidth() / 2).attr('y', H - 6)
    .attr('text-anchor', 'middle').attr('class', 'axis-label').text((h) => `${String(h).padStart(2, '0')}`);
  const note = time.hourUnknown ? el('p', { class: 'note' }, i18n.t('chart.partUnknown', { n: time.hourUnknown, total })) : null;
  host.replaceChildren(svgEl, note ?? '');
}
