// The `followsun` command: parses arguments and hands over to one subcommand.
import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '../sim/scenario';
import { erlangCommand } from './erlang';
import { compareCommand } from './compare';
import { mergeCommand } from './merge';
import { reportCommand, REPORT_USAGE } from './report';
import { sweepCommand } from './sweep';
import { runCommand } from './run';
import { UsageError, wholeNumber } from './arguments';
import { parseShard } from './shards';

const USAGE = `followsun — 24/7 multilingual coverage-planning simulator for customer support

Usage:
  followsun run [files or folders …] [--replications N] [--seed S] [--json] [--csv DIR]
      Simulate scenario files (YAML or JSON); with none, the default scenario.
      [--workers N] [--out FILE] [--shard k/n]
  followsun compare base.yaml variant.yaml [more …] [--replications N] [--seed S] [--json]
      Each headline figure's difference against the base, with its 95% confidence interval
      (common random numbers: every scenario sees the same contacts).
  ${REPORT_USAGE}
  followsun sweep base.yaml --vary staffing.manila.agents=0..40:5 [--vary …] --out FILE
                  [--replications N] [--seed S] [--workers N] [--shard k/n] [--report FILE.html]
      One row per grid point (CSV, or JSON when FILE ends in .json); pools and streams by id.
  followsun merge shard-1.json shard-2.json … --out FILE
      Combine --shard k/n outputs into the file a single run writes.
  followsun erlang --rate PER_HOUR --aht SECONDS [--agents N | --target 0.8]
                   [--sl SECONDS (default 20)] [--patience SECONDS] [--json]
      Erlang C (or Erlang A with --patience): waiting, service level, ASA, abandonment,
      occupancy for a head count, or the head count required for a service-level target.
  followsun schema
      Print the scenario file's JSON Schema (for editor autocompletion).

Exit codes: 0 done, 2 bad input (the message names the file and field).`;

/** Options every simulating command takes. */
const SIMULATION_OPTIONS = {
  replications: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
} as const;

function simulationSettings(values: { replications?: string; seed?: string; workers?: string }, minReplications: number) {
  return {
    replications: wholeNumber(values.replications, '--replications', minReplications),
    seed: wholeNumber(values.seed, '--seed'),
    workers: wholeNumber(values.workers, '--workers', 1),
  };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            ...SIMULATION_OPTIONS,
            json: { type: 'boolean', default: false },
            csv: { type: 'string' },
            out: { type: 'string', short: 'o' },
            shard: { type: 'string' },
          },
        });
        return await runCommand({
          files: positionals,
          ...simulationSettings(values, 1),
          json: values.json,
          csvDir: values.csv,
          out: values.out,
          shard: parseShard(values.shard),
        });
      }
      case 'compare': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { ...SIMULATION_OPTIONS, json: { type: 'boolean', default: false } },
        });
        // Two replications at least: a difference's interval needs them.
        return await compareCommand({ files: positionals, ...simulationSettings(values, 2), json: values.json });
      }
      case 'sweep': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            ...SIMULATION_OPTIONS,
            vary: { type: 'string', multiple: true },
            out: { type: 'string', short: 'o' },
            report: { type: 'string' },
            shard: { type: 'string' },
          },
        });
        if (positionals.length !== 1) throw new UsageError('sweep takes one scenario file');
        if (!values.out) throw new UsageError('sweep needs --out FILE (.csv, or .json)');
        return await sweepCommand({
          file: positionals[0],
          vary: values.vary ?? [],
          out: values.out,
          ...simulationSettings(values, 2),
          shard: parseShard(values.shard),
          report: values.report,
        });
      }
      case 'report':
        return await reportCommand(rest);
      case 'merge': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
        return mergeCommand(positionals, values.out);
      }
      case 'erlang':
        return erlangCommand(rest);
      case 'schema':
        process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`followsun: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    // A bug, not bad input: one line by default, the stack trace with FOLLOWSUN_DEBUG=1.
    if (process.env.FOLLOWSUN_DEBUG) throw e;
    process.stderr.write(`followsun: internal error: ${(e as Error).message} (run again with FOLLOWSUN_DEBUG=1 for details, and please report it)\n`);
    return 1;
  }
}
