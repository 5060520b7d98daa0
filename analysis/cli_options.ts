/**
 * Command-line options: `--name value...` pairs. A flag takes every following token up to the
 * next `--flag` (so `--input a.csv b.csv` gives two inputs); a flag with no value is `true`.
 */
export class CliOptions {
  readonly values = new Map<string, string[]>();

  constructor(argv: string[]) {
    let key: string | null = null;
    for (const token of argv) {
      if (token.startsWith('--') && token.length > 2 && !/^--?\d/.test(token)) {
        key = token.slice(2);
        if (!this.values.has(key)) this.values.set(key, []);
      } else if (key === null) {
        throw new UsageError(`unexpected argument '${token}' (options are --name value)`);
      } else {
        this.values.get(key)!.push(token);
      }
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Every value given to --name (empty when absent). */
  list(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  /** The single value of --name, or `fallback`; throws a UsageError when required and absent. */
  string(name: string, fallback?: string): string {
    const v = this.values.get(name);
    if (!v || v.length === 0) {
      if (fallback !== undefined) return fallback;
      throw new UsageError(`missing --${name}`);
    }
    return v[v.length - 1];
  }

  /** A number option; NaN-safe: rejects anything that does not parse as a finite number. */
  number(name: string, fallback?: number): number {
    const v = this.values.get(name);
    if (!v || v.length === 0) {
      if (fallback !== undefined) return fallback;
      throw new UsageError(`missing --${name}`);
    }
    const n = Number(v[v.length - 1]);
    if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${v[v.length - 1]}'`);
    return n;
  }

  flag(name: string): boolean {
    return this.values.has(name);
  }
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Every command module in analysis/commands/ exports `run` with this signature. */
export type Command = (opts: CliOptions) => Promise<Record<string, unknown>>;
