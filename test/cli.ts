/**
 * Runs the command line as a user does (`analysis/cli.ts` under tsx, from the repository root)
 * and parses the one-line JSON summary it prints last.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

export interface CliRun {
  code: number;
  /** The last stdout line as JSON ({} when it is not JSON). */
  summary: Record<string, any>;
  stdout: string;
  stderr: string;
}

export function runCli(...args: string[]): CliRun {
  const r = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['analysis/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  let summary: Record<string, any> = {};
  try {
    summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
  } catch {
    summary = {};
  }
  return { code: r.status ?? -1, summary, stdout: r.stdout, stderr: r.stderr };
}
