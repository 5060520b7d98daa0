/**
 * The layer rule of DESIGN.md, enforced: which folder of src/ may import which.
 *
 * - stats/ and routing/ are pure: they import only themselves (routing may use stats), and no
 *   DuckDB, Arrow, MapLibre or DOM-bound package.
 * - Only data/ touches DuckDB; data/ may import types from stats/, routing/ and geo/.
 * - geo/ may use stats/ and routing/ (it builds the routing graph), never data/ or the UI.
 * - worker/ may use data/, geo/, stats/, routing/; map/, ui/, report/ sit on top of those.
 * - Only main.ts knows every folder. Nothing in src/ imports analysis/ or test/.
 *
 * Run: `npm run -s lint` (also the second step of `npm test`). Exits 1 listing each violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

type Layer = 'data' | 'geo' | 'stats' | 'routing' | 'worker' | 'map' | 'ui' | 'report' | 'main' | 'util';

const allowed: Record<Layer, Layer[]> = {
  util: ['util'],
  stats: ['stats', 'util'],
  routing: ['routing', 'stats', 'util'],
  geo: ['geo', 'stats', 'routing', 'util'],
  data: ['data', 'geo', 'stats', 'routing', 'util'],
  worker: ['worker', 'data', 'geo', 'stats', 'routing', 'util'],
  report: ['report', 'stats', 'routing', 'geo', 'util'],
  map: ['map', 'stats', 'routing', 'geo', 'worker', 'util'],
  ui: ['ui', 'map', 'report', 'stats', 'routing', 'geo', 'worker', 'util'],
  main: ['data', 'geo', 'stats', 'routing', 'worker', 'map', 'ui', 'report', 'util'],
};

/** Packages only some layers may use. */
const packageOwners: [RegExp, Layer[]][] = [
  [/^@duckdb\//, ['data', 'worker', 'main']],
  [/^apache-arrow/, ['data', 'worker', 'main']],
  [/^maplibre-gl/, ['map', 'ui', 'main']],
  [/^playwright/, []],
  [/^vitest/, []],
];

function layerOf(file: string): Layer | null {
  const rel = relative(src, file).split(sep);
  if (rel[0] === '..') return null;
  if (rel.length === 1) return rel[0].startsWith('main.') ? 'main' : 'util';
  return rel[0] as Layer;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|mts)$/.test(name) && !/\.d\.ts$/.test(name)) yield p;
  }
}

/**
 * Module specifiers a file depends on at run time: static imports and re-exports that are not
 * `import type`, and dynamic import('...') calls. Type-only imports create no dependency.
 */
function runtimeImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) out.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function lintLayers(): string[] {
  const problems: string[] = [];
  for (const file of walk(src)) {
    const isTest = /\.(test|bench)\.ts$/.test(file);
    const from = layerOf(file);
    if (!from) continue;
    for (const spec of runtimeImports(file)) {
      const where = `${relative(root, file)}: imports '${spec}'`;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(src + sep)) {
          if (!isTest) problems.push(`${where}, outside src/`);
          continue;
        }
        const to = layerOf(target)!;
        if (!allowed[from]?.includes(to)) problems.push(`${where}: ${from}/ may not import ${to}/`);
      } else if (!isTest) {
        for (const [re, owners] of packageOwners) {
          if (re.test(spec) && !owners.includes(from)) problems.push(`${where}: only ${owners.join(', ') || 'tests'} may use it`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const problems = lintLayers();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `layer lint: ${problems.length} violation(s)` : 'layer lint: ok');
  process.exit(problems.length ? 1 : 0);
}
