/**
 * Whole-dataset operations: the demo flag and emptying the tables.
 */
import type { SqlEngine } from './engine.ts';
import { T } from './schema.ts';

/** Empty every table (the browser's "delete all data" also removes the database file). */
export async function clearAll(db: SqlEngine): Promise<void> {
  await db.run(`DELETE FROM ${T.incidents}; DELETE FROM ${T.rejects}; DELETE FROM ${T.imports}; DELETE FROM ${T.meta};`);
}

/** Remember that what is stored is only the bundled demo. */
export async function markDemo(db: SqlEngine): Promise<void> {
  await db.run(`INSERT OR REPLACE INTO ${T.meta} VALUES ('demo', 'true')`);
}

/** The user's first own import replaces the demo (its place and CRS are not theirs). */
export async function clearIfDemo(db: SqlEngine): Promise<boolean> {
  const rows = await db.rows<{ value: string }>(`SELECT value FROM ${T.meta} WHERE key = 'demo'`);
  if (!rows.length) return false;
  await clearAll(db);
  return true;
}
