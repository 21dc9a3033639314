// The coverage heatmap's data: sim/'s coverage per language × channel folded into hours of the week
// in the display time zone. Every row is one queue (language × channel) measured against its own
// channel's threshold and target: there is no blended target. Cells are built from sim/'s hourly
// gap flags (`coverage[k].hours`: uncovered, below target), so the hatched and below-target cells of
// a row add up to that queue's `uncoveredHours` and `hoursBelowTarget`, the rows of a language to
// the language's figures and all rows to the summary's. Pure functions of the result.
import type { Estimate } from '../../sim/stats/confidence';
import type { QueueCoverage, ScenarioResult } from '../../sim/stats/metrics';
import type { Scenario } from '../../sim/scenario/scenario';
import { hourOfWeek } from './time';

export const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;

/** One queue in one hour of the week. */
export interface HeatCell {
  row: number;
  column: number;
  language: string;
  channel: string;
  target: number;
  thresholdSeconds: number;
  /** Hours of the horizon (indexes into coverage[k].hours) in this hour of the week. */
  hours: number[];
  /** Reporting intervals (indexes into result.intervals) inside those hours. */
  intervals: number[];
  /** Σ over the hours (means over replications, as sim/ reports them). */
  offered: number;
  /** Service level of the hours (answered within the channel's threshold ÷ offered, pooled over
   * replications, offered-weighted over the weeks); null without demand. */
  serviceLevel: number | null;
  /** Hours flagged by sim/: demand and nobody with the skill on the phones; demand, covered and
   * the service level below the channel's target. Counts (more than 1 over several weeks). */
  uncovered: number;
  belowTarget: number;
  /** Σ over the intervals of sim/'s answered and abandoned counts (offered = answered + abandoned
   * + still waiting at the end of the run). */
  answered: number;
  abandoned: number;
  /** Offered-weighted means over the intervals (email: ASA is the time to answer). */
  asaSeconds: number | null;
  abandonRate: number | null;
  /** Means over the intervals. */
  agentsOnPhones: number;
  requiredAgents: number;
  requiredScheduled: number;
  backlog: number;
}

export type CellStatus = 'outside' | 'no-demand' | 'uncovered' | 'below' | 'met';

export function cellStatus(cell: HeatCell): CellStatus {
  if (cell.hours.length === 0) return 'outside';
  if (!(cell.offered > 0)) return 'no-demand';
  if (cell.uncovered > 0) return 'uncovered';
  if (cell.belowTarget > 0) return 'below';
  return 'met';
}

/** The gap figures of a queue, language, channel or the whole scenario (sim/'s hour figures). */
export interface GapFigures {
  uncoveredHours: number;
  hoursBelowTarget: number;
  gapHours: number;
}

export interface HeatRow extends GapFigures {
  /** "<language>/<channel>", the key of result.queues. */
  key: string;
  language: string;
  channel: string;
  target: number;
  thresholdSeconds: number;
  cells: HeatCell[];
  offered: number;
  /** The first row of its language (rows are grouped by language). */
  firstOfLanguage: boolean;
}

export interface Heatmap {
  timeZone: string;
  /** 'all', or the one channel shown. */
  channel: string;
  rows: HeatRow[];
  /** Σ of the rows: the summary's figures (all channels) or the channel's. */
  totals: GapFigures;
  /** Per language, Σ of its rows: the language's figures (all channels) or its queue's. */
  languages: ({ language: string } & GapFigures)[];
  /** How many hours of the horizon fall into one hour of the week at most (1 for one week). */
  maxHoursPerCell: number;
  weeks: number;
}

const CHANNEL_ORDER = ['voice', 'chat', 'email'];
const channelRank = (c: string) => (CHANNEL_ORDER.includes(c) ? CHANNEL_ORDER.indexOf(c) : CHANNEL_ORDER.length);

/** Sorted voice, chat, email (then any other). */
export function sortChannels(channels: Iterable<string>): string[] {
  return [...new Set(channels)].sort((a, b) => channelRank(a) - channelRank(b));
}

/** Queues in the order every per-queue view shows them: grouped by language (in the order the
 * languages first appear), within a language voice, chat, email. The coverage heatmap and the
 * difference heatmap both use it, so their rows line up when read one after the other. */
export function queueOrder<Q extends { language: string; channel: string }>(queues: readonly Q[]): Q[] {
  const languages = [...new Set(queues.map((q) => q.language))];
  // Array.prototype.sort is stable: channels ranked alike keep the file's order.
  return languages.flatMap((language) => queues.filter((q) => q.language === language).sort((a, b) => channelRank(a.channel) - channelRank(b.channel)));
}

/** The channels of a result: voice, chat, email (those it has). */
export function channelsIn(result: ScenarioResult): string[] {
  return sortChannels([...Object.keys(result.channelTargets ?? {}), ...result.coverage.map((q) => q.channel)]);
}

const mean0 = (e: Estimate | undefined) => e?.mean ?? 0;
const gapOf = (f: { uncoveredHours: Estimate; hoursBelowTarget: Estimate; gapHours: Estimate } | undefined): GapFigures => ({
  uncoveredHours: mean0(f?.uncoveredHours),
  hoursBelowTarget: mean0(f?.hoursBelowTarget),
  gapHours: mean0(f?.gapHours),
});

function weightedMean(values: (number | null)[], weights: number[], indexes: number[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const i of indexes) {
    const v = values[i];
    if (v === null || !(weights[i] > 0)) continue;
    sum += v * weights[i];
    weight += weights[i];
  }
  return weight > 0 ? sum / weight : null;
}

const sum = (values: number[], indexes: number[]) => indexes.reduce((s, i) => s + values[i], 0);
const mean = (values: number[], indexes: number[]) => (indexes.length ? sum(values, indexes) / indexes.length : 0);

/** Hour of the week (display zone) of each reporting interval's start. */
export function intervalColumns(result: ScenarioResult, timeZone: string): number[] {
  const start = Date.parse(result.start);
  const step = result.intervalMinutes * 60_000;
  return result.intervals.map((_, i) => hourOfWeek(start + i * step, timeZone));
}

/** Number of hours of the horizon sim/ judges gaps on (hour k covers [start + k h, start + (k+1) h)). */
export function hourCount(result: ScenarioResult): number {
  return result.coverage[0]?.hours.offered.length ?? Math.ceil((Date.parse(result.end) - Date.parse(result.start)) / HOUR_MS);
}

/** Hour of the week (display zone) of each hour of the horizon. In a zone with a half-hour offset
 * an hour of the horizon starts at :30 and is shown in the column of its start. */
export function hourColumns(result: ScenarioResult, timeZone: string): number[] {
  const start = Date.parse(result.start);
  return Array.from({ length: hourCount(result) }, (_, k) => hourOfWeek(start + k * HOUR_MS, timeZone));
}

/** The reporting intervals inside each hour of the horizon (intervals divide an hour). */
export function intervalsByHour(result: ScenarioResult): number[][] {
  const byHour: number[][] = Array.from({ length: hourCount(result) }, () => []);
  result.intervals.forEach((_, i) => byHour[Math.floor((i * result.intervalMinutes) / 60)]?.push(i));
  return byHour;
}

/** One queue's figures over the given hours of the horizon and the intervals inside them. */
export function queueCell(q: QueueCoverage, row: number, column: number, hours: number[], intervals: number[]): HeatCell {
  return {
    row,
    column,
    language: q.language,
    channel: q.channel,
    target: q.target,
    thresholdSeconds: q.thresholdSeconds,
    hours,
    intervals,
    offered: sum(q.hours.offered, hours),
    serviceLevel: weightedMean(q.hours.serviceLevel, q.hours.offered, hours),
    uncovered: sum(q.hours.uncovered, hours),
    belowTarget: sum(q.hours.belowTarget, hours),
    answered: sum(q.answered, intervals),
    abandoned: sum(q.abandoned, intervals),
    asaSeconds: weightedMean(q.asaSeconds, q.offered, intervals),
    abandonRate: weightedMean(q.abandonRate, q.offered, intervals),
    agentsOnPhones: mean(q.agentsOnPhones, intervals),
    requiredAgents: mean(q.requiredAgents, intervals),
    requiredScheduled: mean(q.requiredScheduled, intervals),
    backlog: mean(q.backlog, intervals),
  };
}

/** The heatmap. With `channel` 'all', one row per language × channel (grouped by language): each
 * channel keeps its own target, so rows are never merged across channels; with one channel, one
 * row per language that has it. */
export function buildHeatmap(result: ScenarioResult, timeZone: string, channel = 'all'): Heatmap {
  const columns = hourColumns(result, timeZone);
  const byHour = intervalsByHour(result);
  const hoursByColumn: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  columns.forEach((c, k) => hoursByColumn[c].push(k));
  const intervalsByColumn = hoursByColumn.map((hours) => hours.flatMap((k) => byHour[k]));
  const languages = [...new Set(result.coverage.map((q) => q.language))];
  const queues = queueOrder(result.coverage).filter((q) => channel === 'all' || q.channel === channel);
  const rows = queues.map((q, row): HeatRow => {
    const key = `${q.language}/${q.channel}`;
    const cells = hoursByColumn.map((hours, column) => queueCell(q, row, column, hours, intervalsByColumn[column]));
    return {
      key,
      language: q.language,
      channel: q.channel,
      target: q.target,
      thresholdSeconds: q.thresholdSeconds,
      cells,
      offered: cells.reduce((s, c) => s + c.offered, 0),
      firstOfLanguage: row === 0 || queues[row - 1].language !== q.language,
      ...gapOf(result.queues?.[key]),
    };
  });
  const shown = languages.filter((l) => rows.some((r) => r.language === l));
  const days = (Date.parse(result.end) - Date.parse(result.start)) / 86_400_000;
  return {
    timeZone,
    channel,
    rows,
    totals: channel === 'all' ? gapOf(result.summary) : gapOf(result.channels[channel]),
    languages: shown.map((language) => ({
      language,
      ...(channel === 'all' ? gapOf(result.languages[language]) : gapOf(result.queues?.[`${language}/${channel}`])),
    })),
    maxHoursPerCell: Math.max(...hoursByColumn.map((c) => c.length)),
    weeks: days / 7,
  };
}

/** Human pools that can take contacts of this language (and channel), with their agents on the
 * phones averaged over the given intervals. */
export function poolsServing(
  scenario: Scenario | null,
  result: ScenarioResult,
  language: string,
  channel: string,
  intervals: number[],
): { id: string; type: string; agents: number; secondary: boolean }[] {
  if (!scenario) return [];
  const out: { id: string; type: string; agents: number; secondary: boolean }[] = [];
  for (const p of scenario.staffing) {
    if (p.type === 'ai') continue;
    const secondary = p.secondarySkills?.languages.includes(language) ?? false;
    if (!p.skills.includes(language) && !secondary) continue;
    if (channel !== 'all' && !p.channels.includes(channel as never)) continue;
    const series = result.staffing[p.id];
    if (!series) continue;
    out.push({ id: p.id, type: p.type, agents: mean(series, intervals), secondary: !p.skills.includes(language) });
  }
  return out;
}

/** Colour domain: the cell's service level minus its channel's target, in fractions (−0.5 … +0.2).
 * A cell sim/ flagged below target (some week) never shows as met. */
export function attainment(cell: Pick<HeatCell, 'serviceLevel' | 'target' | 'offered' | 'belowTarget'>): number | null {
  if (!(cell.offered > 0) || cell.serviceLevel === null) return null;
  const a = cell.serviceLevel - cell.target;
  return cell.belowTarget > 0 ? Math.min(a, -0.01) : a;
}
