// Result tables as CSV text (plain strings, no I/O), for the CLI and the web app alike.
import type { Estimate } from './stats/confidence';
import { INTERVAL_CHANNEL_FIGURES, INTERVAL_FIGURES, type ScenarioResult } from './stats/metrics';

/** Twelve significant digits: the figures' own precision, without binary float noise
 * (13211.199999999999 → 13211.2). */
const number = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '' : String(Number(x.toPrecision(12)));
/** A text cell. One that a spreadsheet would read as a formula (starting with = + - @, a tab or
 * a carriage return: names, ids and file names come from files anyone may write) gets a leading
 * single quote, as OWASP recommends against CSV injection; numbers are written as numbers. */
export const csvText = (s: string) => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
/** An estimate's cells: numbers (an empty cell where there is none). */
const estimateCells = (e: Estimate) => [e.mean ?? NaN, e.ci95?.[0] ?? NaN, e.ci95?.[1] ?? NaN];
const isEstimate = (v: unknown): v is Estimate => typeof v === 'object' && v !== null && 'mean' in v;

export function csvLines(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.map((c) => (typeof c === 'number' ? number(c) : csvText(c))).join(',')).join('\n')}\n`;
}

/** One row per figure: summary, cost by staffing type, pools, languages, channels and
 * language × channel (the JSON's names, e.g. `queue.de/voice.serviceLevel`). */
export function summaryCsv(r: ScenarioResult, file = ''): string {
  const rows: (string | number)[][] = [['scenario', 'file', 'figure', 'mean', 'ci95_low', 'ci95_high']];
  const add = (figure: string, e: Estimate) => rows.push([r.name, file, figure, ...estimateCells(e)]);
  for (const [f, e] of Object.entries(r.summary)) add(f, e);
  for (const [type, e] of Object.entries(r.costByType)) add(`costByType.${type}`, e);
  for (const [group, entries] of [['pool', r.pools], ['language', r.languages], ['channel', r.channels], ['queue', r.queues]] as const) {
    for (const [id, figures] of Object.entries(entries)) {
      for (const [f, e] of Object.entries(figures)) {
        if (isEstimate(e)) add(`${group}.${id}.${f}`, e);
        else if (typeof e === 'number') rows.push([r.name, file, `${group}.${id}.${f}`, e, '', '']); // exact: no interval
      }
    }
  }
  return csvLines(rows);
}

/** One row per reporting interval, each figure with its interval bounds; then each channel's own
 * figures (`voice_serviceLevel`, …). */
export function intervalsCsv(r: ScenarioResult): string {
  const channels = Object.keys(r.channelTargets);
  const columns = (f: string) => [f, `${f}_ci95_low`, `${f}_ci95_high`];
  return csvLines([
    [
      'interval_start',
      ...INTERVAL_FIGURES.flatMap(columns),
      ...channels.flatMap((c) => INTERVAL_CHANNEL_FIGURES.flatMap((f) => columns(`${c}_${f}`))),
    ],
    ...r.intervals.map((row) => [
      row.start,
      ...INTERVAL_FIGURES.flatMap((f) => estimateCells(row[f])),
      ...channels.flatMap((c) => INTERVAL_CHANNEL_FIGURES.flatMap((f) => estimateCells(row.channels[c][f]))),
    ]),
  ]);
}

/** One row per interval × language × channel: the coverage heatmap's cells (means). */
export function coverageCsv(r: ScenarioResult): string {
  const rows: (string | number)[][] = [
    ['interval_start', 'language', 'channel', 'offered', 'answered', 'abandoned', 'service_level', 'target', 'asa_seconds', 'abandon_rate', 'agents_on_phones', 'required_agents', 'required_scheduled', 'backlog'],
  ];
  const step = r.intervalMinutes * 60_000;
  for (const q of r.coverage) {
    q.offered.forEach((offered, i) => {
      rows.push([
        new Date(Date.parse(r.start) + i * step).toISOString(),
        q.language,
        q.channel,
        offered,
        q.answered[i],
        q.abandoned[i],
        q.serviceLevel[i] ?? '',
        q.target,
        q.asaSeconds[i] ?? '',
        q.abandonRate[i] ?? '',
        q.agentsOnPhones[i],
        q.requiredAgents[i],
        q.requiredScheduled[i],
        q.backlog[i],
      ]);
    });
  }
  return csvLines(rows);
}

/** One row per hour × language × channel: the gap flags every gap figure adds up from. */
export function gapHoursCsv(r: ScenarioResult): string {
  const rows: (string | number)[][] = [['hour_start', 'language', 'channel', 'offered', 'service_level', 'target', 'uncovered', 'below_target']];
  for (const q of r.coverage) {
    q.hours.offered.forEach((offered, h) => {
      if (!(offered > 0)) return;
      rows.push([
        new Date(Date.parse(r.start) + h * 3_600_000).toISOString(),
        q.language,
        q.channel,
        offered,
        q.hours.serviceLevel[h] ?? '',
        q.target,
        q.hours.uncovered[h],
        q.hours.belowTarget[h],
      ]);
    });
  }
  return csvLines(rows);
}
