/**
 * The report's charts as inline SVG strings, laid out with d3 scales (no DOM): the monthly trend,
 * the day-of-week x hour matrix with the month's hours under it, and bars for the forecast
 * backtest. Labels passed in are escaped here.
 */
import { interpolateYlOrRd, max as d3max, scaleBand, scaleLinear, scaleSequential } from 'd3';
import { escapeHtml } from './escape_html.ts';

const f1 = (v: number) => (Math.round(v * 10) / 10).toString();

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

/**
 * Monthly counts as bars; `highlight` marks the report month (dark) and `secondary` the same month
 * last year (mid), -1 for none. `tickLabel(i)` labels month i ('' for none); `figKeys[i]`, when
 * given, is written on bar i as data-fig with the count as data-value.
 */
export function trendChartSvg(
  counts: readonly number[],
  highlight: number,
  secondary: number,
  tickLabel: (i: number) => string,
  label: string,
  numberLabel: (x: number) => string,
  figKeys?: readonly string[],
): string {
  const W = 1000, H = 210, left = 42, right = 8, top = 14, bottom = 34;
  const x = scaleBand<number>().domain(counts.map((_, i) => i)).range([left, W - right]).paddingInner(0.18).paddingOuter(0.1);
  const y = scaleLinear().domain([0, Math.max(1, d3max(counts) ?? 1)]).nice(4).range([H - bottom, top]);
  let body = '';
  for (const t of y.ticks(4)) {
    body += `<line x1="${left}" x2="${W - right}" y1="${f1(y(t))}" y2="${f1(y(t))}" stroke="#e3e3e3" stroke-width="1"/>`;
    body += `<text x="${left - 6}" y="${f1(y(t))}" font-size="13" text-anchor="end" dy="0.35em" fill="#555">${escapeHtml(numberLabel(t))}</text>`;
  }
  counts.forEach((c, i) => {
    const fill = i === highlight ? '#3f007d' : i === secondary ? '#9e9ac8' : '#cfcde3';
    const bx = x(i)!, bw = x.bandwidth();
    const fig = figKeys?.[i] ? ` data-fig="${escapeHtml(figKeys[i])}" data-value="${c}"` : '';
    body += `<rect x="${f1(bx)}" y="${f1(y(c))}" width="${f1(bw)}" height="${f1(y(0) - y(c))}" fill="${fill}"${fig}/>`;
    if (i === highlight || i === secondary) {
      body += `<text x="${f1(bx + bw / 2)}" y="${f1(y(c) - 4)}" font-size="13" text-anchor="middle" font-weight="700">${escapeHtml(numberLabel(c))}</text>`;
    }
    const lab = tickLabel(i);
    if (lab) body += `<text x="${f1(bx + bw / 2)}" y="${H - bottom + 17}" font-size="12.5" text-anchor="middle" fill="#333">${escapeHtml(lab)}</text>`;
  });
  body += `<line x1="${left}" x2="${W - right}" y1="${f1(y(0))}" y2="${f1(y(0))}" stroke="#555" stroke-width="1"/>`;
  return svg(W, H, label, body);
}

/**
 * A 7 x 24 matrix (dowHour[d * 24 + h], Monday first) as a heat map with the count in each
 * cell, and under it the month's incidents by hour as bars on the same hour axis.
 */
export function dowHourChartSvg(
  dowHour: readonly number[],
  monthHour: readonly number[] | null,
  days: readonly string[],
  labels: { chart: string; hour: string; month: string },
): string {
  const W = 1000, left = 44, right = 6, top = 22, rowH = 27;
  const colW = (W - left - right) / 24;
  const maxV = Math.max(1, d3max(dowHour) ?? 1);
  const colour = scaleSequential(interpolateYlOrRd).domain([0, maxV]);
  let body = '';
  for (let h = 0; h < 24; h++) {
    body += `<text x="${f1(left + (h + 0.5) * colW)}" y="${top - 7}" font-size="12" text-anchor="middle" fill="#333">${h}</text>`;
  }
  for (let d = 0; d < 7; d++) {
    const yy = top + d * rowH;
    body += `<text x="${left - 7}" y="${f1(yy + rowH / 2)}" font-size="13" text-anchor="end" dy="0.35em">${escapeHtml(days[d])}</text>`;
    for (let h = 0; h < 24; h++) {
      const v = dowHour[d * 24 + h];
      const fill = v > 0 ? colour(v) : '#f4f4f4';
      const xx = left + h * colW;
      body += `<rect x="${f1(xx + 0.6)}" y="${f1(yy + 0.6)}" width="${f1(colW - 1.2)}" height="${rowH - 1.2}" fill="${fill}"/>`;
      if (v > 0) {
        const dark = v / maxV > 0.55;
        body += `<text x="${f1(xx + colW / 2)}" y="${f1(yy + rowH / 2)}" font-size="11.5" text-anchor="middle" dy="0.35em" fill="${dark ? '#fff' : '#222'}">${v}</text>`;
      }
    }
  }
  let H = top + 7 * rowH + 8;
  if (monthHour) {
    const barsTop = H + 20, barsH = 62;
    const y = scaleLinear().domain([0, Math.max(1, d3max(monthHour) ?? 1)]).range([barsTop + barsH, barsTop]);
    body += `<text x="${left}" y="${barsTop - 7}" font-size="12.5" fill="#333">${escapeHtml(labels.month)}</text>`;
    for (let h = 0; h < 24; h++) {
      const v = monthHour[h];
      const xx = left + h * colW;
      if (v > 0) {
        body += `<rect x="${f1(xx + 3)}" y="${f1(y(v))}" width="${f1(colW - 6)}" height="${f1(y(0) - y(v))}" fill="#3f007d"/>`;
        body += `<text x="${f1(xx + colW / 2)}" y="${f1(y(v) - 3)}" font-size="11" text-anchor="middle">${v}</text>`;
      }
    }
    body += `<line x1="${left}" x2="${W - right}" y1="${f1(y(0))}" y2="${f1(y(0))}" stroke="#555"/>`;
    body += `<text x="${W - right}" y="${f1(y(0) + 15)}" font-size="12" text-anchor="end" fill="#555">${escapeHtml(labels.hour)}</text>`;
    H = barsTop + barsH + 20;
  }
  return svg(W, H, labels.chart, body);
}

/** Horizontal bars (value per row), the marked rows dark; for the backtest's mean PAI. */
export function barsSvg(rows: readonly { label: string; value: number | null; mark: boolean }[], label: string, numberLabel: (x: number) => string): string {
  const W = 1000, left = 430, right = 60, rowH = 26, top = 6;
  const H = top + rows.length * rowH + 6;
  const x = scaleLinear().domain([0, Math.max(1, d3max(rows, (r) => r.value ?? 0) ?? 1)]).range([left, W - right]);
  let body = '';
  rows.forEach((r, i) => {
    const yy = top + i * rowH;
    body += `<text x="${left - 8}" y="${yy + rowH / 2}" font-size="13.5" text-anchor="end" dy="0.35em"${r.mark ? ' font-weight="700"' : ''}>${escapeHtml(r.label)}</text>`;
    if (r.value !== null) {
      body += `<rect x="${left}" y="${yy + 4}" width="${f1(x(r.value) - left)}" height="${rowH - 8}" fill="${r.mark ? '#3f007d' : '#bcbddc'}"/>`;
      body += `<text x="${f1(x(r.value) + 5)}" y="${yy + rowH / 2}" font-size="13.5" dy="0.35em">${escapeHtml(numberLabel(r.value))}</text>`;
    }
  });
  body += `<line x1="${left}" x2="${left}" y1="${top}" y2="${H - 6}" stroke="#555"/>`;
  body += `<line x1="${f1(x(1))}" x2="${f1(x(1))}" y1="${top}" y2="${H - 6}" stroke="#999" stroke-dasharray="4 3"/>`;
  return svg(W, H, label, body);
}
