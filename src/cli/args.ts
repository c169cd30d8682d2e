import { parseArgs as nodeParseArgs } from 'node:util';

export const USAGE = `Usage: npm run --silent sim -- FILE [--json] [--duration MS] [--seed N] [--try]

Runs a Backpressure Playground scenario headless and prints its report.
  FILE            a scenario JSON file (see scenarios/)
  --json          print the report as one JSON object
  --duration MS   simulated milliseconds to run (overrides the scenario's durationMs)
  --seed N        random seed, a whole number >= 0 (overrides the scenario's seed)
  --try           a lesson file: run its "try this" variant instead`;

export class UsageError extends Error {}

export interface CliArgs {
  file: string;
  json: boolean;
  durationMs?: number;
  seed?: number;
  help: boolean;
  /** Run a lesson's "try this" variant. */
  tryThis?: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  // `--seed -1` should reach our own check ("expected a whole number >= 0"), not be taken for a flag.
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === '--seed' || a === '--duration') && i + 1 < argv.length) joined.push(`${a}=${argv[++i]}`);
    else joined.push(a);
  }
  let parsed;
  try {
    parsed = nodeParseArgs({
      args: joined,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        duration: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        try: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { file: '', json: false, help: true };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the scenario FILE' : `expected one FILE, got ${positionals.length}`);
  const args: CliArgs = { file: positionals[0]!, json: values.json ?? false, help: false };
  if (values.try) args.tryThis = true;
  if (values.duration !== undefined) {
    const d = Number(values.duration);
    if (!Number.isFinite(d) || d <= 0 || d > 365 * 24 * 3600 * 1000) throw new UsageError(`--duration: expected milliseconds > 0, got "${values.duration}"`);
    args.durationMs = d;
  }
  if (values.seed !== undefined) {
    const s = Number(values.seed);
    if (!Number.isSafeInteger(s) || s < 0) throw new UsageError(`--seed: expected a whole number >= 0, got "${values.seed}"`);
    args.seed = s;
  }
  return args;
}
