// The coverage heatmap's data: sim/'s per-interval × queue coverage folded into hours of the week
// in the display time zone, per language (all channels or one). Pure functions of the result.
import type { QueueCoverage, ScenarioResult } from '../../sim/metrics';
import type { Scenario } from '../../sim/scenario';
import { hourOfWeek } from './time';

export const HOURS_PER_WEEK = 168;

export interface CellQueue {
  language: string;
  channel: string;
  target: number;
  thresholdSeconds: number;
  /** Summed over the cell's intervals (means over replications, as sim/ reports them). */
  offered: number;
  answered: number;
  abandoned: number;
  /** Offered-weighted means over the cell's intervals (null without demand). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  /** Mean over the cell's intervals. */
  agentsOnPhones: number;
  requiredAgents: number;
  gapShare: number;
  backlog: number;
  /** A real-time queue had demand in an interval with nobody on the phones with the skill. */
  noCoverage: boolean;
}

export interface HeatCell {
  row: number;
  column: number;
  language: string;
  /** Interval indexes (into result.intervals) that fall into this hour of the week. */
  intervals: number[];
  offered: number;
  serviceLevel: number | null;
  target: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  /** Σ over the cell's queues and intervals of sim/'s answered and abandoned counts. Offered is
   * answered + abandoned + still waiting at the end of the run. */
  answered: number;
  abandoned: number;
  noCoverage: boolean;
  queues: CellQueue[];
}

export interface HeatRow {
  language: string;
  cells: HeatCell[];
  offered: number;
  /** Gap hours of the language (all channels: sim/'s language figure; one channel: Σ gap share). */
  gapHours: number | null;
  noCoverageHours: number;
}

export interface Heatmap {
  timeZone: string;
  channel: string;
  rows: HeatRow[];
  /** How many intervals fall into one hour of the week at most (2 for 30-minute intervals over
   * one week; more when the horizon is longer than a week). */
  maxIntervalsPerCell: number;
  weeks: number;
  intervalHours: number;
}

export function channelsIn(result: ScenarioResult): string[] {
  return [...new Set(result.coverage.map((q) => q.channel))];
}

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

function sum(values: number[], indexes: number[]): number {
  return indexes.reduce((s, i) => s + values[i], 0);
}

function mean(values: number[], indexes: number[]): number {
  return indexes.length ? indexes.reduce((s, i) => s + values[i], 0) / indexes.length : 0;
}

function cellQueue(q: QueueCoverage, intervals: number[]): CellQueue {
  const realtime = q.channel !== 'email';
  return {
    language: q.language,
    channel: q.channel,
    target: q.target,
    thresholdSeconds: q.thresholdSeconds,
    offered: sum(q.offered, intervals),
    answered: sum(q.answered, intervals),
    abandoned: sum(q.abandoned, intervals),
    serviceLevel: weightedMean(q.serviceLevel, q.offered, intervals),
    asaSeconds: weightedMean(q.asaSeconds, q.offered, intervals),
    abandonRate: weightedMean(q.abandonRate, q.offered, intervals),
    agentsOnPhones: mean(q.agentsOnPhones, intervals),
    requiredAgents: mean(q.requiredAgents, intervals),
    gapShare: mean(q.gapShare, intervals),
    backlog: mean(q.backlog, intervals),
    noCoverage: realtime && intervals.some((i) => q.offered[i] > 0 && q.agentsOnPhones[i] === 0),
  };
}

/** Hour of the week (display zone) of each reporting interval's start. */
export function intervalColumns(result: ScenarioResult, timeZone: string): number[] {
  const start = Date.parse(result.start);
  const step = result.intervalMinutes * 60_000;
  return result.intervals.map((_, i) => hourOfWeek(start + i * step, timeZone));
}

export function buildHeatmap(result: ScenarioResult, timeZone: string, channel = 'all'): Heatmap {
  const columns = intervalColumns(result, timeZone);
  const byColumn: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  columns.forEach((c, i) => byColumn[c].push(i));
  const intervalHours = result.intervalMinutes / 60;
  const languages = [...new Set(result.coverage.map((q) => q.language))];
  const rows = languages.map((language, row): HeatRow => {
    const queues = result.coverage.filter((q) => q.language === language && (channel === 'all' || q.channel === channel));
    const cells = byColumn.map((intervals, column): HeatCell => {
      const parts = queues.map((q) => cellQueue(q, intervals));
      const offered = parts.reduce((s, p) => s + p.offered, 0);
      const weights = parts.map((p) => p.offered);
      const all = parts.map((_, k) => k);
      return {
        row,
        column,
        language,
        intervals,
        offered,
        serviceLevel: weightedMean(parts.map((p) => p.serviceLevel), weights, all),
        target: weightedMean(parts.map((p) => p.target), weights, all),
        asaSeconds: weightedMean(parts.map((p) => p.asaSeconds), weights, all),
        abandonRate: weightedMean(parts.map((p) => p.abandonRate), weights, all),
        answered: parts.reduce((s, p) => s + p.answered, 0),
        abandoned: parts.reduce((s, p) => s + p.abandoned, 0),
        noCoverage: parts.some((p) => p.noCoverage),
        queues: parts,
      };
    });
    const languageFigures = result.languages[language];
    const gapHours =
      channel === 'all'
        ? (languageFigures?.gapHours.mean ?? null)
        : queues.reduce((s, q) => s + q.gapShare.reduce((t, g) => t + g, 0) * intervalHours, 0);
    const noCoverageHours = queues.length
      ? result.intervals.reduce(
          (s, _, i) => s + (queues.some((q) => q.channel !== 'email' && q.offered[i] > 0 && q.agentsOnPhones[i] === 0) ? intervalHours : 0),
          0,
        )
      : 0;
    return { language, cells, offered: cells.reduce((s, c) => s + c.offered, 0), gapHours, noCoverageHours };
  });
  const days = (Date.parse(result.end) - Date.parse(result.start)) / 86_400_000;
  return {
    timeZone,
    channel,
    rows: rows.filter((r) => r.cells.some((c) => c.intervals.length > 0) && (channel === 'all' || result.coverage.some((q) => q.language === r.language && q.channel === channel))),
    maxIntervalsPerCell: Math.max(...byColumn.map((c) => c.length)),
    weeks: days / 7,
    intervalHours,
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

/** Colour domain: service level minus target, in fractions (−0.5 … +0.2). */
export function attainment(cell: { serviceLevel: number | null; target: number | null; offered: number }): number | null {
  if (!(cell.offered > 0) || cell.serviceLevel === null || cell.target === null) return null;
  return cell.serviceLevel - cell.target;
}
