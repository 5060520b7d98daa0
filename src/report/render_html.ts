/**
 * The report model as one self-contained HTML document for screen and A4 print: inline CSS,
 * inline SVG maps and charts, optional fonts embedded as data: URLs, and a Content-Security-Policy
 * that forbids loading anything. Every piece of data text (categories, areas, streets, file names,
 * import notes) is HTML-escaped; the i18n templates are escaped too, and filled with escaped
 * values.
 *
 * Figures a reader (or a test) may want to check carry `data-fig="name"` and the raw number in
 * `data-value`.
 */
import { EMERGING_CATEGORIES, type EmergingCategory } from '../stats/emerging_hot_spots.ts';
import { escapeHtml } from './escape_html.ts';
import { barsSvg, dowHourChartSvg, trendChartSvg } from './report_charts.ts';
import { DAYS, formatter, hasKey, tr, type Formatter, type Lang, type StringKey } from './report_i18n.ts';
import { EMERGING_COLOURS, GI_COLOURS, emergingMapSvg, hotSpotMapSvg, kdeColour, kdeLevels } from './report_map.ts';
import type { CountRow, ForecastRow, ReportModel } from './report_model.ts';

/** A font embedded in the document (e.g. Noto Sans from @fontsource, read by the shell). */
export interface EmbeddedFont {
  family: string;
  weight: number;
  style?: 'normal' | 'italic';
  /** CSS unicode-range, e.g. 'U+0000-00FF,U+0131'. */
  unicodeRange?: string;
  /** The woff2 file, base64. */
  woff2Base64: string;
}

export interface RenderOptions {
  /** @default 'en' */
  lang?: Lang;
  fonts?: readonly EmbeddedFont[];
}

type Vars = Record<string, string | number>;

/** Render the report as HTML. */
export function renderReportHtml(model: ReportModel, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'lt') throw new RangeError(`lang must be 'en' or 'lt', got '${String(lang)}'`);
  const r = new Renderer(model, lang);
  const body = [
    r.header(),
    r.summary(),
    r.mapSection(),
    r.headline(),
    r.areas(),
    r.topSpots(),
    r.emerging(),
    r.time(),
    r.forecast(),
    r.patrol(),
    r.quality(),
    r.methods(),
    r.attributions(),
  ].join('\n');
  const title = `${tr(lang, 'reportTitle')} ${r.f.month(model.month)}${model.title ? ` · ${model.title}` : ''}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sargas">
<title>${escapeHtml(title)}</title>
<style>${fontCss(options.fonts ?? [])}${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function fontCss(fonts: readonly EmbeddedFont[]): string {
  let css = '';
  for (const f of fonts) {
    if (!/^[A-Za-z0-9+/=]+$/.test(f.woff2Base64)) throw new RangeError(`font ${f.family} ${f.weight}: woff2Base64 is not base64`);
    if (f.unicodeRange !== undefined && !/^[Uu0-9A-Fa-f+?,\- ]+$/.test(f.unicodeRange)) throw new RangeError(`font ${f.family}: bad unicode-range`);
    if (!/^[\w -]+$/.test(f.family) || !Number.isInteger(f.weight)) throw new RangeError(`font: bad family or weight`);
    css += `@font-face{font-family:'${f.family}';font-style:${f.style ?? 'normal'};font-weight:${f.weight};font-display:block;`
      + `src:url(data:font/woff2;base64,${f.woff2Base64}) format('woff2');${f.unicodeRange ? `unicode-range:${f.unicodeRange};` : ''}}\n`;
  }
  return css;
}

const CSS = `
@page { size: A4; margin: 12mm 13mm 15mm 13mm; }
:root { --accent: #3f007d; --muted: #5f5f5f; --rule: #d9d9d9; --up: #b2182b; --down: #2166ac; }
html { font-family: 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 9.2pt; line-height: 1.35; color: #1b1b1b; }
body { margin: 0; }
@media screen { body { max-width: 184mm; margin: 8mm auto; padding: 0 4mm; } }
h1 { font-size: 17pt; margin: 0; color: var(--accent); line-height: 1.15; }
h2 { font-size: 12.2pt; margin: 5mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 0.35mm solid var(--accent); color: var(--accent); break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1.2mm; break-after: avoid; }
p { margin: 1mm 0 1.6mm; }
.caption { font-size: 7.8pt; color: var(--muted); margin: 1mm 0 2mm; }
.note { font-size: 8.2pt; color: #333; background: #f5f3f8; border-left: 0.8mm solid #bcbddc; padding: 1.2mm 2.2mm; margin: 1.5mm 0; }
header.report { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; border-bottom: 1mm solid var(--accent); padding-bottom: 2mm; }
header .brand { font-size: 8pt; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); }
header .area { font-size: 10.5pt; margin-top: 0.6mm; }
header .titles { flex: 1 1 auto; }
header .when { flex: 0 0 auto; text-align: right; }
h1 { white-space: nowrap; }
.datarange { font-size: 7.8pt; color: var(--muted); margin: 0.8mm 0 0; }
header .month { font-size: 15pt; font-weight: 700; }
header .gen { font-size: 7.8pt; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm; margin: 3mm 0 2mm; }
.card { border: 0.3mm solid var(--rule); border-radius: 1.5mm; padding: 1.6mm 2.4mm; }
.card .label { font-size: 7.8pt; color: var(--muted); }
.card .big { font-size: 17pt; font-weight: 700; line-height: 1.2; }
.card .small { font-size: 7.8pt; color: var(--muted); }
.up { color: var(--up); } .down { color: var(--down); }
ul.points { margin: 1mm 0 2mm; padding-left: 4.5mm; }
ul.points li { margin: 0.6mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.3pt; margin: 1mm 0 2mm; }
th, td { padding: 0.7mm 1.4mm; border-bottom: 0.2mm solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 700; border-bottom: 0.35mm solid #999; font-size: 7.9pt; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 0.35mm solid #999; }
tr.rec td { font-weight: 700; background: #f2f0f7; }
.tag { font-size: 7pt; font-weight: 700; color: #fff; background: var(--accent); border-radius: 1mm; padding: 0 1mm; margin-left: 1mm; }
.swatch { display: inline-block; width: 2.8mm; height: 2.8mm; border: 0.2mm solid #777; vertical-align: -0.35mm; margin-right: 1mm; box-sizing: border-box; }
figure { margin: 0; break-inside: avoid; }
svg.map { display: block; width: 100%; height: auto; }
section.map svg.map { max-height: 138mm; }
svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
svg text { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; }
svg .area-label { font-weight: 700; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .incidents circle { fill: #111; stroke: #fff; stroke-width: 0.8; }
svg .top circle { fill: #fff; stroke: #000; stroke-width: 1.5; }
svg .top text { font-weight: 700; fill: #000; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 7.6pt; align-items: center; margin: 1.2mm 0 0.5mm; }
.legend .ramp { display: inline-flex; align-items: center; gap: 0; }
.legend .ramp span.step { display: inline-block; width: 6mm; height: 3mm; }
.legend .ramp span.lab { margin: 0 1mm; }
.two { display: grid; grid-template-columns: 1.05fr 1fr; gap: 4mm; align-items: start; }
.two table { font-size: 7.9pt; }
td.cat { white-space: nowrap; }
.keep { break-inside: avoid; }
.page { break-before: page; }
.mono { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 7.2pt; word-break: break-all; }
dl.params { display: grid; grid-template-columns: 34mm 1fr; gap: 0.8mm 3mm; margin: 1mm 0; font-size: 8.2pt; }
dl.params dt { font-weight: 700; }
dl.params dd { margin: 0; }
ul.attr { padding-left: 4.5mm; font-size: 8.2pt; }
.small-print { font-size: 7.6pt; color: var(--muted); }
`;

class Renderer {
  readonly f: Formatter;
  constructor(readonly m: ReportModel, readonly lang: Lang) {
    this.f = formatter(lang);
  }

  /** A template, escaped, filled with escaped values (and `raw` values as given: our own markup only). */
  h(key: StringKey, vars: Vars = {}, raw: Vars = {}): string {
    const t = tr(this.lang, key).replace(/\{(\w+)\}/g, (_, name: string) => `\u0000${name}\u0001`);
    return escapeHtml(t).replace(/\u0000(\w+)\u0001/g, (m0, name: string) =>
      name in raw ? String(raw[name]) : name in vars ? escapeHtml(String(vars[name])) : `{${name}}`);
  }

  /** A string key built at run time (reason_*, cat_*, shift_*); the key itself when unknown. */
  k(key: string, vars: Vars = {}): string {
    return hasKey(key) ? this.h(key, vars) : escapeHtml(key);
  }

  num(x: number | null, digits = 0): string {
    return escapeHtml(this.f.num(x, digits));
  }

  /** A table cell with a checkable number. */
  fig(name: string, x: number | null, digits = 0): string {
    return `<td class="n" data-fig="${escapeHtml(name)}" data-value="${x === null ? '' : x}">${this.num(x, digits)}</td>`;
  }

  /** A table cell with a checkable share, shown as a percentage. */
  figPct(name: string, x: number | null): string {
    return `<td class="n" data-fig="${escapeHtml(name)}" data-value="${x === null ? '' : x}">${escapeHtml(this.f.pct(x))}</td>`;
  }

  changeCell(a: number, b: number | null): string {
    const s = this.f.change(a, b);
    const cls = b === null || b === a ? '' : a > b ? ' up' : ' down';
    return `<td class="n${cls}">${escapeHtml(s)}</td>`;
  }

  category(label: string): string {
    return label === '' ? this.h('noCategory') : escapeHtml(label);
  }

  areaWord(): string {
    return this.k(`area_${this.m.areas?.kind ?? 'area'}`);
  }

  areaColumn(): string {
    return this.k(`col_${this.m.areas?.kind ?? 'area'}`);
  }

  /** A street name for a table cell: '(unnamed)' when the network has none there, '–' without a network. */
  street(name: string): string {
    return name ? escapeHtml(name) : this.m.streetsGiven ? this.h('unnamed') : '–';
  }

  place(street: string, area: string): string {
    const a = area ? `${this.areaWord()} ${escapeHtml(area)}` : '';
    if (!this.m.streetsGiven) return a || this.h('unnamed');
    const s = street ? escapeHtml(street) : this.h('unnamed');
    return a ? `${s}, ${a}` : s;
  }

  methodName(row: Pick<ForecastRow, 'kind' | 'params' | 'name'>): string {
    const p = row.params;
    switch (row.kind) {
      case 'naive': return this.h('mNaive');
      case 'counts': return this.h('mCounts', { months: p.months });
      case 'kde': return p.bandwidthRule === 'silverman' ? this.h('mKdeSilverman', { months: p.months }) : this.h('mKde', { months: p.months, h: this.f.num(Number(p.bandwidthM)) });
      case 'prospective_kde': return this.h('mProspective', { h: this.f.num(Number(p.bandwidthM)), half: p.halfLifeMonths });
      case 'gistar': return this.h('mGistar', { months: p.months });
      default: return escapeHtml(row.name);
    }
  }

  header(): string {
    const m = this.m;
    return `<header class="report">
<div class="titles"><div class="brand">${this.h('appName')}</div><h1>${this.h('reportTitle')}</h1>${m.title ? `<div class="area">${escapeHtml(m.title)}</div>` : ''}</div>
<div class="when"><div class="month" data-fig="month" data-value="${escapeHtml(m.month)}">${escapeHtml(this.f.month(m.month))}</div>${m.generatedAt ? `<div class="gen">${this.h('generated', { date: this.f.date(m.generatedAt) })}</div>` : ''}</div>
</header>
<p class="datarange">${this.h('dataRange', { from: this.f.monthShort(m.data.firstMonth), to: this.f.monthShort(m.data.lastMonth), n: this.f.num(m.data.incidents) })}</p>`;
  }

  summary(): string {
    const m = this.m;
    const t = m.headline.total;
    const card = (label: string, big: string, small: string, cls = '', fig = '', value: number | null = null) =>
      `<div class="card"><div class="label">${label}</div><div class="big${cls}"${fig ? ` data-fig="${fig}" data-value="${value ?? ''}"` : ''}>${big}</div><div class="small">${small}</div></div>`;
    const ch = (b: number | null) => (b === null || b === t.month ? '' : t.month > b ? ' up' : ' down');
    const hotCells = m.map.binCounts[4] + m.map.binCounts[5] + m.map.binCounts[6];
    const cards = [
      card(this.h('kfMonth', { month: this.f.month(m.month) }), this.num(t.month), this.h('thMean12') + ': ' + this.num(t.mean12, 1), '', 'card.month', t.month),
      card(this.h('kfPrevious', { month: this.f.month(m.previousMonth) }), escapeHtml(this.f.change(t.month, t.previous)), t.previous === null ? this.h('noData') : `${this.num(t.previous)} → ${this.num(t.month)}`, ch(t.previous), 'card.previous', t.previous),
      card(this.h('kfLastYear', { month: this.f.month(m.lastYearMonth) }), escapeHtml(this.f.change(t.month, t.lastYear)), t.lastYear === null ? this.h('noData') : `${this.num(t.lastYear)} → ${this.num(t.month)}`, ch(t.lastYear), 'card.lastYear', t.lastYear),
      card(this.h('kfHot'), this.num(hotCells), this.h('kfHotSub', { km2: this.f.num((hotCells * m.map.grid.cellSizeM ** 2) / 1e6, 2), n: this.f.num(m.map.hotIncidents) }), '', 'card.hotCells', hotCells),
    ];
    return `<section class="summary keep"><div class="cards">${cards.join('')}</div>
<h3>${this.h('keyPoints')}</h3><ul class="points">${this.keyPoints().map((p) => `<li>${p}</li>`).join('')}</ul></section>`;
  }

  keyPoints(): string[] {
    const m = this.m;
    const f = this.f;
    const t = m.headline.total;
    const out: string[] = [];
    const base = { n: f.num(t.month), month: f.month(m.month), prevMonth: f.month(m.previousMonth), lyMonth: f.month(m.lastYearMonth), prev: f.num(t.previous), ly: f.num(t.lastYear), prevChange: f.change(t.month, t.previous), lyChange: f.change(t.month, t.lastYear) };
    out.push(this.h(t.previous === null ? 'kpCountNoPrev' : t.lastYear === null ? 'kpCountNoLy' : 'kpCount', base));
    const a = m.areas?.rows[0];
    if (a && a.month > 0 && t.month > 0) {
      out.push(this.h('kpArea', { area: a.label, n: f.num(a.month), share: f.pct(a.month / t.month) }, { areaWord: this.areaWord() }));
    }
    const top = m.top[0];
    if (top) out.push(this.h('kpTop', { n: f.num(top.month), n12: f.num(top.last12) }, { place: `<strong>${this.place(top.street, top.area)}</strong>` }));
    const hotCells = m.map.binCounts[4] + m.map.binCounts[5] + m.map.binCounts[6];
    out.push(hotCells
      ? this.h('kpGi', { cells: f.num(hotCells), share: f.pct(hotCells / m.map.studyAreaCells, 1), hits: f.num(m.map.hotIncidents), n: f.num(t.month) })
      : this.h('kpGiNone'));
    if (m.emerging) {
      let hot = 0;
      for (const [c, v] of Object.entries(m.emerging.counts)) if (c.endsWith('_hot')) hot += v ?? 0;
      out.push(this.h('kpEmerging', { months: m.emerging.steps, hot: f.num(hot), new: f.num(m.emerging.newlyHot) }));
    }
    const fc = m.forecast;
    if (fc) {
      const naive = fc.methods.find((x) => x.kind === 'naive');
      const rec = fc.methods.find((x) => x.name === fc.recommended.name);
      out.push(this.h('kpForecast', { coverage: f.pct(fc.coverage), hitRate: f.pct(naive?.hitRate ?? null), pai: f.num(naive?.pai ?? null, 2) }, { method: `<strong>${rec ? this.methodName(rec) : escapeHtml(fc.recommended.name)}</strong>` }));
    } else out.push(this.h('kpForecastNone'));
    return out;
  }

  mapSection(): string {
    const m = this.m;
    const levels = kdeLevels(m.map.kde.max);
    const ramp = levels.length
      ? `<span class="ramp">${levels.map((lv, i) => `<span class="step" style="background:${kdeColour(i, levels.length)}"></span>`).join('')}<span class="lab">${this.num(levels[0], 1)}–${this.num(m.map.kde.max, 1)}</span></span>`
      : '';
    const sw = (colour: string, border = '#777') => `<span class="swatch" style="background:${colour};border-color:${border}"></span>`;
    const legend = [
      `${this.h('legendKde')} ${ramp}`,
      `${this.h('legendGi')} ${sw(GI_COLOURS[6])}${this.h('conf99')} ${sw(GI_COLOURS[5])}${this.h('conf95')} ${sw(GI_COLOURS[4])}${this.h('conf90')}`,
      m.map.binCounts[0] + m.map.binCounts[1] + m.map.binCounts[2] > 0 ? `${this.h('legendCold')} ${sw(GI_COLOURS[0])}${this.h('conf99')} ${sw(GI_COLOURS[1])}${this.h('conf95')} ${sw(GI_COLOURS[2])}${this.h('conf90')}` : '',
      `<span><svg width="10" height="10" viewBox="0 0 10 10" style="vertical-align:-1px"><circle cx="5" cy="5" r="2.4" fill="#111"/></svg> ${this.h('legendIncident')}</span>`,
      `<span><svg width="12" height="12" viewBox="0 0 12 12" style="vertical-align:-2px"><circle cx="6" cy="6" r="5.2" fill="#fff" stroke="#000" stroke-width="1"/><text x="6" y="8.6" font-size="7.5" text-anchor="middle" font-weight="700">1</text></svg> ${this.h('legendTop')}</span>`,
    ].filter(Boolean).map((x) => `<span>${x}</span>`).join('');
    const label = this.h('secMap', { month: this.f.month(m.month) });
    return `<section class="map keep">
<h2>${label}</h2>
<figure>${hotSpotMapSvg(m, label)}</figure>
<div class="legend">${legend}</div>
<p class="caption">${this.h('mapCaption', { cell: this.f.num(m.map.grid.cellSizeM), n: m.top.length })}${m.map.streets.length ? '' : ` ${this.h('noStreetsMap')}`}</p>
</section>`;
  }

  countTable(rows: CountRow[], labelHead: string, labelOf: (r: CountRow) => string, figPrefix: string, total: CountRow | null, totalLabel: string): string {
    const m = this.m;
    const head = `<tr><th>${labelHead}</th><th class="n">${escapeHtml(this.f.monthShort(m.month))}</th><th class="n">${escapeHtml(this.f.monthShort(m.previousMonth))}</th><th class="n">${this.h('thChange')}</th><th class="n">${escapeHtml(this.f.monthShort(m.lastYearMonth))}</th><th class="n">${this.h('thChange')}</th><th class="n">${this.h('thMean12')}</th></tr>`;
    const line = (r: CountRow, key: string, cls = '') =>
      `<tr${cls ? ` class="${cls}"` : ''}><td>${labelOf(r)}</td>${this.fig(`${key}.month`, r.month)}${this.fig(`${key}.previous`, r.previous)}${this.changeCell(r.month, r.previous)}${this.fig(`${key}.lastYear`, r.lastYear)}${this.changeCell(r.month, r.lastYear)}${this.fig(`${key}.mean12`, r.mean12, 1)}</tr>`;
    let body = rows.map((r) => line(r, `${figPrefix}.${r.label}`)).join('');
    if (total) body += line(total, `${figPrefix}.total`, 'total').replace(`<td>${labelOf(total)}</td>`, `<td>${totalLabel}</td>`);
    return `<table class="counts keep"><thead>${head}</thead><tbody>${body}</tbody></table>`;
  }

  headline(): string {
    const m = this.m;
    const tr0 = m.headline.trend;
    const hi = tr0.months.indexOf(m.month);
    const ly = tr0.months.indexOf(m.lastYearMonth);
    const chart = trendChartSvg(
      tr0.counts,
      hi,
      ly,
      (i) => (i === hi || i === ly || (hi - i) % 3 === 0 ? this.f.monthShort(tr0.months[i]) : ''),
      tr(this.lang, 'trendTitle', { from: this.f.monthShort(tr0.months[0]), to: this.f.monthShort(tr0.months[tr0.months.length - 1]) }),
      (x) => this.f.num(x),
      tr0.months.map((mo) => `trend.${mo}`),
    );
    const cats = m.headline.categories;
    return `<section class="headline page">
<h2>${this.h('secHeadline')}</h2>
${this.countTable(cats, this.h('thCategory'), (r) => this.category(r.label), 'category', m.headline.total, this.h('total'))}
<figure class="keep"><h3>${this.h('trendTitle', { from: this.f.monthShort(tr0.months[0]), to: this.f.monthShort(tr0.months[tr0.months.length - 1]) })}</h3>${chart}
<div class="legend"><span><span class="swatch" style="background:#3f007d"></span>${this.h('trendLegendMonth')}</span><span><span class="swatch" style="background:#9e9ac8"></span>${this.h('trendLegendLastYear')}</span></div></figure>
</section>`;
  }

  areas(): string {
    const a = this.m.areas;
    if (!a) return '';
    const label = (r: CountRow) => escapeHtml(r.label);
    let table = this.countTable(a.rows, this.areaColumn(), label, 'area', null, '');
    if (a.outside) {
      const o = a.outside;
      const outsideLabel = a.source === 'boundary' ? this.h('outside') : this.h('unknownArea');
      table = table.replace('</tbody>', `<tr><td><em>${outsideLabel}</em></td>${this.fig('area.outside.month', o.month)}${this.fig('area.outside.previous', o.previous)}${this.changeCell(o.month, o.previous)}${this.fig('area.outside.lastYear', o.lastYear)}${this.changeCell(o.month, o.lastYear)}${this.fig('area.outside.mean12', o.mean12, 1)}</tr></tbody>`);
    }
    return `<section class="areas">
<h2>${this.h('secAreas')}</h2>
${table}
<p class="caption">${a.source === 'boundary' ? this.h('areasFromLayer', { layer: a.layer }) : this.h('areasFromCodes')}</p>
</section>`;
  }

  giLabel(bin: number): string {
    if (bin === 0) return this.h('giNone');
    const conf = this.h(bin === 3 || bin === -3 ? 'conf99' : bin === 2 || bin === -2 ? 'conf95' : 'conf90');
    return bin > 0 ? this.h('giHot', {}, { conf }) : this.h('giCold', {}, { conf });
  }

  catLabel(c: EmergingCategory | null): string {
    return c ? this.k(`cat_${c}`) : '–';
  }

  catSwatch(c: EmergingCategory): string {
    return c === 'no_pattern' ? '' : `<span class="swatch" style="background:${EMERGING_COLOURS[c]}"></span>`;
  }

  topSpots(): string {
    const m = this.m;
    const head = `<tr><th class="n">${this.h('thRank')}</th><th>${this.areaColumn()}</th><th>${this.h('thStreet')}</th><th class="n">${escapeHtml(this.f.monthShort(m.month))}</th><th class="n">${escapeHtml(this.f.monthShort(m.previousMonth))}</th><th class="n">${this.h('thLast12')}</th><th>${this.h('thGi')}</th><th class="n">z</th><th>${this.h('thEmerging')}</th></tr>`;
    const rows = m.top.map((t) => `<tr><td class="n">${t.rank}</td><td data-fig="top.${t.rank}.area">${escapeHtml(t.area) || '–'}</td><td data-fig="top.${t.rank}.street">${this.street(t.street)}</td>${this.fig(`top.${t.rank}.month`, t.month)}${this.fig(`top.${t.rank}.previous`, t.previous)}${this.fig(`top.${t.rank}.last12`, t.last12)}<td class="cat">${t.bin ? `<span class="swatch" style="background:${GI_COLOURS[t.bin + 3]}"></span>` : ''}${this.giLabel(t.bin)}</td><td class="n">${escapeHtml(this.f.fixed(t.z, 2))}</td><td class="cat">${t.emerging && t.emerging !== 'no_pattern' ? this.catSwatch(t.emerging) : ''}${this.catLabel(t.emerging)}</td></tr>`).join('');
    return `<section class="top keep">
<h2>${this.h('secTop', { n: m.params.topN })}</h2>
${m.top.length ? `<table><thead>${head}</thead><tbody>${rows}</tbody></table>` : `<p>${this.h('noTop')}</p>`}
<p class="caption">${this.h('topCaption', { cell: this.f.num(m.map.grid.cellSizeM), month: this.f.month(m.month) })}</p>
</section>`;
  }

  emerging(): string {
    const m = this.m;
    const e = m.emerging;
    if (!e) return `<section class="emerging"><h2>${this.h('secEmerging', { from: '', to: this.f.monthShort(m.month) })}</h2><p>${this.h('emergingTooShort', { month: this.f.month(m.month) })}</p></section>`;
    const cats = EMERGING_CATEGORIES.filter((c) => c !== 'no_pattern' && ((e.counts[c] ?? 0) > 0 || (e.previousCounts?.[c] ?? 0) > 0));
    const catRows = cats.map((c) => `<tr><td class="cat">${this.catSwatch(c)}${this.catLabel(c)}</td>${this.fig(`emerging.${c}`, e.counts[c] ?? 0)}${e.previousCounts ? this.fig(`emerging.previous.${c}`, e.previousCounts[c] ?? 0) : '<td class="n">–</td>'}</tr>`).join('');
    const catTable = cats.length
      ? `<table><thead><tr><th>${this.h('thCategoryE')}</th><th class="n">${this.h('thCellsNow')}</th><th class="n">${this.h('thCellsBefore')}</th></tr></thead><tbody>${catRows}</tbody></table>`
      : `<p>${this.h('emergingNone')}</p>`;
    let changes: string;
    if (!e.previousCounts) changes = `<p>${this.h('changesNoPrev', { steps: e.steps })}</p>`;
    else if (!e.changed) changes = `<p>${this.h('changesNone')}</p>`;
    else {
      const rows = e.changes.map((c, i) => `<tr><td class="n">${i + 1}</td><td>${escapeHtml(c.area) || '–'}</td><td>${this.street(c.street)}</td><td>${this.catSwatch(c.from)}${this.catLabel(c.from)}</td><td>${this.catSwatch(c.to)}${this.catLabel(c.to)}</td><td class="n">${this.num(c.month)}</td></tr>`).join('');
      const trans = e.transitions.map((t) => `${this.catLabel(t.from)} → ${this.catLabel(t.to)}: ${this.num(t.cells)}`).join('; ');
      changes = `<p>${this.h('changesSummary', { n: this.f.num(e.changed), k: e.changes.length })}</p>
<table class="keep"><thead><tr><th class="n">${this.h('thRank')}</th><th>${this.areaColumn()}</th><th>${this.h('thStreet')}</th><th>${this.h('thFrom')}</th><th>${this.h('thTo')}</th><th class="n">${this.h('thMonthCount', { month: this.f.monthShort(m.month) })}</th></tr></thead><tbody>${rows}</tbody></table>
<p class="caption">${this.h('transitions')}: ${trans}.</p>`;
    }
    const label = this.h('secEmerging', { from: this.f.monthShort(e.from), to: this.f.monthShort(e.to) });
    return `<section class="emerging">
<h2>${label}</h2>
<div class="two keep"><figure>${emergingMapSvg(m, label)}</figure><div>${catTable}<p class="caption">${this.h('emergingCaption', { steps: e.steps, band: this.f.num(e.bandM.value), alpha: this.f.num(m.params.emergingAlpha, 2) })}${e.changes.length ? ` ${this.h('emergingOutline', { k: e.changes.length })}` : ''}</p></div></div>
<h3>${this.h('changesTitle')}</h3>
${changes}
</section>`;
  }

  time(): string {
    const t = this.m.time;
    const total = t.known + t.unknown;
    let body: string;
    if (t.known === 0) body = `<p class="note">${this.h('timeNone')}</p>`;
    else {
      const chart = dowHourChartSvg(t.dowHour, t.monthKnown > 0 ? t.monthHour : null, DAYS[this.lang], {
        chart: tr(this.lang, 'secTime'),
        hour: tr(this.lang, 'hour'),
        month: tr(this.lang, 'monthHours', { month: this.f.month(this.m.month), known: this.f.num(t.monthKnown) }),
      });
      body = `<figure>${chart}</figure><p class="caption" data-fig="time.total" data-value="${total}">${this.h('timeCaption', { from: this.f.monthShort(t.from), to: this.f.monthShort(t.to), known: this.f.num(t.known), total: this.f.num(total) })}</p>`;
      if (t.unknown > 0) body += `<p class="note" data-fig="time.unknown" data-value="${t.unknown}">${this.h('timeUnknownNote', { unknown: this.f.num(t.unknown), total: this.f.num(total) })}</p>`;
    }
    return `<section class="time keep">
<h2>${this.h('secTime')}</h2>
${body}
</section>`;
  }

  forecast(): string {
    const m = this.m;
    const fc = m.forecast;
    const title = this.h('secForecast', { month: this.f.month(m.month) });
    if (!fc) return `<section class="forecast page"><h2>${title}</h2><p>${this.h('fcNone')}</p></section>`;
    const g = fc.lastMonthHotSpots;
    const lastGi = g && g.cells > 0
      ? this.h('fcLastGi', { cells: this.f.num(g.cells), share: this.f.pct(g.areaShare, 1), hits: this.f.num(g.hits), n: this.f.num(fc.testIncidents), month: this.f.month(m.month), hitRate: this.f.pct(g.hitRate), pai: this.f.num(g.pai, 2) })
      : this.h('fcLastGiNone');
    const rec = fc.methods.find((x) => x.name === fc.recommended.name);
    const recText = fc.recommended.name === 'naive' || !rec
      ? this.h('recommendedNaive', { pai: this.f.num(fc.recommended.naiveMeanPai, 2) })
      : this.h('recommended', { pai: this.f.num(fc.recommended.meanPai, 2), naive: this.f.num(fc.recommended.naiveMeanPai, 2), wins: this.f.num(fc.recommended.winsOverNaive, 1), months: fc.backtest.months }, { method: `<strong>${this.methodName(rec)}</strong>` });
    const rows = fc.methods.map((x) => {
      const isRec = x.name === fc.recommended.name;
      return `<tr${isRec ? ' class="rec"' : ''}><td>${this.methodName(x)}${isRec ? `<span class="tag">${this.h('recommendedTag')}</span>` : ''}</td>${this.figPct(`forecast.${x.name}.hitRate`, x.hitRate)}${this.fig(`forecast.${x.name}.pai`, x.pai, 2)}${this.fig(`forecast.${x.name}.pei`, x.pei, 2)}${this.fig(`forecast.${x.name}.meanPai`, x.meanPai, 2)}<td class="n">${this.num(x.winsOverNaive, 1)} / ${fc.backtest.months}</td></tr>`;
    }).join('');
    const bars = barsSvg(
      fc.methods.map((x) => ({ label: stripTags(this.methodName(x)), value: x.meanPai, mark: x.name === fc.recommended.name })),
      tr(this.lang, 'thMeanPai'),
      (v) => this.f.num(v, 2),
    );
    return `<section class="forecast">
<h2>${title}</h2>
<p>${lastGi}</p>
<p>${recText}</p>
<table class="keep"><thead><tr><th>${this.h('thMethod')}</th><th class="n">${this.h('thHitRate')}</th><th class="n">${this.h('thPai')}</th><th class="n">${this.h('thPei')}</th><th class="n">${this.h('thMeanPai')}</th><th class="n">${this.h('thWins')}</th></tr></thead><tbody>${rows}</tbody></table>
<figure class="keep"><h3>${this.h('thMeanPai')}, ${escapeHtml(this.f.monthShort(fc.backtest.from))} – ${escapeHtml(this.f.monthShort(fc.backtest.to))}</h3>${bars}</figure>
<p class="caption">${this.h('fcCaption', { coverage: this.f.pct(fc.coverage), month: this.f.month(m.month), months: fc.backtest.months, from: this.f.monthShort(fc.backtest.from), to: this.f.monthShort(fc.backtest.to) })}</p>
</section>`;
  }

  patrol(): string {
    const p = this.m.patrol;
    let body: string;
    if (!p.available) body = `<p class="note">${this.h(p.reason === 'noTimes' ? 'patrolNoTimes' : 'patrolNoStreets')}</p>`;
    else {
      const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
      body = `<p class="caption">${this.h('patrolCaption', { k: this.m.params.stopsPerShift, months: p.windowMonths })}</p>`;
      for (const s of p.shifts) {
        const name = this.k(`shift_${s.key}`);
        const rows = s.stops.map((st, i) => `<tr><td class="n">${i + 1}</td><td data-fig="patrol.${escapeHtml(s.key)}.${i + 1}.street">${this.street(st.street)}</td><td>${escapeHtml(st.area) || '–'}</td>${this.fig(`patrol.${s.key}.${i + 1}.incidents`, st.incidents)}<td class="n">${this.num(st.perMonth, 2)}</td><td class="n small-print">${st.lat.toFixed(5)}, ${st.lon.toFixed(5)}</td></tr>`).join('');
        body += `<div class="keep"><h3>${this.h('shiftTitle', { from: hh(s.startHour), to: hh(s.startHour + s.hours) }, { name })}</h3>
<p class="small-print">${this.h('shiftSummary', { incidents: this.f.num(s.incidents), months: p.windowMonths, covered: this.f.num(s.covered), share: this.f.pct(s.incidents ? s.covered / s.incidents : null) })}</p>
${s.stops.length ? `<table><thead><tr><th class="n">${this.h('thRank')}</th><th>${this.h('thStreet')}</th><th>${this.areaColumn()}</th><th class="n">${this.h('thIncidentsWindow')}</th><th class="n">${this.h('thPerMonth')}</th><th class="n">${this.h('thLonLat')}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${this.h('noStops')}</p>`}</div>`;
      }
      body += `<p class="note">${this.h('patrolRoutes')}</p>`;
    }
    return `<section class="patrol">
<h2>${this.h('secPatrol')}</h2>
${body}
</section>`;
  }

  quality(): string {
    const q = this.m.quality;
    const m = this.m;
    const parts: string[] = [];
    if (q.hasSummary) {
      parts.push(`<p>${this.h('qImported', {}, { accepted: `<span data-fig="quality.accepted" data-value="${q.accepted}">${this.num(q.accepted)}</span>`, rejected: `<span data-fig="quality.rejected" data-value="${q.rejected}">${this.num(q.rejected)}</span>` })}</p>`);
    } else {
      parts.push(`<p>${this.h('qNoSummary', { names: q.inputNames.join(', ') || '–' })}</p>`);
    }
    parts.push(`<p>${this.h('qMonth', { month: this.f.month(m.month), n: this.f.num(q.monthAccepted), unknown: this.f.num(q.monthTimeUnknown) })}</p>`);
    if (q.monthOutsideBoundaries) parts.push(`<p>${this.h('qOutside', { n: this.f.num(q.monthOutsideBoundaries) })}</p>`);
    if (m.data.ignoredAfterMonth) parts.push(`<p>${this.h('qIgnored', { n: this.f.num(m.data.ignoredAfterMonth), month: this.f.month(m.month) })}</p>`);
    if (q.files.length) {
      const rows = q.files.map((f) => `<tr><td>${escapeHtml(f.file)}${f.error ? `<br><span class="small-print">${this.h('qFileError', { error: f.error })}</span>` : ''}</td><td>${escapeHtml(f.format)}</td><td class="n">${this.num(f.read)}</td><td class="n">${this.num(f.accepted)}</td><td class="n">${this.num(f.rejected)}</td></tr>`).join('');
      parts.push(`<table class="keep"><thead><tr><th>${this.h('thFile')}</th><th>${this.h('thFormat')}</th><th class="n">${this.h('thRead')}</th><th class="n">${this.h('thAccepted')}</th><th class="n">${this.h('thRejected')}</th></tr></thead><tbody>${rows}</tbody></table>`);
    }
    const reasons = Object.entries(q.byReason).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    if (q.hasSummary) {
      parts.push(reasons.length
        ? `<table class="keep"><thead><tr><th>${this.h('thReason')}</th><th class="n">${this.h('thRows')}</th></tr></thead><tbody>${reasons.map(([k2, v]) => `<tr><td>${this.k(`reason_${k2}`)} <span class="small-print">(${escapeHtml(k2)})</span></td>${this.fig(`quality.reason.${k2}`, v)}</tr>`).join('')}</tbody></table>`
        : `<p>${this.h('qNoRejects')}</p>`);
    }
    for (const f of q.files) {
      if (!f.notes.length && !f.examples.length) continue;
      parts.push(`<div class="keep small-print"><strong>${escapeHtml(f.file)}</strong>${f.notes.length ? ` · ${this.h('qNotes')}: ${f.notes.map(escapeHtml).join('; ')}` : ''}${f.examples.length ? `<br>${this.h('qExamples')}:<div class="mono">${f.examples.map(escapeHtml).join('<br>')}</div>` : ''}</div>`);
    }
    return `<section class="quality">
<h2>${this.h('secQuality')}</h2>
${parts.join('\n')}
</section>`;
  }

  methods(): string {
    const m = this.m;
    const p = m.params;
    const reason = (e: { reason: string; vars: Vars }) => this.k(`reason_${e.reason}`, e.vars);
    const items: [StringKey, string][] = [
      ['pCrs', this.h('pCrsValue', { crs: m.crs })],
      ['pCell', `${this.num(p.cellSizeM.value)} m: ${reason(p.cellSizeM)}`],
      ['pStudyArea', this.h(p.studyArea === 'boundaries' ? 'pStudyAreaBoundaries' : 'pStudyAreaValue', { cells: this.f.num(m.map.studyAreaCells), cell: this.f.num(m.map.grid.cellSizeM), km2: this.f.num(m.map.studyAreaKm2, 2) })],
      ['pKde', this.h('pKdeValue', { h: this.f.num(p.bandwidthM.value), kcell: this.f.num(p.kdeCellM), n: m.headline.total.month }, { kernel: this.k(`kernel_${p.kernel.value}`), reason: reason(p.bandwidthM), mode: this.k(`mode_${p.kdeMode}`) })],
      ['pGi', this.h('pGiValue', { band: this.f.num(p.bandM.value) }, { reason: reason(p.bandM), fdr: p.fdr.value ? this.h('pFdrOn', {}, { reason: reason(p.fdr) }) : this.h('pFdrOff') })],
    ];
    if (m.emerging) {
      items.push(['pEmerging', this.h('pEmergingValue', { months: p.emergingMonths.value, band: this.f.num(m.emerging.bandM.value), alpha: this.f.num(p.emergingAlpha, 2) }, { reason: reason(p.emergingMonths), bandReason: reason(m.emerging.bandM) })]);
    }
    if (m.forecast) items.push(['pForecast', this.h('pForecastValue', { coverage: this.f.pct(p.coverage.value), cell: this.f.num(m.forecast.cellSizeM) }, { reason: reason(p.coverage) })]);
    items.push(['pTop', this.h('pTopValue', { n: p.topN })]);
    if (m.patrol.available) items.push(['pPatrol', this.h('pPatrolValue', { k: p.stopsPerShift })]);
    items.push(['pNames', this.h('pNamesValue')]);
    return `<section class="methods keep">
<h2>${this.h('secMethods')}</h2>
<dl class="params">${items.map(([k2, v]) => `<dt>${this.h(k2)}</dt><dd>${v}</dd>`).join('')}</dl>
<p class="small-print">${this.h('references')}</p>
</section>`;
  }

  attributions(): string {
    const lines = this.m.attributions.map((a) => {
      switch (a.kind) {
        case 'osm': return this.h('attrOsm');
        case 'chicago': return this.h('attrChicago');
        case 'ogl': return this.h('attrOgl');
        default: return escapeHtml(a.text);
      }
    });
    const hasIncidentSource = this.m.attributions.some((a) => a.kind !== 'osm');
    if (!hasIncidentSource) lines.push(this.h('attrNone'));
    return `<section class="attributions keep">
<h2>${this.h('secAttributions')}</h2>
<ul class="attr">${lines.map((l) => `<li>${l}</li>`).join('')}</ul>
<p class="small-print">${this.h('offline')}</p>
</section>`;
  }
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
