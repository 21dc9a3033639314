// The Plan action's logic without a browser: which scenarios have open shifts, the planned roster
// as rows (per pool, in the pool's local time, with where each shift sits in the day), the before
// and after figures, and the planned scenario written back into the file's own text as a variant.
import { parseDocument, stringify } from 'yaml';
import { plannedYaml } from '../../sim/plan/planned-yaml';
import type { Estimate } from '../../sim/stats/confidence';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { PlanResult } from '../../sim/plan/planner';
import type { PlannedShift } from '../../sim/plan/candidates';
import type { Scenario } from '../../sim/scenario/scenario';
import type { PlanStep } from '../sim-protocol';
import { expandShift } from '../../sim/model/roster';
import { programmeProblem } from '../../sim/plan/programme-size';
import { planningRoundsAtMost, planningRunsAtMost } from '../../sim/plan/trim';
import { heldOnlyWithItsSeed } from '../../sim/plan/rounds-text';
import { big, checkWork, estimateWork } from '../../sim/scenario/work-estimate';
import { displayName, newDocId, withText, type ScenarioDoc } from './scenario-doc';
import { timeOnOneCore } from './run-limits';
import { formatValue, wordFor, type Unit } from './format';

/** Is any head count left to the planner (agents `auto` or `{ min, max }`, or `startBetween`)? */
export function openShiftCount(s: Scenario | null | undefined): number {
  if (!s) return 0;
  return s.staffing.reduce(
    (n, p) => n + (p.type === 'ai' ? 0 : (p.shifts ?? []).reduce((k, spec) => k + expandShift(spec).filter((c) => typeof c.agents !== 'number').length, 0)),
    0,
  );
}

const minutesOf = (t: string) => {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + (m || 0);
};

export interface RosterRow {
  days: string;
  start: string;
  end: string;
  agents: number;
  /** Parts of the day the shift covers, as [from, to) in percent of 24 h (two when it runs past midnight). */
  segments: [number, number][];
  /** Paid hours of one agent on one day of the shift. */
  hours: number;
}

export interface RosterPool {
  id: string;
  timezone: string;
  rows: RosterRow[];
  /** Agents on the planned shifts (a head count per shift, summed). */
  agents: number;
}

export function daysText(days: string | string[]): string {
  return Array.isArray(days) ? days.join(', ') : days;
}

/** The plan's shifts per pool (pools in the scenario's order), earliest start first. */
export function rosterOf(result: Pick<PlanResult, 'plan'>, scenario: Scenario): RosterPool[] {
  return scenario.staffing.flatMap((p) => {
    const shifts: PlannedShift[] | undefined = result.plan[p.id];
    if (p.type === 'ai' || !shifts) return [];
    const rows = shifts
      .map((s): RosterRow => {
        const from = minutesOf(s.start);
        const to = minutesOf(s.end);
        const pct = (m: number) => (m / 1440) * 100;
        const segments: [number, number][] = to > from ? [[pct(from), pct(to)]] : [[pct(from), 100], ...(to > 0 ? [[0, pct(to)] as [number, number]] : [])];
        return { days: daysText(s.days), start: s.start, end: s.end, agents: s.agents, segments, hours: ((to > from ? to : to + 1440) - from) / 60 };
      })
      .sort((a, b) => minutesOf(a.start) - minutesOf(b.start) || a.days.localeCompare(b.days));
    return [{ id: p.id, timezone: p.timezone ?? 'UTC', rows, agents: rows.reduce((n, r) => n + r.agents, 0) }];
  });
}

export interface PlanDelta {
  key: string;
  label: string;
  unit: Unit;
  before: number | null;
  after: number | null;
  /** after − before, or null when either is missing. */
  delta: number | null;
  /** Did the plan make it better (true), worse (false), or is it even / unknown (null)? */
  better: boolean | null;
}

const mean = (e: Estimate | undefined) => e?.mean ?? null;

/** Cost per month, per contact and per resolved customer, gap hours, and each channel's service
 * level: before (the scenario as it stands, open shifts at their minimum) and after the plan. */
export function planDeltas(before: ScenarioResult | null, after: ScenarioResult): PlanDelta[] {
  const row = (key: string, label: string, unit: Unit, lowerIsBetter: boolean, b: number | null, a: number | null): PlanDelta => {
    const delta = a !== null && b !== null ? a - b : null;
    const better = delta === null || Math.abs(delta) < 1e-12 ? null : lowerIsBetter ? delta < 0 : delta > 0;
    return { key, label, unit, before: b, after: a, delta, better };
  };
  const s = (r: ScenarioResult | null, f: keyof ScenarioResult['summary']) => (r ? mean(r.summary[f]) : null);
  return [
    row('costPerMonth', 'Cost per month', 'money', true, s(before, 'costPerMonth'), s(after, 'costPerMonth')),
    row('costPerContact', 'Cost per contact', 'money', true, s(before, 'costPerContact'), s(after, 'costPerContact')),
    row('costPerResolvedCustomer', 'Cost per resolved customer', 'money', true, s(before, 'costPerResolvedCustomer'), s(after, 'costPerResolvedCustomer')),
    row('gapHours', 'Coverage gap', 'hours', true, s(before, 'gapHours'), s(after, 'gapHours')),
    ...Object.keys(after.channels).map((c) =>
      row(`serviceLevel:${c}`, `Service level, ${c}`, 'fraction', false, before?.channels[c] ? mean(before.channels[c].serviceLevel) : null, mean(after.channels[c].serviceLevel)),
    ),
  ];
}

/** The planned scenario as a new variant of `doc`: the file's own text (comments kept) with the
 * shifts of every pool that had open ones replaced by the plan's, named "… (planned)". */
export function plannedDoc(doc: ScenarioDoc, planned: Scenario, taken: ScenarioDoc[]): ScenarioDoc {
  if (!(doc.scenario ?? doc.lastValid)) throw new Error('the scenario has no staffing to plan');
  const source = doc.format === 'json' ? stringify(parseDocument(doc.text).toJS()) : doc.text;
  const yaml = parseDocument(plannedYaml(source, planned));
  const baseName = displayName(doc).replace(/ \(planned( \d+)?\)$/, '');
  const baseFile = doc.fileName.replace(/(-planned(-\d+)?)?\.(ya?ml|json)$/i, '');
  let n = 1;
  const suffix = (k: number) => (k === 1 ? '' : ` ${k}`);
  const fileOf = (k: number) => `${baseFile}-planned${k === 1 ? '' : `-${k}`}.yaml`;
  while (taken.some((d) => displayName(d) === `${baseName} (planned${suffix(n)})` || d.fileName === fileOf(n))) n++;
  yaml.set('name', `${baseName} (planned${suffix(n)})`);
  const text = yaml.toString({ lineWidth: 0 });
  const made = withText({ ...doc, id: newDocId(), origin: 'variant', format: 'yaml', fileName: fileOf(n) }, text);
  return { ...made, originalText: made.text };
}

/** What the planner's "met" means for one plan, in the words the headline uses. The planner
 * (sim/plan/targets.ts targetsMet) calls a plan met when every language × channel's service level,
 * pooled over the hours a pool can work, is at or above its target AND the hours below target are at
 * most `plan.belowTargetShare` (default 2%) of the hours with demand a pool can work. So a met plan
 * can still have hours below target by the mean: the headline's. The panel says both, and which
 * round it shows (the best: not always the last); when not met, each language × channel that
 * misses, as `followsun plan` does. */
export function planMetText(
  r: Pick<PlanResult, 'met' | 'unmet' | 'scenario' | 'verification'> & Partial<Pick<PlanResult, 'round' | 'iterations' | 'misses' | 'allowedHoursBelowTarget' | 'reachableDemandHours'>>,
): { title: string; detail: string } {
  const v = r.verification;
  const share = r.scenario.plan?.belowTargetShare ?? 0.02;
  const below = v.summary.hoursBelowTarget;
  const belowHours = below.mean ?? 0;
  const demand = v.summary.demandHours.mean ?? 0;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const queues = Object.entries(v.queues)
    .filter(([, q]) => (q.hoursBelowTarget.mean ?? 0) > 0)
    .map(([k, q]) => `${k.replace('/', ' ')} ${formatValue(q.hoursBelowTarget.mean, 'hours')}`);
  const range = below.ci95 ? ` (95% CI ${formatValue(below.ci95[0], 'hours')} to ${formatValue(below.ci95[1], 'hours')})` : '';
  const reachable = r.reachableDemandHours ?? demand;
  const hoursText = belowHours > 0
    ? `${formatValue(belowHours, 'hours')} below target by the hour's mean service level${range}${queues.length ? `: ${queues.join(', ')}` : ''} — ${pct(reachable > 0 ? belowHours / reachable : 0)} of the ${formatValue(reachable, 'hours')} with demand${r.reachableDemandHours !== undefined ? ' a pool can work' : ''}; the planner allows up to ${pct(share)}.`
    : 'no hour below target.';
  const where = r.unmet.length ? ' in the hours a pool can work' : '';
  const rounds = r.iterations?.length ?? 0;
  const round = r.round !== undefined && rounds > 1
    ? ` Round ${r.round} of ${rounds} is shown${r.round === rounds ? '' : r.met ? ': the cheapest that meets the targets' : ': the fewest hours below target'}.`
    : '';
  const misses = (r.misses ?? []).map(
    (m) => `${m.queue.replace('/', ' ')} ${formatValue(m.hoursBelowTarget, 'hours')} below target, service level ${m.serviceLevel === null ? '–' : pct(m.serviceLevel)} against ${pct(m.target)}`,
  );
  const tooMany = belowHours > (r.allowedHoursBelowTarget ?? share * reachable);
  if (heldOnlyWithItsSeed(r)) {
    return {
      title: 'targets not met — met with this seed, not with other random numbers',
      detail: `Not met: with the scenario's seed, each language × channel's service level over the hours a pool can work is at or above its target, with ${hoursText} But checked with other random numbers (a second seed, the same replications) it fell short, and the planner passes a plan only when it holds with both; more replications make the two runs agree more often.${round}`,
    };
  }
  return r.met
    ? {
        title: `targets met${where} — ${belowHours > 0 ? `${formatValue(belowHours, 'hours')} below target, within the ${pct(share)} allowed` : 'no hour below target'}`,
        detail: `Met, as the planner judges it: each language × channel's service level over the hours a pool can work is at or above its target, with ${hoursText}${round}`,
      }
    : {
        title: tooMany ? `targets not met — ${formatValue(belowHours, 'hours')} below target, more than the ${pct(share)} allowed` : 'targets not met — a service level below its target',
        detail: `Not met: ${tooMany ? 'more hours than the planner allows are below target' : "a language × channel's service level over the hours a pool can work is below its target"}; ${hoursText}${misses.length ? ` Missing: ${misses.join('; ')}.` : ''}${round}`,
      };
}

/** The planner's progress in a line: correction rounds are counted against their limit; trim
 * rounds, which try a cheaper plan once one meets the targets, come after it. */
export function planProgressText(s: PlanStep): string {
  const round = s.phase === 'correct' ? `round ${s.iteration} (of at most ${s.maxIterations})` : `round ${s.iteration}, trying a cheaper plan`;
  const what =
    s.step === 'solving'
      ? 'solving the staffing programme'
      : `${s.step === 'checking' ? 'checking it with other random numbers' : 'simulating the plan'}, ${s.done} of ${s.total} replications`;
  return `Planning… ${round}: ${what}`;
}

/** What Plan may start by itself: the checks `followsun plan` makes before planning. */
export type PlanCheck = { kind: 'ok' } | { kind: 'ask'; text: string } | { kind: 'refuse'; text: string };

/** The checks `followsun plan` makes before planning, in the app: the solver's programme within
 * its limits (sim/plan/programme-size), and the work of every run the planner may simulate —
 * each correction and trim round with the file's seed and, when it meets the targets, a second
 * one, as the CLI counts them — within the work limits (memory: the rounds' results kept). Beyond those the CLI refuses without --allow-large-runs; the app asks, as it
 * does before a run (src/lib/run-limits.ts), and refuses what the CLI refuses even with it. */
export function planCheck(s: Scenario, maxIterations: number): PlanCheck {
  const tooLarge = programmeProblem(s);
  if (tooLarge) return { kind: 'refuse', text: `${tooLarge.field}: ${tooLarge.message}.` };
  const runs = planningRunsAtMost(maxIterations);
  let estimate;
  try {
    estimate = estimateWork(s, { points: planningRoundsAtMost(maxIterations), runs });
  } catch (e) {
    return { kind: 'refuse', text: `the work planning asks for cannot be estimated (${(e as Error).message}).` };
  }
  const check = checkWork(estimate, (field) => field, { allowLargeRuns: true });
  if (check.problems.length > 0) return { kind: 'refuse', text: `${check.problems[0]}.` };
  if (!check.large) return { kind: 'ok' };
  const r = estimate.replications;
  return {
    kind: 'ask',
    text:
      `Planning simulates the scenario up to ${runs} times (each round with the file's seed and, when it meets the targets, a second one): about ${big(estimate.contacts)} contacts ` +
      `(${r} ${wordFor(r, 'replication')} × ${runs} runs × about ${big(estimate.contactsPerReplication)} each), above the limit a plan starts with by itself ` +
      `(followsun plan refuses it without --allow-large-runs): on one core, about ${timeOnOneCore(estimate.contacts)}. Plan anyway?`,
  };
}
