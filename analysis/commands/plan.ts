/**
 * `plan --streets FILE... --input FILES --units UNITS.json --day mon..sun --out GEOJSON
 *  [--candidates 150] [--cell 150] [--seconds 10] [--seed 1] [--category NAME]
 *  [--violent-threshold X] [--crs EPSG:N] [--project-crs EPSG:N]`
 *
 * Patrol routes for a shift (DESIGN.md "Patrol planning"): incidents are imported for real (as
 * `ingest`), the streets read and noded in the incidents' planar CRS (so both share one set of
 * metres), the candidate stops made from the hot-spot cells of the day and the units' hours, and
 * officers and volunteers planned together (src/routing/plan). The baselines of DESIGN.md run on
 * the same problem.
 *
 * --streets: OSM XML/PBF, GeoJSON lines or z-x-y.mvt tiles (gzip allowed); a folder stands for
 *   the files in it. --units: UNITS.json (src/routing/plan/plan_units.ts). --day: the day the
 *   shifts start. --candidates: number of candidate stops. --cell: hot-spot cell side, metres.
 *   --seconds: the solver's time limit. --seed: the solver's seed. --category: the category of
 *   rows from files without a category column (as `ingest --category`), e.g. "aggravated assault".
 *   --violent-threshold: expected violent incidents per shift above which a stop is for officers
 *   only (default: the officers' top tier, the top 10% of candidate stops).
 *
 * Writes a GeoJSON FeatureCollection (src/geo/patrol_geojson.ts) and prints
 * `{units, stops, expectedCovered, handStyleCovered, greedyCovered, seconds, ...}`; expected
 * figures are incidents per shift, seconds the whole command's wall time.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type Command } from '../cli_options.ts';
import { loadIncidents, type LoadOptions } from '../load_incidents.ts';
import { projector } from '../../src/geo/projection.ts';
import { patrolPlanToGeoJson } from '../../src/geo/patrol_geojson.ts';
import { buildStreetNetwork, readStreetFiles, type StreetNetwork } from '../../src/geo/streets/index.ts';
import { parseUnits, type UnitSpec } from '../../src/routing/plan/plan_units.ts';
import { preparePatrolPlan, type PlanNetwork } from '../../src/routing/plan/prepare_patrol_plan.ts';
import { dayIndexOf } from '../../src/routing/plan/shift_window.ts';
import { solvePatrolPlan } from '../../src/routing/plan/solve_patrol_plan.ts';

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/** Read and validate a UNITS.json file; errors name the file and the unit. */
export function readUnitsFile(file: string): UnitSpec[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file}: file not found`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseUnits(json, file);
}

/** The street network in the planner's structural form. */
export function planNetworkOf(net: StreetNetwork): PlanNetwork {
  return { ...net, nodeXs: net.xs, nodeYs: net.ys, nodeLons: net.lons, nodeLats: net.lats };
}

function streetFiles(paths: string[]): { name: string; bytes: Uint8Array }[] {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new Error(`${p}: file not found`);
    }
    if (st.isDirectory()) for (const f of readdirSync(p).sort()) { if (statSync(join(p, f)).isFile()) files.push(join(p, f)); }
    else files.push(p);
  }
  return files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(name)) }));
}

export const run: Command = async (opts) => {
  const t0 = performance.now();
  const streets = opts.list('streets');
  if (!streets.length) throw new UsageError('missing --streets FILE...');
  const inputs = opts.list('input');
  if (!inputs.length) throw new UsageError('missing --input FILE...');
  const unitsFile = opts.string('units');
  const out = opts.string('out');
  let day: number;
  try {
    day = dayIndexOf(opts.string('day'));
  } catch (e) {
    throw new UsageError(`--day: ${(e as Error).message}`);
  }
  const candidates = opts.number('candidates', 150);
  if (!(Number.isInteger(candidates) && candidates >= 1)) throw new UsageError(`--candidates must be a whole number >= 1, got ${candidates}`);
  const cellM = opts.number('cell', 150);
  if (!(cellM > 0)) throw new UsageError(`--cell must be > 0 metres, got ${cellM}`);
  const seconds = opts.number('seconds', 10);
  if (!(seconds >= 0)) throw new UsageError(`--seconds must be >= 0, got ${seconds}`);
  const seed = opts.number('seed', 1);
  let violentThreshold: number | undefined;
  if (opts.has('violent-threshold')) {
    violentThreshold = opts.number('violent-threshold');
    if (!(violentThreshold >= 0)) throw new UsageError(`--violent-threshold must be >= 0 expected violent incidents per shift, got ${violentThreshold}`);
  }
  const units = readUnitsFile(unitsFile);

  const load: LoadOptions = {};
  if (opts.has('category')) load.defaultCategory = opts.string('category');
  if (opts.has('crs')) load.crs = opts.string('crs');
  if (opts.has('project-crs')) load.projectCrs = opts.string('project-crs');
  const inc = await loadIncidents(inputs, load);

  const lines = await readStreetFiles(streetFiles(streets));
  if (lines.lineCount === 0) throw new Error(`${streets.join(', ')}: no street lines`);
  const net = buildStreetNetwork(lines, { crs: inc.crs });
  const toPlanar = projector('EPSG:4326', inc.crs);

  const prep = preparePatrolPlan(
    { network: planNetworkOf(net), incidents: inc, units, day, project: (lon, lat) => toPlanar.forward(lon, lat) },
    { candidates, cellM, violentThreshold },
  );
  const plan = solvePatrolPlan(prep, net, { seed, timeLimitMs: seconds * 1000 });
  const geojson = patrolPlanToGeoJson(prep, plan, net);
  writeFileSync(out, JSON.stringify(geojson) + '\n');

  const s = plan.summary;
  return {
    out,
    units: s.units,
    stops: s.stops,
    expectedCovered: round(s.expectedCovered),
    handStyleCovered: round(s.handStyleCovered),
    greedyCovered: round(s.greedyCovered),
    seconds: round((performance.now() - t0) / 1000, 2),
    coveredShare: round(s.coveredShare),
    expectedInWindow: round(s.expectedInWindow),
    candidates: s.candidates,
    violentThreshold: round(s.violentThreshold, 6),
    solverSeconds: round(s.solverSeconds, 2),
    solverStoppedBy: s.solverStoppedBy,
    crs: inc.crs,
    notes: prep.notes,
  };
};
