/**
 * The analyst's map: MapLibre with the offline basemap (basemap_style.ts), the hot-spot rasters
 * (one image pixel per grid cell), incidents as clusters and points with a popup, police beats and
 * the study-area outline, and a highlighted cell. It draws what it is given; it computes nothing
 * but colours. Popup text comes from the page (ui), so the map knows no language.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl, type GeoJSONSource, type ImageSource, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import fontLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import fontLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import { EMERGING_CATEGORIES } from '../stats/emerging_hot_spots.ts';
import type { AnalysisResult, Corners } from '../worker/analysis_types.ts';
import { basemapStyle, RASTER_LAYERS, type RasterLayer } from './basemap_style.ts';
import { cellPixels, rampIndex } from './cell_image.ts';
import { classTable, countColour, densityColour, EMERGING_COLOURS, GI_BIN_COLOURS, lookupTable } from './ramps.ts';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Layer families the page can switch on and off. */
export const MAP_LAYERS = ['incidents', 'grid', 'kde', 'gistar', 'emerging', 'beats'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

const STYLE_LAYERS: Record<MapLayer, string[]> = {
  incidents: ['incidents-cluster', 'incidents-count', 'incidents-point'],
  grid: ['grid-raster'],
  kde: ['kde-raster'],
  gistar: ['gistar-raster'],
  emerging: ['emerging-raster'],
  beats: ['beats-line', 'beats-label', 'outline-line'],
};

export interface WorkspaceMapOptions {
  /** Data files, relative to the page. */
  streetsUrl: string;
  beatsUrl?: string;
  outlineUrl?: string;
  /** Lines of the attribution shown on the map. */
  attribution: string[];
  /** Content of the popup of one incident (`row` as in AnalysisResult.points.row). */
  incidentPopup: (row: number) => Promise<Node>;
  /** Content of the popup of a merged point of `n` incidents. */
  mergedPopup: (n: number) => Node;
  /** Accessible name of the map. */
  label: string;
  initialVisible: Partial<Record<MapLayer, boolean>>;
}

const abs = (url: string) => new URL(url, document.baseURI).href;
const gistarLut = classTable(GI_BIN_COLOURS, [3]);
const emergingLut = classTable(EMERGING_CATEGORIES.map((c) => EMERGING_COLOURS[c]), [EMERGING_CATEGORIES.indexOf('no_pattern')]);
const countLut = lookupTable(countColour);
const densityLut = lookupTable(densityColour, (t) => 0.3 + 0.7 * t);

export class WorkspaceMap {
  readonly map: MapLibreMap;
  /** Resolves when the style (and so every source) is loaded. */
  readonly ready: Promise<void>;
  private visible: Record<MapLayer, boolean>;
  private fittedTo = '';
  private popup: Popup | null = null;
  /** Incremented after each drawn analysis (the tests and the benchmark wait on it). */
  private drawn = 0;

  constructor(readonly container: HTMLElement, opts: WorkspaceMapOptions) {
    this.visible = { incidents: false, grid: false, kde: false, gistar: true, emerging: false, beats: true, ...opts.initialVisible };
    this.map = new MapLibreMap({
      container,
      style: basemapStyle({
        streets: abs(opts.streetsUrl),
        beats: opts.beatsUrl && abs(opts.beatsUrl),
        outline: opts.outlineUrl && abs(opts.outlineUrl),
        fontLatin: abs(fontLatin),
        fontLatinExt: abs(fontLatinExt),
      }),
      center: [-87.705, 41.918],
      zoom: 12.6,
      attributionControl: false,
      fadeDuration: 0,
      maxPitch: 0,
      dragRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: opts.attribution }), 'bottom-right');
    this.map.getCanvas().setAttribute('aria-label', opts.label);
    // Escape closes the popup, for keyboard users (MapLibre closes it on a map click only).
    container.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') this.closePopup(); });
    this.ready = new Promise((ok) => this.map.once('load', () => ok()));
    void this.ready.then(() => {
      for (const id of MAP_LAYERS) this.applyVisibility(id);
      this.bindIncidentClicks(opts);
    });
  }

  /** Relabel the map for another language (an open popup, written in the old one, is closed). */
  setLabel(label: string): void {
    this.map.getCanvas().setAttribute('aria-label', label);
    this.closePopup();
  }

  closePopup(): void {
    this.popup?.remove();
    this.popup = null;
  }

  setVisible(id: MapLayer, on: boolean): void {
    this.visible[id] = on;
    if (this.map.isStyleLoaded()) this.applyVisibility(id);
  }

  isVisible(id: MapLayer): boolean {
    return this.visible[id];
  }

  private applyVisibility(id: MapLayer): void {
    for (const layer of STYLE_LAYERS[id]) {
      if (this.map.getLayer(layer)) this.map.setLayoutProperty(layer, 'visibility', this.visible[id] ? 'visible' : 'none');
    }
  }

  /** Draw an analysis; resolves once the map has rendered it. */
  async show(r: AnalysisResult): Promise<void> {
    await this.ready;
    const t0 = performance.now();
    this.popup?.remove();
    const { width, height } = r.grid;
    const images: Record<RasterLayer, { px: Uint8ClampedArray<ArrayBuffer>; w: number; h: number; corners: Corners } | null> = {
      grid: r.hasData ? { px: cellPixels(width, height, rampIndex(r.counts, (v) => Math.sqrt(v / Math.max(1, r.maxCount))), countLut), w: width, h: height, corners: r.corners } : null,
      kde: r.hasData ? { px: cellPixels(width, height, rampIndex(r.density, (v) => v / r.kde.maxDensity, 0.02 * r.kde.maxDensity), densityLut), w: width, h: height, corners: r.corners } : null,
      gistar: r.hasData ? { px: cellPixels(width, height, (c) => (r.mask[c] && r.bins[c] !== 0 ? r.bins[c] + 3 : -1), gistarLut), w: width, h: height, corners: r.corners } : null,
      emerging: r.emerging ? {
        px: cellPixels(r.emerging.grid.width, r.emerging.grid.height, (c) => r.emerging!.category[c], emergingLut),
        w: r.emerging.grid.width, h: r.emerging.grid.height, corners: r.emerging.corners,
      } : null,
    };
    for (const id of RASTER_LAYERS) {
      const img = images[id];
      const source = this.map.getSource<ImageSource>(id);
      if (!source) continue;
      if (img && img.w > 0 && img.h > 0) source.updateImage({ image: new ImageData(img.px, img.w, img.h), coordinates: img.corners });
      else source.updateImage({ image: new ImageData(1, 1), coordinates: source.coordinates });
    }
    this.map.getSource<GeoJSONSource>('incidents')?.setData(incidentFeatures(r));
    const key = JSON.stringify(r.corners);
    if (r.hasData && key !== this.fittedTo) {
      this.fittedTo = key;
      const lons = r.corners.map((c) => c[0]), lats = r.corners.map((c) => c[1]);
      this.map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: 16, duration: 0 });
    }
    /** Main-thread time spent handing the layers to MapLibre (the rendering follows). */
    this.container.dataset.updateMs = String(Math.round(performance.now() - t0));
    await this.idle();
    this.drawn++;
    this.container.dataset.drawn = String(this.drawn);
  }

  /** Outline one cell (a closed lon/lat ring) and fly to it; null clears. */
  highlight(ring: [number, number][] | null, centre?: [number, number]): void {
    const features: GeoJSON.Feature[] = [];
    if (ring) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
      const n = ring.length - 1;
      const mid: [number, number] = [ring.slice(0, n).reduce((a, p) => a + p[0], 0) / n, ring.slice(0, n).reduce((a, p) => a + p[1], 0) / n];
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: mid } });
    }
    const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
    this.map.getSource<GeoJSONSource>('highlight')?.setData(data);
    if (centre) this.map.flyTo({ center: centre, zoom: Math.max(this.map.getZoom(), 16), duration: 600 });
  }

  /** Resolves when the map has finished rendering what it was given. */
  idle(): Promise<void> {
    return new Promise((ok) => {
      this.map.once('idle', () => ok());
      this.map.triggerRepaint();
    });
  }

  private bindIncidentClicks(opts: WorkspaceMapOptions): void {
    const map = this.map;
    for (const layer of ['incidents-cluster', 'incidents-point']) {
      map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
    }
    map.on('click', 'incidents-cluster', (ev: MapLayerMouseEvent) => {
      const f = ev.features?.[0];
      if (!f) return;
      const clusterId = f.properties?.cluster_id as number | undefined;
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      if (clusterId !== undefined) {
        void map.getSource<GeoJSONSource>('incidents')!.getClusterExpansionZoom(clusterId)
          .then((zoom) => map.easeTo({ center: [lon, lat], zoom, duration: 400 }));
      } else {
        this.openPopup([lon, lat], opts.mergedPopup(Number(f.properties?.n)));
      }
    });
    map.on('click', 'incidents-point', (ev: MapLayerMouseEvent) => {
      const f = ev.features?.[0];
      if (!f) return;
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      const row = Number(f.properties?.row);
      const holder = document.createElement('div');
      holder.textContent = '…';
      this.openPopup([lon, lat], holder);
      opts.incidentPopup(row).then((node) => holder.replaceChildren(node), (e: Error) => { holder.textContent = e.message; });
    });
  }

  private openPopup(at: [number, number], content: Node): void {
    this.popup?.remove();
    this.popup = new Popup({ closeButton: true, maxWidth: '280px', focusAfterOpen: true }).setLngLat(at).setDOMContent(content).addTo(this.map);
  }
}

/** The incidents of an analysis as GeoJSON points (n = incidents merged into the point). */
function incidentFeatures(r: AnalysisResult): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const p = r.points;
  const features: GeoJSON.Feature<GeoJSON.Point>[] = new Array(p.lon.length);
  for (let k = 0; k < p.lon.length; k++) {
    features[k] = { type: 'Feature', properties: { n: p.n[k], row: p.row[k], c: p.category[k] }, geometry: { type: 'Point', coordinates: [p.lon[k], p.lat[k]] } };
  }
  return { type: 'FeatureCollection', features };
}
