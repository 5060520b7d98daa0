/**
 * `top --instance FILE --out JSON [--time-limit MS] [--seed N] [--bks CSV]`
 *
 * Solve a team orienteering instance of Chao, Golden & Wasil (format: ../shared/bench/top/
 * TOP_format.txt) with the patrol planner's solver. Writes
 * `{instance, routes: [[i, ...], ...], score, lengths, tmax}`: one route per vehicle, each a list
 * of point indices of the instance file in visit order — 0 is the first point (the start) and
 * N - 1 the last (the end), neither included in the routes — with each route's Euclidean length.
 * Prints `{instance, score, bks, gap, routes, seconds, iterations, stoppedBy}`; bks and gap only
 * when the best-known score is found in --bks (default: bks.csv beside the instances folder).
 *
 * --time-limit: milliseconds (default 1000); the search also stops earlier once it stalls.
 * --seed: the search's seed (default 1); the same seed gives the same routes unless the time
 * limit cuts the search short.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError, type Command } from '../cli_options.ts';
import { chaoRouteLength, parseChaoInstance } from '../../src/routing/chao_instance.ts';
import { solveTeamOrienteering } from '../../src/routing/team_orienteering.ts';

export const run: Command = async (opts) => {
  const file = opts.string('instance');
  const out = opts.string('out');
  const timeLimitMs = opts.number('time-limit', 1000);
  if (!(timeLimitMs >= 0)) throw new UsageError(`--time-limit must be >= 0 milliseconds, got ${timeLimitMs}`);
  const seed = opts.number('seed', 1);
  if (!existsSync(file)) throw new Error(`${file}: file not found`);
  const inst = parseChaoInstance(readFileSync(file, 'utf8'), file);
  const res = solveTeamOrienteering(inst.problem, { seed, timeLimitMs });

  // Stop i of the problem is point i + 1 of the file.
  const routes = res.routes.map((r) => Array.from(r, (i) => i + 1));
  const lengths = routes.map((r) => chaoRouteLength(inst, r));
  let score = 0;
  for (const r of routes) for (const p of r) score += inst.scores[p];
  routes.forEach((r, k) => {
    if (r.length > 0 && !(lengths[k] <= inst.tmax)) throw new Error(`${file}: route ${k} has length ${lengths[k]} > tmax ${inst.tmax} (solver bug)`);
  });

  const name = basename(file).replace(/\.txt$/, '');
  writeFileSync(out, JSON.stringify({ instance: name, routes, score, lengths, tmax: inst.tmax }) + '\n');

  const summary: Record<string, unknown> = { instance: name, score };
  const bksFile = opts.string('bks', join(dirname(file), '..', 'bks.csv'));
  if (existsSync(bksFile)) {
    const row = readFileSync(bksFile, 'utf8').split(/\r?\n/).map((l) => l.split(',')).find((c) => c[0] === name);
    if (row) {
      const bks = Number(row[row.length - 1]);
      summary.bks = bks;
      summary.gap = bks > 0 ? Number(((bks - score) / bks).toFixed(6)) : 0;
    }
  } else if (opts.has('bks')) {
    throw new Error(`${bksFile}: file not found`);
  }
  return {
    ...summary,
    routes: routes.length,
    seconds: Number((res.elapsedMs / 1000).toFixed(3)),
    iterations: res.iterations,
    stoppedBy: res.stoppedBy,
  };
};
