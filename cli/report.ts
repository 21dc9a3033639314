// `followsun report base.yaml variant.yaml [more…] -o case.html`: compares the scenarios with
// common random numbers and writes the outsourcing case as one self-contained HTML file.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ScenarioError, type Scenario } from '../sim/scenario/scenario';
import type { WorkEstimate } from '../sim/scenario/work-estimate';
import { caseReportHtml } from '../report/case-report';
import { helpText, largeRunsAllowed, plainParseError, UsageError, wholeNumber } from './arguments';
import { checkScenarioWork, comparisonTogetherProblem, displayPath, outputProblem, writeFileAtomic } from './files';
import { loadAll, runComparison } from './compare';
import { REPORT_HELP } from './report-help';
import { interruptedExitCode } from './interrupt';

export interface ComparisonOptions {
  replications?: number;
  seed?: number;
  workers?: number;
}

const fail = (message: string) => {
  process.stderr.write(`followsun report: ${message}\n`);
  return 2;
};

/** What the command line asks for, once its flags are read. */
interface ReportRequest {
  out: string | undefined;
  files: string[];
  options: ComparisonOptions;
  allowLargeRuns: boolean;
}

export async function reportCommand(args: string[]): Promise<number> {
  const request = readReportFlags(args);
  if (typeof request === 'number') return request;
  const { out, files, options } = request;
  if (!out) return fail('-o/--out: expected the HTML file to write, as in: followsun report base.yaml variant.yaml -o case.html');
  const filesProblem = scenarioFilesProblem(files);
  if (filesProblem) return fail(filesProblem);
  // The output is checked before the simulation, not after.
  const outProblem = outputProblem(out, 'case.html', files);
  if (outProblem) return fail(`-o ${out}: ${outProblem}`);

  const scenarios = loadScenarios(request);
  if (typeof scenarios === 'number') return scenarios;
  const currencies = [...new Set(scenarios.map((s) => s.currency))];
  if (currencies.length > 1) return fail(`the scenarios use different currencies (${currencies.join(', ')}); a comparison needs one`);
  return compareAndWrite(scenarios, files, options, out);
}

/** The flags read and checked, or the exit code when that is all there is to do (--help, a usage mistake). */
function readReportFlags(args: string[]): ReportRequest | number {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        replications: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        'allow-large-runs': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(`${helpText(REPORT_HELP)}\n`);
      return 0;
    }
    return {
      out: values.out,
      files: positionals,
      allowLargeRuns: values['allow-large-runs'],
      options: {
        replications: wholeNumber(values.replications, '--replications', 1),
        seed: wholeNumber(values.seed, '--seed'),
        workers: wholeNumber(values.workers, '--workers', 1),
      },
    };
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const known = [...REPORT_HELP.options.map(([flag]) => flag).join(' ').matchAll(/--[\w-]+/g)].map((m) => m[0]);
      return fail(plainParseError((e as Error).message, known, args));
    }
    throw e;
  }
}

/** Too few scenario files, or a folder among them; a missing file is reported when loaded. */
function scenarioFilesProblem(files: string[]): string | undefined {
  if (files.length < 2) {
    return `expected at least two scenario files, the base first, then the variant(s); got ${files.length === 0 ? 'none' : files.join(', ')}`;
  }
  for (const f of files) {
    let folder = false;
    try {
      folder = statSync(f).isDirectory();
    } catch {
      // reported when loaded
    }
    if (folder) return `${displayPath(f)} is a folder: name the scenario files, the base first`;
  }
  return undefined;
}

/** The scenarios, each checked against the work limits and all of them for the memory their
 * results keep together; or exit code 2, their problems written. */
function loadScenarios({ files, options, allowLargeRuns }: ReportRequest): Scenario[] | number {
  try {
    const scenarios = loadAll(files);
    // Every scenario runs with the base's replications (common random numbers).
    const replications = options.replications ?? scenarios[0].replications;
    const estimates: WorkEstimate[] = [];
    const problems = scenarios.flatMap((s, k) => {
      const work = checkScenarioWork(s, displayPath(files[k]), {
        replications,
        replicationsSource: options.replications !== undefined ? '--replications' : `replications (the base's, ${replications})`,
        allowLargeRuns: largeRunsAllowed(allowLargeRuns),
        // What a report keeps of it (CASE_REPORT_BYTES in sim/scenario/work-estimate.ts), not a run's result: one year of 5-minute
        // intervals was refused below a 1.26 GB heap though a report of it takes about 250 MB.
        comparison: { json: false },
      });
      estimates.push(work.estimate);
      return work.problems;
    });
    if (problems.length === 0) {
      // Every scenario's result is kept until the page is written (they are built together at the
      // end): 25 year-long scenarios of 5-minute intervals took 6.2 GB. Measured for a report
      // (CASE_REPORT_BYTES in sim/scenario/work-estimate.ts), not a run's results: a run's estimate refused 16 scenarios that fit in a 1 GB heap.
      const together = comparisonTogetherProblem(files.map(displayPath), estimates, {
        until: 'until the report is written',
        instead: 'report fewer scenarios at once, lengthen intervalMinutes or shorten the horizon',
      });
      if (together) problems.push(together);
    }
    if (problems.length > 0) throw new ScenarioError(problems);
    return scenarios;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(`${e.problems.join('\n')}\n`);
    return 2;
  }
}

/** Runs the comparison and writes the case report to `out`. */
async function compareAndWrite(scenarios: Scenario[], files: string[], options: ComparisonOptions, out: string): Promise<number> {
  const shown = files.map(displayPath);
  const comparison = await runComparison(scenarios, {
    ...options,
    command: 'report',
    files: shown,
    label: `Comparing ${scenarios.length} scenarios: replication`,
  });
  if (!comparison) {
    fail('interrupted: no report written');
    return interruptedExitCode();
  }

  const html = caseReportHtml({ scenarios, files: shown, comparison, generatedAt: new Date().toISOString() });
  try {
    writeFileAtomic(out, html);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`${out}: cannot write (${code ?? (e as Error).message})`);
  }
  const replications = comparison.scenarios[0].replications;
  process.stdout.write(`Wrote ${displayPath(out)}: ${scenarios.length} scenarios, ${replications} replication${replications === 1 ? '' : 's'} each\n`);
  return 0;
}
