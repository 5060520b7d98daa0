/**
 * Sargas command line: `npm run -s cli -- <command> [options]`.
 *
 * Each command lives in analysis/commands/<command>.ts and exports `run(opts)`; it writes its
 * result to --out and returns a summary that is printed here as one line of JSON. Any error
 * exits non-zero with its message (which names the file, row and problem) on stderr.
 */
import { readdirSync } from 'node:fs';
import { CliOptions, UsageError, type Command } from './cli_options.ts';

const commandDir = new URL('./commands/', import.meta.url);
/** The commands are the modules in analysis/commands/ (tests beside them excluded). */
const commands: Record<string, () => Promise<{ run: Command }>> = Object.fromEntries(
  readdirSync(commandDir)
    .filter((f) => /^[a-z_]+\.ts$/.test(f))
    .map((f) => [f.slice(0, -3), () => import(new URL(f, commandDir).href) as Promise<{ run: Command }>]),
);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help' || !(name in commands)) {
    const known = Object.keys(commands).join(', ');
    process.stderr.write(name && name !== '--help' && name !== 'help'
      ? `unknown command '${name}'; commands: ${known}\n`
      : `usage: npm run -s cli -- <command> [options]\ncommands: ${known}\n`);
    return name ? 2 : 0;
  }
  try {
    const mod = await commands[name]();
    const summary = await mod.run(new CliOptions(rest));
    process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sargas ${name}: ${err.message}\n`);
    if (process.env.SARGAS_DEBUG) process.stderr.write(`${err.stack}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
