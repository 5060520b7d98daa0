/**
 * Monthly incidents by category (d3 lines): the five largest categories of the selection and the
 * rest as "other". Month labels in the interface language.
 */
import { axisBottom, axisLeft, line, max, scaleLinear, scaleOrdinal, scaleUtc, schemeTableau10, select } from 'd3';
import type { AnalysisResult } from '../../worker/analysis_types.ts';
import { el } from '../dom.ts';
import type { I18n } from '../i18n.ts';

const W = 380, H = 190, M = { top: 8, right: 10, bottom: 26, left: 40 };
const SHOWN = 5;

export function drawTrend(host: HTMLElement, time: AnalysisResult['time'], i18n: I18n): void {
  const months = time.months;
  let series = time.byCategory.map((b) => ({ name: b.category || '—', counts: Array.from(b.counts) }));
  if (series.length > SHOWN) {
    const other = new Array<number>(months).fill(0);
    for (const s of series.slice(SHOWN)) s.counts.forEach((v, k) => { other[k] += v; });
    series = [...series.slice(0, SHOWN), { name: i18n.t('chart.other'), counts: other }];
  }
  const dateOf = (t: number) => {
    const mi = time.firstMonth + t;
    return new Date(Date.UTC(1970 + Math.floor(mi / 12), mi % 12, 1));
  };
  const total = series.reduce((a, s) => a + s.counts.reduce((x, y) => x + y, 0), 0);
  const desc = months
    ? i18n.t('chart.trend.desc', { total, from: i18n.month(time.firstMonth), to: i18n.month(time.firstMonth + months - 1) })
    : i18n.t('top.none');
  const svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgEl.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svgEl.setAttribute('role', 'img');
  svgEl.setAttribute('aria-label', `${i18n.t('chart.trend')}. ${desc}`);
  const legend = el('ul', { class: 'chart-legend' });
  host.replaceChildren(svgEl, legend, el('p', { class: 'chart-desc' }, desc));
  if (!months) return;

  // One month alone gets a little room either side, so its point sits in the middle.
  const x = scaleUtc().domain(months > 1 ? [dateOf(0), dateOf(months - 1)] : [dateOf(-1), dateOf(1)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, max(series, (s) => max(s.counts)) ?? 1)]).nice().range([H - M.bottom, M.top]);
  const colour = scaleOrdinal<string, string>().domain(series.map((s) => s.name)).range(schemeTableau10);
  const svg = select(svgEl);
  const yearsOnly = months > 24;
  const fmt = new Intl.DateTimeFormat(i18n.locale, yearsOnly ? { year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: '2-digit', timeZone: 'UTC' });
  // Ticks on month starts only: every k-th month (k a divisor of 12), or every year.
  const step = yearsOnly ? 12 * Math.ceil(months / 12 / 10) : [1, 2, 3, 4, 6, 12].find((k) => months / k <= 6) ?? 12;
  const ticks: Date[] = [];
  for (let t = 0; t < Math.max(1, months); t++) if ((time.firstMonth + t) % step === 0 || (months <= 1 && t === 0)) ticks.push(dateOf(t));
  svg.append('g').attr('transform', `translate(0,${H - M.bottom})`)
    .call(axisBottom(x).tickValues(ticks).tickFormat((d) => fmt.format(d as Date)));
  svg.append('g').attr('transform', `translate(${M.left},0)`)
    .call(axisLeft(y).ticks(4).tickFormat((d) => i18n.n(Number(d), 0)));
  const path = line<number>().x((_, t) => x(dateOf(t))).y((v) => y(v));
  svg.append('g').attr('fill', 'none').attr('stroke-width', 1.5)
    .selectAll('path').data(series).join('path')
    .attr('stroke', (s) => colour(s.name)).attr('d', (s) => path(s.counts));
  if (months <= 24) {
    // Points too, so short series (one month alone) are visible.
    svg.append('g').selectAll('g').data(series).join('g').attr('fill', (s) => colour(s.name))
      .selectAll('circle').data((s) => s.counts).join('circle')
      .attr('cx', (_, t) => x(dateOf(t))).attr('cy', (v) => y(v)).attr('r', 2.5);
  }
  legend.replaceChildren(...series.map((s) =>
    el('li', {}, el('span', { class: 'swatch', style: `background:${colour(s.name)}`, 'aria-hidden': 'true' }), s.name)));
}
