/**
 * Layer switches, each with its legend: what a colour means, with the numbers of the current
 * analysis (cells per Gi* bin, emerging categories present, ramps' ends).
 */
import { EMERGING_CATEGORIES, type EmergingCategory } from '../stats/emerging_hot_spots.ts';
import { MAP_LAYERS, type MapLayer } from '../map/workspace_map.ts';
import { countColour, densityColour, EMERGING_COLOURS, GI_BIN_COLOURS } from '../map/ramps.ts';
import type { AnalysisResult } from '../worker/analysis_types.ts';
import { el } from './dom.ts';
import type { I18n, MessageKey } from './i18n.ts';

const LAYER_LABEL: Record<MapLayer, MessageKey> = {
  incidents: 'layer.incidents', grid: 'layer.grid', kde: 'layer.kde', gistar: 'layer.gistar', emerging: 'layer.emerging', beats: 'layer.beats',
};

const gradient = (colour: (t: number) => string) =>
  `linear-gradient(to right, ${Array.from({ length: 9 }, (_, k) => colour(k / 8)).join(', ')})`;

export class LayerPanel {
  readonly element: HTMLElement;
  private readonly heading = el('h2', { id: 'layers-heading' });
  private readonly boxes = new Map<MapLayer, HTMLInputElement>();
  private readonly labels = new Map<MapLayer, HTMLSpanElement>();
  private readonly legends = new Map<MapLayer, HTMLElement>();
  private last: AnalysisResult | null = null;

  constructor(private readonly i18n: I18n, visible: (id: MapLayer) => boolean, onToggle: (id: MapLayer, on: boolean) => void) {
    const items = MAP_LAYERS.map((id) => {
      const box = el('input', { type: 'checkbox', id: `layer-${id}`, checked: visible(id), 'aria-controls': `legend-${id}` });
      const label = el('span');
      const legend = el('div', { id: `legend-${id}`, class: 'legend', 'data-layer': id });
      box.addEventListener('change', () => {
        legend.hidden = !box.checked;
        onToggle(id, box.checked);
      });
      legend.hidden = !box.checked;
      this.boxes.set(id, box);
      this.labels.set(id, label);
      this.legends.set(id, legend);
      return el('li', {}, el('label', { for: `layer-${id}`, class: 'check' }, box, label), legend);
    });
    this.element = el('section', { class: 'panel layers', 'aria-labelledby': 'layers-heading' }, this.heading, el('ul', { class: 'layer-list' }, ...items));
    i18n.watch(() => this.render());
  }

  show(r: AnalysisResult): void {
    this.last = r;
    this.render();
  }

  private render(): void {
    const { i18n } = this;
    const t = i18n.t.bind(i18n);
    this.heading.textContent = t('layers.heading');
    for (const id of MAP_LAYERS) this.labels.get(id)!.textContent = t(LAYER_LABEL[id]);
    const r = this.last;
    const row = (swatch: HTMLElement, text: string, n?: number) =>
      el('div', { class: 'legend-row' }, swatch, el('span', {}, text), n === undefined ? null : el('span', { class: 'legend-n' }, i18n.n(n)));
    const box = (colour: string, cls = 'swatch') => el('span', { class: cls, style: `background:${colour}`, 'aria-hidden': 'true' });
    const ramp = (colour: (t: number) => string, lo: string, hi: string, caption: string) => el('div', {},
      el('div', { class: 'ramp', style: `background:${gradient(colour)}`, 'aria-hidden': 'true' }),
      el('div', { class: 'ramp-labels' }, el('span', {}, lo), el('span', {}, hi)),
      el('div', { class: 'legend-caption' }, caption));

    this.legends.get('incidents')!.replaceChildren(
      row(box('#1f3b5c', 'dot'), t('legend.incident')),
      row(box('#3a5a80', 'dot big'), t('legend.cluster')),
      r?.points.aggregated ? el('p', { class: 'note' }, t('legend.merged', { limit: 50_000 })) : '',
    );
    this.legends.get('grid')!.replaceChildren(r?.hasData
      ? ramp((x) => countColour(Math.sqrt(x)), '1', i18n.n(r.maxCount, 0), t('legend.counts', { cell: r.cellSizeM.value }))
      : el('span'));
    this.legends.get('kde')!.replaceChildren(r?.hasData
      ? ramp(densityColour, i18n.n(0.02 * r.kde.maxDensity, 0), i18n.n(r.kde.maxDensity, 0), t('legend.kde', { bandwidth: r.bandwidthM.value }))
      : el('span'));
    const giRows = [3, 2, 1, 0, -1, -2, -3].map((b) =>
      row(box(b === 0 ? 'transparent' : GI_BIN_COLOURS[b + 3], b === 0 ? 'swatch empty' : 'swatch'), t(`gi.${b}` as MessageKey), r?.hasData ? r.binCounts[b + 3] : undefined));
    this.legends.get('gistar')!.replaceChildren(...giRows,
      r?.hasData ? el('div', { class: 'legend-caption' }, t('legend.gi', { band: r.bandM.value, fdr: r.fdr.value ? t('legend.gi.fdr') : '' })) : '');

    const em = r?.emerging;
    if (!em) this.legends.get('emerging')!.replaceChildren(el('p', { class: 'note' }, t('legend.off')));
    else {
      const present = EMERGING_CATEGORIES.filter((c) => c !== 'no_pattern' && (em.counts[c] ?? 0) > 0);
      this.legends.get('emerging')!.replaceChildren(
        ...(present.length ? present.map((c: EmergingCategory) => row(box(EMERGING_COLOURS[c]), t(`em.${c}` as MessageKey), em.counts[c])) : [el('p', { class: 'note' }, t('legend.none'))]),
        el('div', { class: 'legend-caption' }, t('legend.emerging', { steps: em.steps, cell: em.grid.cellSizeM, band: em.bandM })),
        ...em.notes.map((k) => el('p', { class: 'note' }, i18n.has(k) ? t(k) : k)),
      );
    }
    this.legends.get('beats')!.replaceChildren(
      row(el('span', { class: 'line dashed', 'aria-hidden': 'true' }), t('legend.beat')),
      row(el('span', { class: 'line solid', 'aria-hidden': 'true' }), t('legend.district')),
    );
  }
}
