// `followsun plan`: the least-cost head counts for a scenario's open shifts, with the simulation
// that proves they meet the targets.
import { readFileSync } from 'node:fs';
import { ResultBuilder, type ScenarioResult } from '../sim/metrics';
import type { CompiledModel } from '../sim/model';
import { shiftWeekHours } from '../sim/roster';
import { plan, type PlanResult } from '../sim/plan/planner';
import { plannedYaml } from '../sim/plan/planned-yaml';
import { UsageError } from './arguments';
import { DEFAULT_SCENARIO, displayPath, loadScenario, writeFileAtomic } from './files';
import { formatEstimate, formatNumber, table } from './format';
import { runJobs } from './parallel';

export interface PlanOptions {
  file?: string;
  out?: string;
  json: boolean;
  replications?: number;
  seed?: number;
  workers?: number;
  maxIterations?: number;
}

const HOURS_PER_FTE = 40;
const WEEK_SECONDS = 7 * 86400;
const AVERAGE_MONTH_SECONDS = (365.25 / 12) * 86400;

export async function planCommand(options: PlanOptions): Promise<number> {
  const path = options.file ?? DEFAULT_SCENARIO;
  const file = displayPath(path);
  const scenario = loadScenario(path);
  const input = {
    ...scenario,
    seed: options.seed ?? scenario.seed,
    replications: options.replications ?? scenario.replications,
  };
  const started = Date.now();
  const result = await plan(input, {
    maxIterations: options.maxIterations,
    simulate: (model) => simulateOnWorkers(model, options.workers),
    onProgress: (step, iteration) => process.stderr.write(`Planning: iteration ${iteration}, ${step}…\n`),
  });
  const seconds = (Date.now() - started) / 1000;
  if (result.iterations.length === 0) throw new UsageError(`${file}: nothing to plan`);

  if (options.out) {
    const text = options.out.toLowerCase().endsWith('.json')
      ? `${JSON.stringify(result.scenario, null, 2)}\n`
      : plannedYaml(readFileSync(path, 'utf8'), result.scenario);
    writeFileAtomic(options.out, text);
    process.stderr.write(`Wrote the planned scenario to ${options.out}\n`);
  }
  const r = result.verification;
  const cost = costs(r);
  if (options.json) {
    const document = {
      plan: result.plan,
      cost,
      met: result.met,
      unmet: result.unmet,
      iterations: result.iterations,
      verification: { file, ...r },
    };
    process.stdout.write(`${JSON.stringify(document, (_, v) => (v === Infinity ? null : v), 2)}\n`);
  } else {
    process.stdout.write(`${planText(file, result, cost, seconds)}\n`);
  }
  return 0;
}

function simulateOnWorkers(model: CompiledModel, workers?: number): Promise<ScenarioResult> {
  const builder = new ResultBuilder(model);
  return runJobs([model], (_, __, figures) => builder.add(figures), { workers }).then(() => builder.result());
}

function costs(r: ScenarioResult) {
  const reported = (Date.parse(r.end) - Date.parse(r.start)) / 1000;
  const total = r.summary.costTotal.mean ?? 0;
  return {
    perWeek: (total * WEEK_SECONDS) / reported,
    perMonth: (total * AVERAGE_MONTH_SECONDS) / reported,
    perContact: r.summary.costPerContact.mean,
    perResolvedCustomer: r.summary.costPerResolvedCustomer.mean,
  };
}

function planText(file: string, p: PlanResult, cost: ReturnType<typeof costs>, seconds: number): string {
  const r = p.verification;
  const money = (x: number | null) => formatNumber(x ?? NaN, 'money', r.currency);
  const lines = [`Plan for ${r.name}  (${file})`, ''];
  const rows = [['Pool', 'Days', 'Shift (local time)', 'Agents', 'Paid h/week', 'FTEs']];
  const reportedWeeks = (Date.parse(r.end) - Date.parse(r.start)) / 1000 / WEEK_SECONDS;
  for (const [pool, shifts] of Object.entries(p.plan)) {
    for (const s of shifts) {
      const hours = shiftWeekHours(s) * s.agents;
      rows.push([pool, String(s.days), `${s.start}–${s.end}`, String(s.agents), formatNumber(hours, 'count'), (hours / HOURS_PER_FTE).toFixed(1)]);
    }
    if (shifts.length === 0) rows.push([pool, '', 'nobody needed', '0', '0', '0.0']);
  }
  lines.push(table(rows), '');
  lines.push(
    table([
      ['Cost per week', money(cost.perWeek)],
      ['Cost per month', money(cost.perMonth)],
      ['Cost per contact', money(cost.perContact)],
      ['Cost per resolved customer', money(cost.perResolvedCustomer)],
    ]),
    '',
  );
  lines.push(`Proof: the planned scenario simulated, ${r.replications} replications, ${Number(reportedWeeks.toFixed(2))} weeks (95% confidence intervals)`);
  lines.push(
    table([
      ['Language / channel', 'Target', 'Service level', 'Hours below target', 'Uncovered hours'],
      ...Object.entries(r.queues).map(([key, g]) => {
        const t = r.channelTargets[key.split('/')[1]];
        return [key, formatNumber(t.target, 'fraction'), formatEstimate(g.serviceLevel, 'fraction', '', true), formatNumber(g.hoursBelowTarget.mean ?? NaN, 'count'), formatNumber(g.uncoveredHours.mean ?? NaN, 'count')];
      }),
    ]),
    '',
    table([
      ['Pool', 'Occupancy', 'On phones'],
      ...Object.entries(r.pools)
        .filter(([, x]) => x.type !== 'ai')
        .map(([id, x]) => [id, formatEstimate(x.occupancy, 'fraction', '', true), `${(x.agentsOnPhones?.mean ?? 0).toFixed(1)} avg`]),
    ]),
    '',
  );
  const s = r.summary;
  lines.push(
    `Hours below target: ${formatNumber(s.hoursBelowTarget.mean ?? NaN, 'count')} of ${formatNumber(s.demandHours.mean ?? NaN, 'count')} language × channel hours with demand; uncovered: ${formatNumber(s.uncoveredHours.mean ?? NaN, 'count')}.`,
  );
  lines.push(p.met ? 'Every target is met.' : 'Not every target is met:');
  for (const u of p.unmet) lines.push(`  - ${u}`);
  const its = p.iterations;
  lines.push(`Planned in ${seconds.toFixed(1)} s, ${its.length} simulate-and-correct iteration${its.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
