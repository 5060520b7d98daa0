/**
 * Team orienteering benchmark: the patrol solver on the Chao, Golden & Wasil instances
 * (../shared/bench/top, 267 instances in sets p1, p2, p3, p4, p7), scored against the best-known
 * totals in bks.csv. Prints, per set, the mean gap to the best-known score, the number of
 * instances at it, and the median and largest time per instance, as a markdown table.
 *
 * Run (sequentially; one instance at a time on one core):
 *   npx tsx analysis/bench/top.ts [--dir ../shared/bench/top] [--time-limit 1000] [--seed 1]
 *                                 [--stall N (iterations without gain before stopping)]
 *                                 [--iterations N (cap; with a large --time-limit, runs are reproducible)]
 *                                 [--tune ruinShare=0.25,acceptShare=0.03 (see SearchTuning)]
 *                                 [--sets p1,p2,p3,p4,p7] [--only p4.2.a,...] [--verbose]
 *
 * Results (commit fa5cbbe solver, 2-core VM shared with other jobs, load ~4, seed 1,
 * `npx tsx analysis/bench/top.ts`, 267 instances in 77 s):
 *
 * | set | instances | mean gap % | at BKS | median s | max s |
 * |---|---|---|---|---|---|
 * | p1 | 54 | 0.210 | 52 | 0.03 | 0.08 |
 * | p2 | 33 | 0.089 | 32 | 0.00 | 0.03 |
 * | p3 | 60 | 0.000 | 60 | 0.03 | 0.09 |
 * | p4 | 60 | 0.226 | 39 | 1.00 | 1.00 |
 * | p7 | 60 | 0.044 | 56 | 0.60 | 1.06 |
 *
 * With `--sets p4,p7 --time-limit 3000`: p4 0.151 % and 43 at BKS, p7 0.037 % and 57.
 * The three p1/p2 misses are p1.3.h (70 of a listed 75), p1.3.o (205 of 215) and p2.3.h (165 of
 * 170): exhaustive enumeration of all feasible routes gives optima of 70, 205 and 165, so the
 * listed scores are out of reach under this benchmark's convention (test/routing/chao.test.ts
 * proves it for p1.3.h and p2.3.h). Plans above the listed score were found for p4.2.j (964),
 * p4.2.p (1242), p7.2.j (646), p7.3.l (684), p7.3.p (929) and p7.3.t (1120).
 *
 * Every route is checked independently (Euclidean length from the instance's coordinates,
 * no stop twice) before it is scored. The gap is clamped at 0: a feasible plan above the listed
 * total (bks.csv has the totals published by Chao et al., some since beaten) counts as at BKS and
 * is printed with its routes on stderr so it can be checked by hand.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliOptions } from '../cli_options.ts';
import { chaoRouteLength, parseChaoInstance } from '../../src/routing/chao_instance.ts';
import { solveTeamOrienteering } from '../../src/routing/team_orienteering.ts';

interface Row { name: string; set: string; bks: number; score: number; ms: number; gap: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export async function benchTop(argv: string[]): Promise<Row[]> {
  const opts = new CliOptions(argv);
  const here = new URL('.', import.meta.url).pathname;
  const dir = resolve(opts.string('dir', join(here, '../../../shared/bench/top')));
  const timeLimitMs = opts.number('time-limit', 1000);
  const seed = opts.number('seed', 1);
  const stallIterations = opts.has('stall') ? opts.number('stall') : undefined;
  const maxIterations = opts.has('iterations') ? opts.number('iterations') : undefined;
  // --tune ruinShare=0.3,acceptShare=0.02 (see SearchTuning)
  const tuning: Record<string, number> = {};
  for (const kv of opts.has('tune') ? opts.string('tune').split(',') : []) {
    const [k, v] = kv.split('=');
    tuning[k] = Number(v);
  }
  const sets = opts.string('sets', 'p1,p2,p3,p4,p7').split(',');
  const only = opts.has('only') ? new Set(opts.string('only').split(',')) : null;
  const verbose = opts.flag('verbose');
  if (!existsSync(join(dir, 'bks.csv'))) throw new Error(`${dir}: no bks.csv (pass --dir)`);
  const bks = readFileSync(join(dir, 'bks.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const rows: Row[] = [];
  for (const [name, , , , best] of bks) {
    const set = name.split('.')[0];
    if (!sets.includes(set) || (only && !only.has(name))) continue;
    const file = join(dir, 'instances', `${name}.txt`);
    const inst = parseChaoInstance(readFileSync(file, 'utf8'), file);
    const res = solveTeamOrienteering(inst.problem, { seed, timeLimitMs, stallIterations, maxIterations, tuning });
    // Independent check, on the instance's own points: stop i is point i + 1.
    const seen = new Set<number>();
    let score = 0;
    for (const route of res.routes) {
      const points = Array.from(route, (i) => i + 1);
      const len = chaoRouteLength(inst, points);
      if (points.length > 0 && !(len <= inst.tmax)) throw new Error(`${name}: route length ${len} > tmax ${inst.tmax}`);
      for (const p of points) {
        if (seen.has(p)) throw new Error(`${name}: point ${p} visited twice`);
        seen.add(p);
        score += inst.scores[p];
      }
    }
    const b = Number(best);
    // bks.csv holds Chao et al.'s published totals; a feasible plan (checked above) may beat one.
    if (score > b + 1e-9) process.stderr.write(`${name}: score ${score} above the listed best-known ${b}; routes ${JSON.stringify(res.routes.map((r) => Array.from(r, (i) => i + 1)))}\n`);
    const gap = b > 0 ? (100 * Math.max(0, b - score)) / b : 0;
    rows.push({ name, set, bks: b, score, ms: res.elapsedMs, gap });
    if (verbose) process.stderr.write(`${name} ${score}/${b} ${res.elapsedMs.toFixed(0)} ms ${res.stoppedBy} it=${res.iterations}\n`);
  }
  return rows;
}

export function markdownTable(rows: Row[]): string {
  const lines = ['| set | instances | mean gap % | at BKS | median s | max s |', '|---|---|---|---|---|---|'];
  const sets = [...new Set(rows.map((r) => r.set))];
  const line = (label: string, rs: Row[]) => {
    const gap = rs.reduce((s, r) => s + r.gap, 0) / rs.length;
    const at = rs.filter((r) => r.gap <= 1e-9).length;
    const ms = rs.map((r) => r.ms);
    lines.push(`| ${label} | ${rs.length} | ${gap.toFixed(3)} | ${at} | ${(median(ms) / 1000).toFixed(2)} | ${(Math.max(...ms) / 1000).toFixed(2)} |`);
  };
  for (const set of sets) line(set, rows.filter((r) => r.set === set));
  if (sets.length > 1) line('all', rows);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const t0 = performance.now();
  const rows = await benchTop(process.argv.slice(2));
  console.log(markdownTable(rows));
  console.log(`\n${rows.length} instances in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
