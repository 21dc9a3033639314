// From contact records to a followsun scenario: demand streams per queue, handle times,
// patience and a typical week of the observed staffing, with a plain account of what was
// estimated and how (the file's leading comment, and the import's printout).
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { ContactRecord } from './records';
import { fitDemand, round4, trendLevel, weeklyDrift, type DemandFit } from './fit-demand';
import { fitHandleTime, type HandleTimeFit } from './fit-handle-time';
import { fitPatience, type PatienceFit } from './patience';
import { inferStaffing, typicalWeek, type ObservedStaffing, type TypicalShift } from './observed-staffing';
import { ASSUMED_HANDLE_CV, fitIntervalQueues, intervalStaffing, type IntervalRow } from './intervals';
import type { Distribution } from '../scenario/distribution-schema';
import { LIMITS } from '../scenario/schema-parts';
import { DAY_MS, daysText, isoDay, isoWithOffset } from './local-time';
import type { ScenarioInput } from '../scenario/scenario';
import { wordFor } from '../text/counted';

export interface QueueFit {
  queue: string;
  handleTime?: HandleTimeFit;
  patience?: PatienceFit;
}

export interface ScenarioFit {
  timezone: string;
  demand: DemandFit;
  queues: QueueFit[];
  staffing: ObservedStaffing;
  scenario: ScenarioInput;
  /** Why the pool has no staffing (agents: 0), when the records show nobody on the phones. */
  unstaffed?: string;
}

export interface FitOptions {
  timezone: string;
  name?: string;
  /** Where the records came from, for the scenario's description. */
  source?: string;
  /** Forecast for these days: volumes scaled by the fitted trend's level at their middle. */
  trendTo?: { firstDay: number; lastDay: number };
}

export function fitScenario(records: ContactRecord[], options: FitOptions): ScenarioFit {
  const { timezone } = options;
  const demand = fitDemand(records, timezone);
  const queues: QueueFit[] = demand.queues.map(({ queue }) => {
    const mine = records.filter((r) => r.queue === queue);
    const handles = mine.filter((r) => r.answered && r.handleSeconds > 0).map((r) => r.handleSeconds);
    return {
      queue,
      handleTime: handles.length > 0 ? fitHandleTime(handles) : undefined,
      patience: fitPatience(mine.map((r) => ({ seconds: r.waitSeconds, abandoned: !r.answered }))),
    };
  });
  const staffing = inferStaffing(records);
  const params = new Map(
    queues.map((q) => [q.queue, { handle: q.handleTime?.chosen ?? FALLBACK_HANDLE, patienceSeconds: q.patience?.meanSeconds }]),
  );
  const unstaffed = staffing.agents === 0 ? 'no answered contact names the agent who answered it' : undefined;
  const scenario = assemble(demand, params, typicalWeek(staffing, demand.daysWithData), describeFit(demand, queues, staffing, options, unstaffed), options, 30);
  return { timezone, demand, queues, staffing, scenario, unstaffed };
}

const FALLBACK_HANDLE = { dist: 'lognormal' as const, mean: 180, cv: 1 };

/** The scenario from its fitted parts: one stream per queue and kind of day, one pool. */
function assemble(
  demand: DemandFit,
  params: Map<string, { handle: Distribution; patienceSeconds?: number }>,
  shifts: TypicalShift[],
  description: string,
  options: FitOptions,
  intervalMinutes: number,
): ScenarioInput {
  const { timezone } = options;
  const cvOf = new Map(demand.queues.map((q) => [q.queue, q.dailyVolumeCv]));
  const trend = options.trendTo ? trendLevel(demand.trend, (options.trendTo.firstDay + options.trendTo.lastDay) / 2) : 1;
  const specialDays = demand.specialDays.map((s) => ({ date: isoDay(s.day), factor: s.factor }));
  return {
    name: options.name ?? `Fitted from ${options.source ?? 'contact records'}`,
    description,
    horizon: { start: isoWithOffset(timezone, demand.firstDay * DAY_MS), days: demand.lastDay - demand.firstDay + 1, warmupHours: 24 },
    intervalMinutes: intervalMinutes as ScenarioInput['intervalMinutes'],
    replications: 10,
    demand: demand.streams.map((s) => {
      const q = params.get(s.queue)!;
      return {
        id: s.id,
        language: s.queue,
        channel: 'voice' as const,
        timezone,
        volume: { perWeek: round4(s.perWeek * trend) },
        pattern: { hourly: s.hourly, weekday: s.weekday },
        dailyVolumeCv: cvOf.get(s.queue) ?? 0,
        ...(specialDays.length > 0 ? { specialDays } : {}),
        handleTime: q.handle,
        ...(q.patienceSeconds !== undefined ? { patience: { dist: 'exponential' as const, mean: Math.min(Math.max(q.patienceSeconds, 0.1), LIMITS.durationSeconds) } } : {}),
      };
    }),
    staffing: [
      {
        id: 'agents',
        type: 'in-house' as const,
        timezone,
        skills: demand.queues.map((q) => q.queue),
        channels: ['voice' as const],
        ...(shifts.length > 0 ? { shifts } : { agents: 0 }),
      },
    ],
  };
}

/** A scenario from an interval table (rows in time order). */
export function fitScenarioFromIntervals(rows: IntervalRow[], intervalMinutes: number, options: FitOptions): ScenarioFit {
  const demand = fitDemand(rows.map((r) => ({ queue: r.queue, arrivalLocalMs: r.startLocalMs, count: r.offered })), options.timezone);
  const fits = fitIntervalQueues(rows);
  const staffing = intervalStaffing(rows, intervalMinutes);
  const params = new Map(
    fits.map((q) => [
      q.queue,
      {
        handle: Number.isFinite(q.ahtSeconds) && q.ahtSeconds > 0 ? { dist: 'lognormal' as const, mean: Math.max(0.1, Math.round(q.ahtSeconds * 10) / 10), cv: ASSUMED_HANDLE_CV } : FALLBACK_HANDLE,
        patienceSeconds: q.patienceSeconds !== undefined ? Math.round(q.patienceSeconds * 10) / 10 : undefined,
      },
    ]),
  );
  const lines = [
    `Fitted by followsun import from the interval table ${options.source ?? ''} (${intervalMinutes}-minute intervals): ${isoDay(demand.firstDay)} to ${isoDay(demand.lastDay)}, local time ${options.timezone}.`,
    `Demand: as from call records — one stream per queue and kind of day (${demand.groups.map((g) => g.name).join(' / ')}), mean offered per weekday over ordinary days, hourly weights, dailyVolumeCv.`,
    ...(demand.specialDays.length > 0 ? [`Special days: ${demand.specialDays.map((s) => `${isoDay(s.day)} ×${s.factor}`).join(', ')}.`] : []),
    trendText(demand, options),
    ...(demand.missingDays.length > 0 ? [missingDaysText(demand)] : []),
    `Handle time: lognormal with the table's average handle time and an assumed cv of ${ASSUMED_HANDLE_CV} (a table gives no spread).`,
    "Patience: exponential, total waiting time ÷ abandons (the censored estimator's formula; answered waits from ASA, abandoners' waits from abandon_wait_seconds or else ASA).",
    ...fits.map(
      (q) =>
        `  ${q.queue}: ${q.offered} offered, ${q.abandoned} abandoned; AHT ${Number.isFinite(q.ahtSeconds) ? `${q.ahtSeconds.toFixed(0)} s` : 'unknown (default used)'}; patience ${q.patienceSeconds !== undefined ? `${q.patienceSeconds.toFixed(0)} s` : 'not estimated (no abandons or no waits)'}`,
    ),
  ];
  const unstaffed =
    staffing.agents > 0 ? undefined : rows.some((r) => Number.isFinite(r.agents)) ? 'the agents column shows nobody on the phones' : 'the table has no agents column';
  lines.push(
    unstaffed
      ? unstaffedText(unstaffed)
      : `Staffing: the table's agents per interval (summed over queues; ${staffing.agents} at most); the shifts below are its typical week.`,
  );
  const scenario = assemble(demand, params, typicalWeek(staffing, demand.daysWithData), lines.join('\n'), options, intervalMinutes);
  return { timezone: options.timezone, demand, queues: fits.map((q) => ({ queue: q.queue })), staffing, scenario, unstaffed };
}

function trendText(demand: DemandFit, options: FitOptions): string {
  const t = demand.trend;
  const weekly = weeklyDrift(t);
  const drift = weekly ? `the volume drifted ${weekly}` : 'too few ordinary days for a trend';
  if (!options.trendTo) return `Trend: ${drift}; volumes are the period's mean (no trend carried forward).`;
  const level = trendLevel(t, (options.trendTo.firstDay + options.trendTo.lastDay) / 2);
  return `Trend: ${drift}; volumes scaled by ${level.toFixed(3)}, its level carried forward to ${isoDay(options.trendTo.firstDay)}–${isoDay(options.trendTo.lastDay)}.`;
}

/** The description's staffing line when the records show nobody on the phones (`why`). */
function unstaffedText(why: string): string {
  return `Staffing: none — ${why}, so the pool below has agents: 0 (every contact would be abandoned); give it shifts or agents before running the scenario.`;
}

function missingDaysText(demand: DemandFit): string {
  return `Days with no records at all (a gap in the data, not fitted): ${daysText(demand.missingDays.map(isoDay))}.`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The days a scenario was fitted on, as its description's first line says them (describeFit's
 * and the interval fit's "Fitted by followsun import from …: 1999-01-01 to 1999-01-31, local time
 * …"), or undefined for a scenario that does not say: the back-test tells a replay of those very
 * days (in sample) from a test of a forecast. */
export function fittedPeriod(description: string | undefined): { source: string; from: string; to: string } | undefined {
  const m = /^Fitted by followsun import from (?:the interval table )?(.*?)(?: \(\d+-minute intervals\))?: (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}), local time /.exec(description ?? '');
  return m ? { source: m[1], from: m[2], to: m[3] } : undefined;
}

/** What was estimated and how, in the scenario's own words (its description). */
export function describeFit(demand: DemandFit, queues: QueueFit[], staffing: ObservedStaffing, options: FitOptions, unstaffed?: string): string {
  const lines = [
    `Fitted by followsun import from ${options.source ?? 'contact records'}: ${isoDay(demand.firstDay)} to ${isoDay(demand.lastDay)}, local time ${options.timezone}.`,
    `Demand: one stream per queue and kind of day (${demand.groups.map((g) => g.name).join(' / ')}: weekdays whose hourly curves differ get streams of their own); ` +
      'volume = mean contacts offered per weekday over ordinary days; hourly weights from those days; ' +
      'dailyVolumeCv = day-to-day variation beyond Poisson noise.',
  ];
  if (demand.specialDays.length > 0) lines.push(`Special days (volume below 60% or above 160% of their weekday's median): ${demand.specialDays.map((s) => `${isoDay(s.day)} ×${s.factor}`).join(', ')}.`);
  lines.push(trendText(demand, options));
  if (demand.missingDays.length > 0) lines.push(missingDaysText(demand));
  lines.push('Handle time: lognormal by maximum likelihood when its Kolmogorov-Smirnov distance D ≤ 0.05, else the empirical histogram (a bin per 2.5% of calls, finer in the tail).');
  lines.push('Patience: exponential, maximum likelihood with answered calls as right-censored (total wait ÷ callers who hung up); checked against Kaplan-Meier.');
  const days = demand.daysWithData.length;
  for (const q of queues) {
    const h = q.handleTime;
    const p = q.patience;
    // The fitted arrival rate, as the scenario's streams have it: contacts a week, by kind of day.
    const d = demand.queues.find((x) => x.queue === q.queue);
    const streams = demand.streams.filter((s) => s.queue === q.queue);
    const rate = d
      ? `${d.offered} offered in ${days} ${wordFor(days, 'day')} with records, ${d.perWeek} a week${streams.length > 1 ? ` (${streams.map((s) => `${s.group.name} ${s.perWeek}`).join(', ')})` : ''}; `
      : '';
    lines.push(
      `  ${q.queue}: ${rate}handle ${h ? `${h.choice} (n=${h.n}, mean ${h.meanSeconds.toFixed(0)} s; lognormal mean ${h.lognormal.meanSeconds} s cv ${h.lognormal.cv}, D=${h.lognormal.ks.toFixed(3)}; empirical D=${h.empiricalKs.toFixed(3)})` : 'none answered (default used)'}; ` +
        `patience ${p ? `${p.meanSeconds} s ± ${p.standardErrorSeconds.toFixed(0)} (${p.abandoned} hung up of ${p.offered}, ${pct(p.censoredShare)} censored; naive mean of hang-ups ${p.naiveMeanSeconds.toFixed(0)} s; Kaplan-Meier gap ${p.kaplanMeierGap.toFixed(3)})` : 'nobody hung up (no abandonment)'}`,
    );
  }
  if (unstaffed) {
    lines.push(unstaffedText(unstaffed));
    return lines.join('\n');
  }
  lines.push(
    `Staffing: ${staffing.agents} ${wordFor(staffing.agents, 'agent')} seen answering; on the phones from a call's start to the end of their last call before a pause over 15 min ` +
      '(up to 4 h when no caller waited over 20 s meanwhile). ' +
      'The shifts below are the typical week of that (mean per weekday and half hour); followsun backtest replays the observed sessions themselves.',
  );
  return lines.join('\n');
}

/** Records carry no costs: a fitted scenario's pool costs nothing until told (a run shows 0.00). */
export const COST_NOTE =
  "Costs: not in the records, so the pool costs 0 until you set staffing[0].cost.perHour (per paid agent hour; or perProductiveHour, perContact, perHandledMinute), in the scenario's currency (EUR unless currency says otherwise).";

/** The scenario as YAML, its description repeated as the file's leading comment (and the note on
 * costs before the staffing). */
export function scenarioYaml(fit: ScenarioFit): string {
  const comment = String(fit.scenario.description ?? '')
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n');
  const doc = new Document(fit.scenario, { aliasDuplicateObjects: false });
  // Lists of numbers and small mappings of plain values (a shift, a special day) on one line.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
    Map(_, node, path) {
      if (node.items.length <= 4 && node.items.every((p) => isScalar(p.value)) && isSeq(path[path.length - 1])) node.flow = true;
    },
    // Clock times quoted, as the README's examples write them: YAML 1.1 readers (PyYAML, Go's
    // yaml.v2) read an unquoted 10:00 as the number 600, and 07:00 as text.
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{1,2}:\d{2}$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const staffing = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'staffing') : undefined;
  if (staffing && isScalar(staffing.key)) staffing.key.commentBefore = ` ${COST_NOTE}`;
  return `${comment}\n${doc.toString({ lineWidth: 0 })}`;
}
