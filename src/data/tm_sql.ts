/**
 * SQL expressions that project lon/lat columns to transverse Mercator metres, so the import
 * computes x, y in the same vectorised pass that reads the file (DuckDB-WASM has no spatial
 * extension). Same series as geo/transverse_mercator.ts.
 */
import { tmSeries, type TmParams } from '../geo/transverse_mercator.ts';

const num = (v: number) => v.toPrecision(17);

/** `[xExpr, yExpr]` for lon/lat SQL expressions (degrees). NULL in gives NULL out. */
export function tmForwardSql(p: TmParams, lonExpr: string, latExpr: string): [string, string] {
  const { A, e, alpha } = tmSeries(p);
  const rad = num(Math.PI / 180);
  // Shared subexpressions are repeated: DuckDB evaluates them per vector, cheaply.
  const s = `sin((${latExpr}) * ${rad})`;
  const dl = `(((${lonExpr}) - ${num(p.lon0)}) * ${rad})`;
  const t = `sinh(atanh(${s}) - ${num(e)} * atanh(${num(e)} * ${s}))`;
  const xi = `atan2(${t}, cos(${dl}))`;
  const eta = `atanh(sin(${dl}) / sqrt(1 + pow(${t}, 2)))`;
  let x = eta;
  let y = xi;
  for (let j = 1; j <= 4; j++) {
    x += ` + ${num(alpha[j - 1])} * cos(${2 * j} * ${xi}) * sinh(${2 * j} * ${eta})`;
    y += ` + ${num(alpha[j - 1])} * sin(${2 * j} * ${xi}) * cosh(${2 * j} * ${eta})`;
  }
  const k = num(p.k0 * A);
  return [`(${num(p.falseEasting)} + ${k} * (${x}))`, `(${num(p.falseNorthing)} + ${k} * (${y}))`];
}

