// The back-test as a self-contained HTML page: per figure, the hours of the replayed period with
// the simulation's 95% band (shaded) and its mean (line), and what really happened as points;
// the errors in a table. Pure TypeScript: the CLI (and later the app) call it.
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { esc, percent } from './format';
import { page } from './page';
import { AXIS, MUTED, chartTitle, legend, niceLinear, r, svgDocument, text, valueAxisY } from './svg';
import { BACKTEST_FIGURES, type BacktestFigure, type BacktestResult, type ErrorFigures, type Grain, type SeriesPoint } from '../sim/history/backtest';
import { dayStarts } from '../sim/history/day-starts';
import { daysText } from '../sim/history/local-time';

const BAND = '#9ec5f4';
const MEAN = '#0969da';
const ACTUAL = '#bc4c00';

export const FIGURE_NAMES: Record<BacktestFigure, { title: string; unit: 'count' | 'fraction' | 'seconds' }> = {
  offered: { title: 'Contacts offered', unit: 'count' },
  answered: { title: 'Contacts answered', unit: 'count' },
  abandonRate: { title: 'Abandon rate', unit: 'fraction' },
  asaSeconds: { title: 'Average speed of answer (s)', unit: 'seconds' },
  serviceLevel: { title: 'Service level', unit: 'fraction' },
  occupancy: { title: 'Occupancy', unit: 'fraction' },
};

const GRAIN_NAMES: Record<Grain, string> = { interval: 'interval by interval', hour: 'hour by hour', hourOfWeek: 'by hour of the week', day: 'day by day' };

export function errorText(e: ErrorFigures, unit: 'count' | 'fraction' | 'seconds'): [string, string, string, string] {
  const v = (x: number | null, signed = false) =>
    x === null
      ? '–'
      : `${signed && x > 0 ? '+' : ''}${unit === 'fraction' ? `${(x * 100).toFixed(1)} pts` : `${x.toFixed(1)}${unit === 'seconds' ? ' s' : ''}`}`.replace(/^-/, '−');
  return [v(e.bias, true), v(e.mae), e.mape === null ? '–' : percent(e.mape, 0), e.insideBand === null ? '–' : percent(e.insideBand, 0)];
}

/** Which points the counts' errors leave out. */
export const CLOSED_NOTE = 'Counts are compared over the hours (days …) with a contact offered, in the records or in a replication: a closed hour tests nothing.';

/** What the MAE weighted by contacts is. */
export const WEIGHTED_NOTE =
  "Weighted by contacts: a rate's errors weighted by the contacts it is of (offered; answered for ASA; time on the phones for occupancy), so that an hour of one call counts for one.";

/** How counts are given by hour of the week. */
export const PER_WEEKDAY_NOTE =
  'By hour of the week, contacts offered and answered are per day of that weekday (the mean over its hours in the period: one a day, two the night the clocks go back, none the night they go forward).';

/** A rate's MAE weighted by the contacts it is of, as errorText writes an MAE; '–' for counts. */
export function weightedText(e: ErrorFigures, unit: 'count' | 'fraction' | 'seconds'): string {
  return errorText({ ...e, mae: e.weightedMae }, unit)[1];
}

/** One figure over one grain: band, mean line, actual points. */
export function backtestChartSvg(points: SeriesPoint[], figure: BacktestFigure, grain: Grain): string {
  const width = 920;
  const height = 280;
  const left = 64;
  const right = width - 16;
  const top = 72;
  const bottom = height - 44;
  const { title, unit } = FIGURE_NAMES[figure];
  const x = scaleLinear().domain([0, Math.max(1, points.length - 1)]).range([left, right]);
  const values = points.flatMap((p) => [p.actual, p.high, p.low].filter((v): v is number => v !== null));
  const y = niceLinear(values, [bottom, top]);
  const defined = (p: SeriesPoint) => p.low !== null && p.high !== null;
  const band = area<[number, SeriesPoint]>()
    .defined(([, p]) => defined(p))
    .x(([i]) => x(i))
    .y0(([, p]) => y(p.low!))
    .y1(([, p]) => y(p.high!))(points.map((p, i) => [i, p]));
  const mean = line<[number, SeriesPoint]>()
    .defined(([, p]) => p.mean !== null)
    .x(([i]) => x(i))
    .y(([, p]) => y(p.mean!))(points.map((p, i) => [i, p]));
  const format = unit === 'fraction' ? (v: number) => `${Math.round(v * 100)}%` : undefined;
  const dots = points
    .map((p, i) => {
      if (p.actual === null) return '';
      const inside = p.low !== null && p.actual >= p.low && p.actual <= p.high!;
      const shown = unit === 'fraction' ? `${(p.actual * 100).toFixed(1)}%` : p.actual.toFixed(1);
      const band = p.low !== null ? `; simulated ${unit === 'fraction' ? `${(p.low * 100).toFixed(1)}–${(p.high! * 100).toFixed(1)}%` : `${p.low.toFixed(1)}–${p.high!.toFixed(1)}`}` : '';
      return `<circle cx="${r(x(i))}" cy="${r(y(p.actual))}" r="${points.length > 200 ? 1.6 : 2.6}" fill="${inside ? ACTUAL : 'none'}" stroke="${ACTUAL}" stroke-width="1.2"><title>${esc(`${p.label}: actual ${shown}${band}`)}</title></circle>`;
    })
    .join('');
  // Day boundaries carry the labels: the date hour by hour, the weekday by hour of the week.
  const starts = dayStarts(points.map((p) => p.label), grain);
  const every = Math.max(1, Math.ceil(starts.length / 10));
  const labels = starts
    .filter((_, k) => k % every === 0)
    .map((i) => {
      const p = points[i];
      const shown = grain === 'hour' || grain === 'interval' ? p.label.slice(5, 10) : grain === 'hourOfWeek' ? p.label.slice(0, 3) : p.label.slice(5);
      return `<line x1="${r(x(i))}" x2="${r(x(i))}" y1="${bottom}" y2="${bottom + 4}" stroke="${AXIS}"/>` + text(x(i), bottom + 16, shown, { size: 11.5, anchor: grain === 'day' ? 'middle' : 'start', fill: MUTED });
    })
    .join('');
  const key = legend(
    [
      { label: 'simulated 95% band', swatch: `<rect width="14" height="14" fill="${BAND}"/>` },
      { label: 'simulated mean', swatch: `<path d="M0,7H14" stroke="${MEAN}" stroke-width="2"/>` },
      { label: 'actual (hollow: outside the band)', swatch: `<circle cx="7" cy="7" r="4" fill="${ACTUAL}"/>` },
    ],
    left,
    58,
    right - left,
  );
  return svgDocument(
    width,
    height,
    `${title}, ${GRAIN_NAMES[grain]}: actual against the simulation's 95% band`,
    'backtest',
    chartTitle(title, grain === 'hourOfWeek' && unit === 'count' ? `${GRAIN_NAMES[grain]}, per day of that weekday` : GRAIN_NAMES[grain], left) +
      key.svg +
      valueAxisY(y, left, right, format, '') +
      `<path d="${band ?? ''}" fill="${BAND}" opacity="0.75"/>` +
      `<path d="${mean ?? ''}" fill="none" stroke="${MEAN}" stroke-width="1.4"/>` +
      `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${AXIS}"/>` +
      dots +
      labels,
  );
}

/** An interval table's answered_within_threshold was counted at the platform's threshold, which
 * the table does not name: it is compared with the simulation's count at the scenario's. */
export function tableThresholdText(result: Pick<BacktestResult, 'thresholdSeconds'>): string {
  return (
    `The table's answered_within_threshold is taken to count at ${result.thresholdSeconds} s; ` +
    'if the platform counted at another threshold, back-test a scenario file whose serviceLevel.seconds is that one.'
  );
}

export interface BacktestReportInput {
  title: string;
  result: BacktestResult;
  /** How the scenario was obtained (fitted on which period, or the file). */
  fittedOn: string;
  /** The records are an interval table (its service level counted at the platform's threshold). */
  fromTable?: boolean;
  /** The scenario's description: for a fitted one, what was estimated and how. */
  description?: string;
  generatedAt?: string;
}

export function backtestReportHtml(input: BacktestReportInput): string {
  const { result } = input;
  const rows = BACKTEST_FIGURES.map((f) => {
    const [bias, mae, mape, inside] = errorText(result.figures[f], FIGURE_NAMES[f].unit);
    const weighted = weightedText(result.figures[f], FIGURE_NAMES[f].unit);
    return `<tr><td>${esc(FIGURE_NAMES[f].title)}</td><td class="num">${esc(bias)}</td><td class="num">${esc(mae)}</td><td class="num">${esc(weighted)}</td><td class="num">${esc(mape)}</td><td class="num">${esc(inside)}</td><td class="num">${result.figures[f].points}</td></tr>`;
  }).join('');
  // A period longer than a week is also shown folded onto one week (hour of the week).
  const weeks = result.series.day.offered.length > 7;
  const charts = BACKTEST_FIGURES.map(
    (f) => `<figure>${backtestChartSvg(result.series.hour[f], f, 'hour')}</figure>${weeks ? `<figure>${backtestChartSvg(result.series.hourOfWeek[f], f, 'hourOfWeek')}</figure>` : ''}`,
  ).join('\n');
  const body = `
<header class="report-head">
  <p class="eyebrow">followsun · back-test</p>
  <h1>${esc(input.title)}</h1>
  <p class="meta">Replayed ${esc(result.from)} to ${esc(result.to)} (local time ${esc(result.timezone)}): ${result.contacts} contacts, ${result.agentsSeen} agents seen answering, ${result.replications} replications. ${esc(input.fittedOn)}</p>
</header>
<section>
<h2>Errors, hour by hour</h2>
<table class="data"><thead><tr><th>Figure</th><th class="num">Bias (sim − actual)</th><th class="num">Mean abs. error</th><th class="num">Mean abs. error, weighted by contacts</th><th class="num">Mean abs. % error</th><th class="num">Actual inside the 95% band</th><th class="num">Hours</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small muted">The simulation replays the period with the scenario's demand, handle times and patience, and the agents the records show on the phones. Its 95% band is the 2.5th to 97.5th percentile of the replications: where one real period should fall 95% of the time if the model were right. ${CLOSED_NOTE} ${WEIGHTED_NOTE} Service level: answered within ${result.thresholdSeconds} s ÷ offered.${input.fromTable ? ` ${esc(tableThresholdText(result))}` : ''} Occupancy: time the observed agents spent on calls ÷ time they were on the phones.${result.daysWithoutRecords.length ? ` Days without records, not compared: ${esc(daysText(result.daysWithoutRecords))}.` : ''}</p>
</section>
${input.description ? `<section>\n<h2>The scenario</h2>\n<pre class="small" style="white-space:pre-wrap">${esc(input.description)}</pre>\n</section>` : ''}
<section>
<h2>Actual against simulated</h2>
${charts}
</section>
<footer>Generated by followsun${input.generatedAt ? ` on ${esc(input.generatedAt)}` : ''}.</footer>`;
  return page(input.title, body);
}

