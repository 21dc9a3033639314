// Result tables as CSV text (plain strings, no I/O), for the CLI and the web app alike.
import type { Estimate } from './confidence';
import { INTERVAL_FIGURES, SUMMARY_FIGURES, type ScenarioResult } from './metrics';

const number = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x));
export const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const estimateCells = (e: Estimate) => [number(e.mean), number(e.ci95?.[0]), number(e.ci95?.[1])];
const isEstimate = (v: unknown): v is Estimate => typeof v === 'object' && v !== null && 'mean' in v;

export function csvLines(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.map((c) => (typeof c === 'number' ? number(c) : csvText(c))).join(',')).join('\n')}\n`;
}

/** One row per figure: summary, cost by staffing type, pools, languages and channels. */
export function summaryCsv(r: ScenarioResult, file = ''): string {
  const rows: (string | number)[][] = [['scenario', 'file', 'figure', 'mean', 'ci95_low', 'ci95_high']];
  const add = (figure: string, e: Estimate) => rows.push([r.name, file, figure, ...estimateCells(e)]);
  for (const f of SUMMARY_FIGURES) add(f, r.summary[f]);
  for (const [type, e] of Object.entries(r.costByType)) add(`costByType.${type}`, e);
  for (const [group, entries] of [['pool', r.pools], ['language', r.languages], ['channel', r.channels]] as const) {
    for (const [id, figures] of Object.entries(entries)) {
      for (const [f, e] of Object.entries(figures)) if (isEstimate(e)) add(`${group}.${id}.${f}`, e);
    }
  }
  return csvLines(rows);
}

/** One row per reporting interval, each figure with its interval bounds. */
export function intervalsCsv(r: ScenarioResult): string {
  return csvLines([
    ['interval_start', ...INTERVAL_FIGURES.flatMap((f) => [f, `${f}_ci95_low`, `${f}_ci95_high`])],
    ...r.intervals.map((row) => [row.start, ...INTERVAL_FIGURES.flatMap((f) => estimateCells(row[f]))]),
  ]);
}

/** One row per interval × language × channel: the coverage heatmap's cells (means). */
export function coverageCsv(r: ScenarioResult): string {
  const rows: (string | number)[][] = [
    ['interval_start', 'language', 'channel', 'offered', 'answered', 'abandoned', 'service_level', 'asa_seconds', 'abandon_rate', 'agents_on_phones', 'required_agents', 'gap_share', 'backlog'],
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
        q.asaSeconds[i] ?? '',
        q.abandonRate[i] ?? '',
        q.agentsOnPhones[i],
        q.requiredAgents[i],
        q.gapShare[i],
        q.backlog[i],
      ]);
    });
  }
  return csvLines(rows);
}
