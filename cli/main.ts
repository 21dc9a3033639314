// The `followsun` command: parses arguments and hands over to one subcommand.
// Each command's code is imported when it runs, so a quick command (erlang, schema, help) does
// not load the simulator, the report's charts or the YAML parser.
import { parseArgs } from 'node:util';
import { REPORT_HELP } from './report-help';
import { helpText, maxIterations, plainParseError, UsageError, wantsHelp, wholeNumber, type CommandHelp } from './arguments';

const WORKERS: [string, string] = ['--workers N', 'worker threads (default: all cores when the run is big enough to gain)'];
const LARGE: [string, string] = ['--allow-large-runs', 'run beyond the work limits (more than a billion contacts; README, Limits)'];
const SHARD: [string, string] = ['--shard k/n', 'run only the k-th of n slices (needs --out; then followsun merge)'];

/** Every command's help; `followsun --help` lists them with their summaries. */
const HELP: Record<string, CommandHelp> = {
  run: {
    usage: 'followsun run [FILE or FOLDER …] [options]',
    summary: 'Simulate scenario files (YAML or JSON) and print a summary of each.',
    details:
      'The summary gives contacts, service level, waits, abandonment, coverage gap hours and cost per\n' +
      'contact, overall and per language, channel and pool, each with its 95% confidence interval.\n' +
      'With no file, the default scenario; folders are expanded to their .yaml, .yml and .json files.',
    options: [
      ['--replications N', 'replications per scenario, overriding the file (at least 1)'],
      ['--seed S', 'random seed, overriding the file (a whole number)'],
      ['--json', 'print one JSON document instead of the summaries'],
      ['--csv DIR', 'also write NN-<name>-summary.csv, -intervals.csv, -coverage.csv and -gap-hours.csv per scenario to DIR (rates as fractions, times in seconds, money in the scenario currency)'],
      ['-o, --out FILE', 'write the JSON document to FILE instead of printing the summaries'],
      WORKERS,
      LARGE,
      SHARD,
    ],
    examples: ['followsun run scenarios/ --replications 20 --csv results'],
  },
  compare: {
    usage: 'followsun compare BASE VARIANT [MORE …] [options]',
    summary: "Each headline figure's difference against the base, with its 95% confidence interval.",
    details:
      "Common random numbers: every scenario runs with the base's seed and replications, so replication\n" +
      'r of each sees the same contacts. "not significant" when the interval spans zero.',
    options: [
      ['--replications N', "replications of every scenario (at least 2; default: the base file's)"],
      ['--seed S', "random seed shared by all scenarios (default: the base file's)"],
      ['--json', 'print one JSON document: the scenarios and their deltas against the base'],
      WORKERS,
      LARGE,
    ],
    examples: ['followsun compare scenarios/global-in-house.yaml scenarios/global-follow-the-sun.yaml'],
  },
  report: REPORT_HELP,
  sweep: {
    usage: 'followsun sweep SCENARIO --vary PATH=FROM..TO:STEP [--vary …] -o FILE [options]',
    summary: 'One scenario over a grid of values, one row per point (CSV, or JSON when FILE ends in .json).',
    details:
      'Every combination of the --vary ranges runs with the same random numbers; a row gives the\n' +
      'headline figures (coverage, waits, abandonment, AI resolutions, cost) and each channel\'s\n' +
      'service level against its own target (serviceLevel.voice, …), each with its 95% confidence\n' +
      'interval. PATH names a number in the scenario, list items by id or position:\n' +
      "staffing.manila.shifts.2.agents is the head count of Manila's third shift.",
    options: [
      ['--vary PATH=FROM..TO:STEP', 'a number in the scenario and the values to try; repeat for a grid'],
      ['-o, --out FILE', 'the table to write: CSV, or JSON when FILE ends in .json (required)'],
      ['--report FILE.html', 'also write a chart of cost per contact against the share of hours meeting target'],
      ['--replications N', 'replications per point, overriding the file (at least 2)'],
      ['--seed S', 'random seed, overriding the file (a whole number)'],
      WORKERS,
      LARGE,
      SHARD,
    ],
    examples: [
      'followsun sweep scenarios/global-follow-the-sun.yaml --vary staffing.manila.shifts.2.agents=0..40:10 --out manila-nights.csv',
    ],
  },
  plan: {
    usage: 'followsun plan SCENARIO [options]   or   followsun plan --compare BASE OTHER [MORE …] [options]',
    summary: 'The least-cost head counts for the shifts a scenario leaves open, proven by simulation.',
    details:
      'Shifts with agents: auto (or { min, max }), and candidate shifts given by startBetween, are\n' +
      'decided by a mixed-integer programme (HiGHS) from Erlang requirements per language, channel and\n' +
      'interval; the plan is then simulated and every hour still below target gets more, until the\n' +
      'targets are met; then cheaper plans are tried, each kept only if simulation (at two seeds) still\n' +
      'meets them. It prints the plan, its cost and the simulated service per language × channel, and\n' +
      'exits 1 when the targets are not met (the best plan is still written).\n' +
      'With --compare, every scenario is planned to the first one\'s targets and the plans are compared\n' +
      'with common random numbers (the first one\'s seed and replications), as followsun compare does.',
    options: [
      ['-o, --out FILE', 'write the planned scenario (YAML, comments kept; JSON when FILE ends in .json)'],
      ['--json', "print the plan, its cost, the iterations (plannedCost: the programme's, over the horizon) and the verification run as JSON"],
      ['--report FILE.html', 'write an HTML page: the plan against the scenario as written (--compare: the plans compared)'],
      ['--compare', 'plan two or more scenarios to the same targets and compare the plans'],
      ['--max-iterations N', 'simulate-and-correct rounds at most (default 8)'],
      ['--replications N', 'replications of each verification run, overriding the file (with --compare: of all)'],
      ['--seed S', 'random seed, overriding the file (with --compare: shared by all)'],
      WORKERS,
      ['--allow-large-runs', 'run beyond the work limits, and solve a programme beyond the planner\'s (README, Limits)'],
    ],
    examples: [
      'followsun plan scenarios/open/global-follow-the-sun.yaml --out planned.yaml',
      'followsun plan scenarios/open/global-follow-the-sun.yaml --report plan.html',
      'followsun plan --compare scenarios/open/global-follow-the-sun.yaml my-variant.yaml --report case.html',
    ],
  },
  merge: {
    usage: 'followsun merge SHARD-FILE … -o FILE',
    summary: 'Combine the --shard k/n outputs of run or sweep into the file a single run writes.',
    details: 'It checks that every shard and every item is there exactly once.',
    options: [['-o, --out FILE', 'the combined file to write (required)']],
    examples: ['followsun merge shard-1.csv shard-2.csv shard-3.csv shard-4.csv --out sweep.csv'],
  },
  erlang: {
    usage: 'followsun erlang --rate PER_HOUR --aht SECONDS (--agents N | --target FRACTION) [options]',
    summary: 'Erlang C (or Erlang A with --patience) for a head count, or the head count for a target.',
    details:
      'Gives the probability of waiting, service level, average speed of answer, abandonment and\n' +
      'occupancy, with the same definitions as the simulation.',
    options: [
      ['--rate PER_HOUR', 'contacts arriving per hour'],
      ['--aht SECONDS', 'mean handle time in seconds'],
      ['--agents N', 'agents on the phones'],
      ['--target FRACTION', 'without --agents: the fewest agents that reach this service level (0.8, not 80)'],
      ['--sl SECONDS', 'service-level threshold in seconds (default 20)'],
      ['--patience SECONDS', "callers' mean patience in seconds: Erlang A, with abandonment"],
      ['--max-occupancy FRACTION', 'with --target: also keep occupancy at or below this (0.85, not 85)'],
      ['--shrinkage FRACTION', 'share of paid time off the phones: also gives the agents to schedule'],
      ['--json', 'print the figures as JSON'],
    ],
    examples: [
      'followsun erlang --rate 1000 --aht 180 --agents 55 --patience 120',
      'followsun erlang --rate 1000 --aht 180 --target 0.8 --max-occupancy 0.85 --shrinkage 0.3',
    ],
  },
  import: {
    usage: 'followsun import RECORDS --out SCENARIO.yaml [options]',
    summary: 'Fit a scenario to contact records (a CSV or TSV export): demand, handle times, patience, staffing.',
    details:
      'One row per contact, or per queue and interval. Demand per queue, weekly pattern in the customers\' local time,\n' +
      'special days and day-to-day variation; handle time lognormal or empirical (whichever fits);\n' +
      'patience from every caller\'s wait, answered callers counted as censored; the staffing seen\n' +
      'answering. Rows that cannot be used are counted by kind, never dropped silently.',
    options: [
      ['-o, --out FILE', 'the scenario to write (YAML; required)'],
      ['--format FORMAT', 'bank (the Anonymous Bank call log), generic (a row per contact) or intervals (default: from the header)'],
      ['--map COLUMN=FIELD', 'read a column as a field: arrival, queue, outcome, wait_seconds, handle_seconds, agent (or an interval field)'],
      ['--timezone ZONE', "the customers' IANA time zone of the records' clock (bank: Asia/Jerusalem, else UTC)"],
      ['--name NAME', 'the scenario name (default: Fitted from RECORDS)'],
    ],
    examples: ['followsun import january.tsv --out bank.yaml', 'followsun import calls.csv --map "Start Time=arrival" --timezone Europe/Berlin --out desk.yaml'],
  },
  backtest: {
    usage: 'followsun backtest SCENARIO RECORDS [options]   or   followsun backtest RECORDS --train-until DATE [options]',
    summary: 'Replay contact records with a scenario and the observed staffing: actual against simulated, hour by hour.',
    details:
      'Per hour: offered, answered, abandon rate, ASA, service level and occupancy, each with its bias,\n' +
      'mean absolute (percentage) error and the share of hours whose actual value lies inside the\n' +
      "simulation's 95% band. With --train-until, the scenario is fitted on the records before DATE and\n" +
      'tested on the rest (out of sample).',
    options: [
      ['--train-until DATE', 'fit on the records before DATE (YYYY-MM-DD, local), test on the rest'],
      ['--trend', "with --train-until: carry the volume's drift over the training days forward (default: their mean)"],
      ['--report FILE.html', 'write an HTML page with a chart per figure (actual as points, simulated as a band)'],
      ['--json', 'print figures.<name>.{ bias, mae, mape, insideBand } and the other grains as JSON'],
      ['--replications N', 'replications of the replay (default: the scenario\'s, at least 40 for a true 95% band)'],
      ['--seed S', 'random seed, overriding the file (a whole number)'],
      LARGE,
      ['--format FORMAT', 'bank, generic or intervals, as for import'],
      ['--map COLUMN=FIELD', 'read a column as a generic field, as for import'],
      ['--timezone ZONE', "the records' local time zone (default: the scenario's)"],
    ],
    examples: ['followsun backtest bank.yaml january.tsv --report backtest.html', 'followsun backtest january.tsv --train-until 1999-01-25 --json'],
  },
  schema: {
    usage: 'followsun schema',
    summary: "Print the scenario file's JSON Schema, every field described (for editor autocompletion).",
    options: [],
    examples: ['followsun schema > followsun.schema.json'],
  },
  help: {
    usage: 'followsun help [COMMAND]',
    summary: "List the commands, or show one command's help (the same as followsun COMMAND --help).",
    options: [],
    examples: ['followsun help sweep'],
  },
};

const COMMANDS_WIDTH = Math.max(...Object.keys(HELP).map((c) => c.length));
const USAGE = `followsun — 24/7 multilingual coverage-planning simulator for customer support

Usage: followsun COMMAND [arguments] [options]

Commands:
${Object.entries(HELP)
  .map(([command, h]) => `  ${command.padEnd(COMMANDS_WIDTH)}   ${h.summary}`)
  .join('\n')}

Run followsun COMMAND --help for its options and an example; followsun --version for the version.
Exit codes: 0 done; 1 a plan that misses a target (written all the same), output that cannot be
written to standard output, or an internal error; 2 bad input (the message names the file and
field); 130 interrupted (Ctrl-C) and 143 stopped by SIGTERM: run and sweep write what has
finished, marked partial, the other commands nothing.`;

/** A command's long options, as its help lists them, for "did you mean". */
const knownFlags = (command: string | undefined): string[] =>
  command && Object.hasOwn(HELP, command) ? [...HELP[command].options.map(([flag]) => flag).join(' ').matchAll(/--[\w-]+/g)].map((m) => m[0]) : [];

/** The short pointer printed under a command-line mistake. */
const usageHint = (command: string | undefined) =>
  command && HELP[command] ? `Usage: ${HELP[command].usage}\nRun followsun ${command} --help for the options.` : USAGE;

/** Options every simulating command takes. */
const SIMULATION_OPTIONS = {
  replications: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'allow-large-runs': { type: 'boolean', default: false },
} as const;

function simulationSettings(
  values: { replications?: string; seed?: string; workers?: string; 'allow-large-runs'?: boolean },
  minReplications: number,
) {
  return {
    replications: wholeNumber(values.replications, '--replications', minReplications),
    seed: wholeNumber(values.seed, '--seed'),
    workers: wholeNumber(values.workers, '--workers', 1),
    allowLargeRuns: values['allow-large-runs'],
  };
}

/** Each command: reads its flags and runs it, loading its module only then (so that `erlang`
 * loads neither the simulator nor the YAML parser). Returns the exit code. */
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...SIMULATION_OPTIONS,
        json: { type: 'boolean', default: false },
        csv: { type: 'string' },
        out: { type: 'string', short: 'o' },
        shard: { type: 'string' },
      },
    });
    const [{ runCommand }, { parseShard }] = await Promise.all([import('./run'), import('./shards')]);
    return runCommand({
      files: positionals,
      ...simulationSettings(values, 1),
      json: values.json,
      csvDir: values.csv,
      out: values.out,
      shard: parseShard(values.shard),
    });
  },
  compare: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...SIMULATION_OPTIONS, json: { type: 'boolean', default: false } },
    });
    const { compareCommand } = await import('./compare');
    // Two replications at least: a difference's interval needs them.
    return compareCommand({ files: positionals, ...simulationSettings(values, 2), json: values.json });
  },
  sweep: async (args) => {
    const { values, positionals } = parseArgs({
      args,
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
    const [{ sweepCommand }, { parseShard }] = await Promise.all([import('./sweep'), import('./shards')]);
    return sweepCommand({
      file: positionals[0],
      vary: values.vary ?? [],
      out: values.out,
      ...simulationSettings(values, 2),
      shard: parseShard(values.shard),
      report: values.report,
    });
  },
  plan: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...SIMULATION_OPTIONS,
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        report: { type: 'string' },
        compare: { type: 'boolean', default: false },
        'max-iterations': { type: 'string' },
      },
    });
    if (values.compare && positionals.length < 2) throw new UsageError('plan --compare needs at least two scenario files, the base first');
    if (values.compare && values.out) throw new UsageError('--out writes one planned scenario: plan each file on its own to keep it (--compare plans them to compare)');
    if (!values.compare && positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'plan needs a scenario file' : 'plan takes one scenario file (or, with --compare, two or more)');
    const { planCommand } = await import('./plan');
    return planCommand({
      files: positionals,
      compare: values.compare,
      out: values.out,
      json: values.json,
      report: values.report,
      maxIterations: maxIterations(values['max-iterations']),
      ...simulationSettings(values, 2),
    });
  },
  report: async (args) => (await import('./report')).reportCommand(args),
  merge: async (args) => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
    return (await import('./merge')).mergeCommand(positionals, values.out);
  },
  erlang: async (args) => (await import('./erlang')).erlangCommand(args),
  import: async (args) => (await import('./import')).importCommand(args),
  backtest: async (args) => (await import('./backtest')).backtestCommand(args),
  schema: async (args) => {
    if (args.length > 0) throw new UsageError(`schema takes no arguments (got ${args[0]}): followsun schema > followsun.schema.json`);
    process.stdout.write(`${JSON.stringify((await import('../sim/scenario/scenario')).scenarioJsonSchema(), null, 2)}\n`);
    return 0;
  },
  help: async ([topic]) => {
    if (topic !== undefined && !Object.hasOwn(HELP, topic)) throw new UsageError(`unknown command '${topic}' (the commands: ${Object.keys(HELP).join(', ')})`);
    process.stdout.write(`${topic === undefined ? USAGE : helpText(HELP[topic])}\n`);
    return 0;
  },
  '--version': async () => {
    process.stdout.write(`followsun ${(await import('./shards')).FOLLOWSUN_VERSION}\n`);
    return 0;
  },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && Object.hasOwn(HELP, command) && wantsHelp(rest)) {
    process.stdout.write(`${helpText(HELP[command])}\n`);
    return 0;
  }
  try {
    if (command !== undefined && Object.hasOwn(COMMANDS, command)) return await COMMANDS[command](rest);
    if (command !== undefined && command !== '--help' && command !== '-h') {
      throw new UsageError(`unknown command '${command}' (the commands: ${Object.keys(HELP).join(', ')})`);
    }
    process.stdout.write(`${USAGE}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const message = e instanceof UsageError ? e.message : plainParseError((e as Error).message, knownFlags(command), rest);
      process.stderr.write(`followsun: ${message}\n\n${usageHint(command)}\n`);
      return 2;
    }
    // A bug, not bad input: one line by default, the stack trace with FOLLOWSUN_DEBUG=1.
    if (process.env.FOLLOWSUN_DEBUG) throw e;
    process.stderr.write(`followsun: internal error: ${(e as Error).message} (run again with FOLLOWSUN_DEBUG=1 for details, and please report it)\n`);
    return 1;
  }
}
