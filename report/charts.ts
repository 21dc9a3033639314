// The case report's charts: the coverage heatmap (hour of the week in UTC × language), grouped
// bars per language, stacked cost bars per provider, and the gap-hours-per-cost scatter.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Estimate } from '../sim/stats/confidence';
import type { ScenarioResult } from '../sim/stats/metrics';
import { channelName, count, esc, hours, languageName, money, orderChannels, percent, targetText } from './format';
import {
  AXIS,
  CI_SWATCH,
  GRID,
  INK,
  MUTED,
  chartTitle,
  clip,
  wrap,
  errorBarH,
  errorBarV,
  legend,
  niceLinear,
  r,
  svgDocument,
  text,
  valueAxisX,
  valueAxisY,
  type Ids,
  type LegendItem,
} from './svg';

// --- Coverage heatmap ----------------------------------------------------------------------

export const HOURS_PER_WEEK = 168;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Service level minus the channel's target (fractions) → colour. Below target is always warm
 * (light amber just below, dark red far below), at or above it always green: the colour breaks
 * at the target, so an hour counted below target never looks like one that met it. */
export const BELOW_TARGET_STOPS: [number, string][] = [
  [-0.5, '#7f1d1d'],
  [-0.25, '#c2410c'],
  [-0.1, '#f59e0b'],
  [0, '#fde68a'],
];
export const MET_TARGET_STOPS: [number, string][] = [
  [0, '#a7e8b8'],
  [0.1, '#15803d'],
];
const belowColour = scaleLinear<string>()
  .domain(BELOW_TARGET_STOPS.map((s) => s[0]))
  .range(BELOW_TARGET_STOPS.map((s) => s[1]))
  .clamp(true);
const metColour = scaleLinear<string>()
  .domain(MET_TARGET_STOPS.map((s) => s[0]))
  .range(MET_TARGET_STOPS.map((s) => s[1]))
  .clamp(true);
/** The colour of a served hour: `margin` = service level − target, `below` = counted below target. */
export function attainmentColour(margin: number, below: boolean): string {
  return below ? belowColour(Math.min(0, margin)) : metColour(Math.max(0, margin));
}
export const NO_DEMAND = '#eef1f4';
const HATCH_BG = '#ffd8d3';
const HATCH_LINE = '#b42318';

export interface HeatCell {
  /** Hour of the week in UTC, Monday 00:00 = 0. */
  column: number;
  /** Hours of the simulated window falling into this hour of the week. */
  hours: number;
  /** Contacts offered to people in those hours (mean per replication). */
  offered: number;
  /** Answered within the channel's threshold ÷ offered, pooled; null without demand. */
  serviceLevel: number | null;
  /** Of those hours: uncovered (demand, nobody with the skill on the phones), below target. */
  uncovered: number;
  belowTarget: number;
}

/** One language × channel: every figure against that channel's own threshold and target. */
export interface HeatRow {
  language: string;
  channel: string;
  thresholdSeconds: number;
  target: number;
  cells: HeatCell[];
  /** Over the simulated window, from the hourly flags: gapHours = uncoveredHours + hoursBelowTarget. */
  uncoveredHours: number;
  hoursBelowTarget: number;
  gapHours: number;
}

/** Hour of the week (UTC, Monday first) of each hour of the simulated window. */
export function hourColumns(start: string, count: number): number[] {
  const t0 = Date.parse(start);
  return Array.from({ length: count }, (_, k) => {
    const d = new Date(t0 + k * 3_600_000);
    return ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
  });
}

/** The language × channel rows of a result, languages in the given order (default: the
 * result's), channels voice, chat, email. */
export function heatmapQueues(result: Pick<ScenarioResult, 'coverage'>, languages = [...new Set(result.coverage.map((q) => q.language))]) {
  return languages.flatMap((l) => {
    const queues = result.coverage.filter((q) => q.language === l);
    return orderChannels(queues.map((q) => q.channel)).map((c) => queues.find((q) => q.channel === c)!);
  });
}

/** Folds each language × channel's hourly flags into hours of the week (UTC). */
export function heatmapRows(result: ScenarioResult, languages?: string[]): HeatRow[] {
  return heatmapQueues(result, languages).map((q) => {
    const columns = hourColumns(result.start, q.hours.offered.length);
    const cells: HeatCell[] = Array.from({ length: HOURS_PER_WEEK }, (_, column) => ({
      column,
      hours: 0,
      offered: 0,
      serviceLevel: null,
      uncovered: 0,
      belowTarget: 0,
    }));
    const within = new Float64Array(HOURS_PER_WEEK);
    const weight = new Float64Array(HOURS_PER_WEEK);
    columns.forEach((column, h) => {
      const c = cells[column];
      const o = q.hours.offered[h] ?? 0;
      c.hours++;
      c.offered += o;
      c.uncovered += q.hours.uncovered[h] ?? 0;
      c.belowTarget += q.hours.belowTarget[h] ?? 0;
      const sl = q.hours.serviceLevel[h];
      if (o > 0 && sl !== null && sl !== undefined && Number.isFinite(sl)) {
        within[column] += sl * o;
        weight[column] += o;
      }
    });
    cells.forEach((c, k) => (c.serviceLevel = weight[k] > 0 ? within[k] / weight[k] : null));
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const uncoveredHours = sum(q.hours.uncovered);
    const hoursBelowTarget = sum(q.hours.belowTarget);
    return {
      language: q.language,
      channel: q.channel,
      thresholdSeconds: q.thresholdSeconds,
      target: q.target,
      cells,
      uncoveredHours,
      hoursBelowTarget,
      gapHours: uncoveredHours + hoursBelowTarget,
    };
  });
}

export type CellKind = 'not-simulated' | 'no-demand' | 'uncovered' | 'below-target' | 'met-target';
export function cellKind(c: HeatCell): CellKind {
  if (c.hours === 0) return 'not-simulated';
  if (c.uncovered > 0) return 'uncovered';
  if (!(c.offered > 0)) return 'no-demand';
  if (c.belowTarget > 0) return 'below-target';
  return 'met-target';
}

const hh = (h: number) => String(h).padStart(2, '0');

const STRIPE = 4.5;

/** Path data of 45° stripes filling a rectangle, aligned on a global grid so the stripes of
 * neighbouring rectangles line up. */
export function hatchPath(x: number, y: number, w: number, h: number): string {
  const parts: string[] = [];
  // Lines x' + y' = c, c a multiple of STRIPE; within the rectangle x' ∈ [x, x + w], y' ∈ [y, y + h].
  const first = Math.ceil((x + y) / STRIPE) * STRIPE;
  for (let c = first; c < x + w + y + h; c += STRIPE) {
    const x0 = Math.max(x, c - (y + h));
    const x1 = Math.min(x + w, c - y);
    if (x1 - x0 < 0.2) continue;
    parts.push(`M${r(x0)},${r(c - x0)}L${r(x1)},${r(c - x1)}`);
  }
  return parts.join('');
}

function cellTip(row: HeatRow, c: HeatCell): string {
  const day = WEEKDAYS[Math.floor(c.column / 24)];
  const hour = c.column % 24;
  const when = `${languageName(row.language)} ${channelName(row.channel).toLowerCase()} · ${day} ${hh(hour)}:00–${hh((hour + 1) % 24)}:00 UTC`;
  const weeks = c.hours > 1 ? ` in ${c.hours} weeks` : '';
  switch (cellKind(c)) {
    case 'not-simulated':
      return `${when}\nNot in the simulated window`;
    case 'no-demand':
      return `${when}\nNo contacts`;
    default: {
      const lines = [when, `${count(c.offered)} contacts offered to people${c.hours > 1 ? ` a week (mean of ${c.hours})` : ''}`];
      if (c.serviceLevel !== null) lines.push(`Service level ${percent(c.serviceLevel)} (${channelName(row.channel).toLowerCase()} target ${targetText(row)})`);
      if (c.uncovered > 0) lines.push(`Uncovered: nobody with the skill on the phones${c.hours > 1 ? ` (${c.uncovered} of ${c.hours} weeks)` : ''}`);
      if (c.belowTarget > 0) lines.push(`Below target${c.hours > 1 ? ` in ${c.belowTarget} of ${c.hours} weeks` : ''}: a gap hour`);
      else if (c.uncovered > 0) lines.push(`A gap hour${weeks}`);
      else lines.push('Target met');
      return lines.join('\n');
    }
  }
}

/** The heatmap of one scenario's coverage: one row per language × channel, columns the 168
 * hours of the week in UTC. Colour is the hour's service level against that channel's own
 * target (warm below it, green at or above it); hatched hours are uncovered (contacts, nobody
 * with the skill on the phones); grey hours had no contacts. The column on the right is each
 * row's gap hours (uncovered + below target), which add up to the subtitle's total. */
export function heatmapSvg(
  result: ScenarioResult,
  options: { title: string; subtitle?: string; languages?: string[]; gapUnit?: string; ids: Ids },
): string {
  const rows = heatmapRows(result, options.languages);
  const top = options.subtitle ? 84 : 66;
  // Rows' y: a gap between languages.
  const ys: number[] = [];
  let y = top;
  rows.forEach((row, k) => {
    if (k > 0 && rows[k - 1].language !== row.language) y += HEAT.groupGap;
    ys.push(y);
    y += HEAT.rowH;
  });
  const gridBottom = y;
  const ramp = options.ids.next('ramp');
  const stop = (v: number, c: string) => `<stop offset="${r(((v + 0.5) / 0.6) * 100)}%" stop-color="${c}"/>`;
  const defs =
    `<defs><linearGradient id="${ramp}" x1="0" x2="1" y1="0" y2="0">` +
    BELOW_TARGET_STOPS.map(([v, c]) => stop(v, c)).join('') +
    MET_TARGET_STOPS.map(([v, c]) => stop(v, c)).join('') +
    `</linearGradient></defs>`;
  const { W, left, right } = HEAT;
  const body = rows.map((row, k) => heatmapRow(row, ys[k], k === 0 || rows[k - 1].language !== row.language));
  // Day separators over the cells.
  for (let d = 1; d < 7; d++) {
    const x = left + d * 24 * HEAT.cellW;
    body.push(`<line x1="${r(x)}" x2="${r(x)}" y1="${top}" y2="${gridBottom}" stroke="#ffffff" stroke-width="2"/>`);
  }
  body.push(text(left + (W - left - right) / 2, gridBottom + 17, 'Hour of the week (UTC)', { size: 12.5, anchor: 'middle', fill: MUTED }));
  const ly = gridBottom + 36;
  const label = `${options.title}: coverage heatmap, hour of the week in UTC by language and channel; colour shows each hour's service level against its channel's own target.`;
  return svgDocument(
    W,
    ly + 42,
    label,
    'heatmap',
    defs + chartTitle(options.title, options.subtitle) + heatmapHead(top, options.gapUnit ?? 'gap h') + body.join('') + heatmapLegend(rows, ly, ramp),
  );
}

/** The heatmap's geometry: a 1,000-wide page, labels on the left, each row's gap hours on the right. */
const HEAT = (() => {
  const W = 1000;
  const left = 176;
  const right = 70;
  return { W, left, right, rowH: 17, groupGap: 6, cellW: (W - left - right) / HOURS_PER_WEEK };
})();

/** Weekdays and hours over the grid, and the unit of the gap column. */
function heatmapHead(top: number, unit: string): string {
  const { left, cellW, W, right } = HEAT;
  const head: string[] = [];
  for (let d = 0; d < 7; d++) {
    const x0 = left + d * 24 * cellW;
    head.push(text(x0 + 12 * cellW, top - 22, WEEKDAYS[d], { size: 12.5, anchor: 'middle', weight: 600 }));
    for (const h of [0, 6, 12, 18]) {
      const x = x0 + h * cellW;
      head.push(`<line x1="${r(x)}" x2="${r(x)}" y1="${top - 4}" y2="${top}" stroke="${AXIS}"/>`);
      if (h === 0 || h === 12) head.push(text(x + 1, top - 7, hh(h), { size: 10, fill: MUTED }));
    }
  }
  head.push(text(W - right + 8, top - 7, unit, { size: 11, fill: MUTED }));
  return head.join('');
}

/** One language × channel row at `y`: its labels (the language's on its first row), an hour cell
 * each, the uncovered hours hatched, and its gap hours on the right. */
function heatmapRow(row: HeatRow, y: number, firstOfLanguage: boolean): string {
  const { left, cellW, rowH, W, right } = HEAT;
  const out: string[] = [];
  if (firstOfLanguage) out.push(text(0, y + rowH / 2, `${languageName(row.language)} (${row.language})`, { size: 12.5, baseline: 'middle', weight: 600 }));
  out.push(text(left - 8, y + rowH / 2, channelName(row.channel), { size: 11.5, anchor: 'end', baseline: 'middle', fill: MUTED }));
  const cells = row.cells.map((c) => {
    const kind = cellKind(c);
    const fill =
      kind === 'not-simulated'
        ? '#ffffff'
        : kind === 'no-demand'
          ? NO_DEMAND
          : kind === 'uncovered'
            ? HATCH_BG
            : attainmentColour((c.serviceLevel ?? 0) - row.target, kind === 'below-target');
    return (
      `<rect class="cell ${kind}" x="${r(left + c.column * cellW)}" y="${y + 1}" width="${r(cellW + 0.35)}" height="${rowH - 2}" fill="${fill}">` +
      `<title>${esc(cellTip(row, c))}</title></rect>`
    );
  });
  out.push(
    `<g class="heat-row" data-language="${esc(row.language)}" data-channel="${esc(row.channel)}" data-gap-hours="${row.gapHours}" ` +
      `data-uncovered-hours="${row.uncoveredHours}" data-hours-below-target="${row.hoursBelowTarget}" shape-rendering="crispEdges">${cells.join('')}</g>`,
  );
  // Hatching of the uncovered hours: stripes drawn as lines over each run of such hours
  // (vector, so a PDF stays small; a pattern fill is rasterised cell by cell when printed).
  const runs: [number, number][] = [];
  row.cells.forEach((c) => {
    if (cellKind(c) !== 'uncovered') return;
    const last = runs.at(-1);
    if (last && last[1] === c.column) last[1] = c.column + 1;
    else runs.push([c.column, c.column + 1]);
  });
  const stripes = runs.map(([a, b]) => hatchPath(left + a * cellW, y + 1, (b - a) * cellW, rowH - 2)).join('');
  if (stripes) out.push(`<path class="hatch" d="${stripes}" stroke="${HATCH_LINE}" stroke-width="1.2" fill="none" pointer-events="none"/>`);
  const gapTip = `${languageName(row.language)} ${channelName(row.channel).toLowerCase()}: ${hours(row.gapHours)} gap hours = ${hours(row.uncoveredHours)} uncovered + ${hours(row.hoursBelowTarget)} below target (${targetText(row)})`;
  out.push(
    `<text class="row-gap" x="${W - right + 8}" y="${r(y + rowH / 2)}" font-size="12" dominant-baseline="central"` +
      `${row.gapHours ? ` font-weight="600" fill="#a40e26"` : ` fill="${MUTED}"`}>${esc(`${hours(row.gapHours)} h`)}<title>${esc(gapTip)}</title></text>`,
  );
  return out.join('');
}

/** Legend at `ly`: the colour ramp (gradient `ramp`) with its scale, the hatch, no demand; then
 * each channel's target. */
function heatmapLegend(rows: HeatRow[], ly: number, ramp: string): string {
  const rampW = 240;
  const rampX = 196;
  const tick = (v: number, label: string) => {
    const x = rampX + ((v + 0.5) / 0.6) * rampW;
    return `<line x1="${r(x)}" x2="${r(x)}" y1="${ly + 12}" y2="${ly + 16}" stroke="${MUTED}"/>` + text(x, ly + 28, label, { size: 11, anchor: 'middle', fill: MUTED });
  };
  const targetX = rampX + (0.5 / 0.6) * rampW;
  const channels = [...new Set(rows.map((row) => row.channel))];
  const targets = channels
    .map((c) => {
      const row = rows.find((x) => x.channel === c)!;
      return `${channelName(c)} ${targetText(row)}`;
    })
    .join(' · ');
  const sx = rampX + rampW + 28;
  return (
    `<g class="legend heat-legend">` +
    text(0, ly + 6, 'Service level vs the', { size: 12.5, baseline: 'middle', weight: 600 }) +
    text(0, ly + 22, 'channel’s own target', { size: 12.5, baseline: 'middle', weight: 600 }) +
    `<rect x="${rampX}" y="${ly}" width="${rampW}" height="12" fill="url(#${ramp})" stroke="${GRID}"/>` +
    `<line x1="${r(targetX)}" x2="${r(targetX)}" y1="${ly - 3}" y2="${ly + 15}" stroke="${INK}" stroke-width="1.5"/>` +
    tick(-0.5, '−50 pts') +
    tick(-0.25, '−25') +
    tick(-0.1, '−10') +
    tick(0, 'target') +
    tick(0.1, '+10') +
    `<rect x="${sx}" y="${ly - 1}" width="18" height="14" fill="${HATCH_BG}" stroke="${HATCH_LINE}" stroke-width="0.6"/>` +
    `<path d="${hatchPath(sx, ly - 1, 18, 14)}" stroke="${HATCH_LINE}" stroke-width="1.2"/>` +
    text(sx + 24, ly + 6, 'uncovered: contacts, nobody with the skill on the phones', { size: 12, baseline: 'middle' }) +
    `<rect x="${sx + 404}" y="${ly - 1}" width="18" height="14" fill="${NO_DEMAND}" stroke="${GRID}"/>` +
    text(sx + 428, ly + 6, 'no contacts', { size: 12, baseline: 'middle' }) +
    text(sx, ly + 26, `Targets: ${targets}`, { size: 12, baseline: 'middle', fill: MUTED, className: 'targets' }) +
    `</g>`
  );
}

// --- Grouped bars per language, one panel per channel ---------------------------------------------

export interface BarPanel {
  /** "Voice — target 80% within 20 s". */
  title: string;
  groups: { key: string; label: string }[];
  /** values[group][series]. */
  values: (Estimate | undefined)[][];
  /** The channel's target, drawn as a dashed line across the panel. */
  target?: number | null;
}

export interface GroupedBarsOptions {
  title: string;
  subtitle?: string;
  panels: BarPanel[];
  series: { name: string; colour: string }[];
  yTitle: string;
  targetLabel?: string;
  className: string;
}

/** Fractions (0–1) as grouped bars with 95% CI whiskers and value labels, one panel per channel
 * on a common scale, each with its own target. */
export function groupedBarsSvg(o: GroupedBarsOptions): string {
  const W = 1000;
  const left = 64;
  const right = 16;
  const hasTargets = o.panels.some((p) => p.target !== null && p.target !== undefined);
  const items: LegendItem[] = [
    ...o.series.map((s) => ({ label: s.name, colour: s.colour })),
    { label: '95% CI', swatch: CI_SWATCH },
    ...(hasTargets ? [{ label: o.targetLabel ?? 'target', swatch: `<path d="M0,7H14" stroke="${INK}" stroke-width="2" stroke-dasharray="4 2"/>` }] : []),
  ];
  const leg = legend(items, left, o.subtitle ? 62 : 44, W - left - right);
  const highs = o.panels.flatMap((p) => [...p.values.flat().map((e) => Math.max(e?.mean ?? 0, e?.ci95?.[1] ?? 0)), p.target ?? 0]);
  const yMax = Math.min(1, Math.max(0.1, ...highs) * 1.12);
  const plotH = o.panels.length > 1 ? 170 : 230;
  const panelGap = 56;
  let top = (o.subtitle ? 62 : 44) + leg.height + 14;
  const marks: string[] = [];
  const axes: string[] = [];
  const targets: string[] = [];
  const labels: string[] = [];
  for (const panel of o.panels) {
    if (o.panels.length > 1) {
      marks.push(text(left, top + 2, panel.title, { size: 13.5, weight: 650, className: 'panel-title' }));
      top += 30;
    }
    const bottom = top + plotH;
    const y = scaleLinear().domain([0, yMax]).range([bottom, top]).nice();
    const x = scaleBand<string>().domain(panel.groups.map((g) => g.key)).range([left, W - right]).paddingInner(0.28).paddingOuter(0.14);
    const inner = scaleBand<number>().domain(o.series.map((_, k) => k)).range([0, x.bandwidth()]).padding(0.1);
    axes.push(valueAxisY(y, left, W - right, (v) => percent(v), o.panels.length > 1 ? '' : o.yTitle, o.panels.length > 1 ? 4 : 5));
    // The target over the bars, under their labels.
    const t = panel.target;
    if (t !== null && t !== undefined) {
      targets.push(
        `<line class="target" x1="${r(left)}" x2="${r(W - right)}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${INK}" stroke-width="2" stroke-dasharray="6 3"><title>${esc(`${panel.title}: target ${percent(t)}`)}</title></line>`,
      );
    }
    panel.groups.forEach((g, gi) => {
      const gx = x(g.key)!;
      o.series.forEach((s, k) => {
        const e = panel.values[gi]?.[k];
        const bx = gx + inner(k)!;
        const bw = inner.bandwidth();
        if (!e || e.mean === null) {
          marks.push(text(bx + bw / 2, bottom - 6, 'n/a', { size: 11, anchor: 'middle', fill: MUTED }));
          return;
        }
        const tip = `${s.name} — ${g.label}${o.panels.length > 1 ? `, ${panel.title}` : ''}: ${percent(e.mean, 1)}${e.ci95 ? ` (95% CI ${percent(e.ci95[0], 1)}–${percent(e.ci95[1], 1)})` : ''}`;
        marks.push(
          `<rect class="bar" x="${r(bx)}" y="${r(y(e.mean))}" width="${r(bw)}" height="${r(Math.max(0, bottom - y(e.mean)))}" fill="${s.colour}"><title>${esc(tip)}</title></rect>`,
        );
        let labelY = y(e.mean) - 5;
        if (e.ci95 && e.ci95[1] > e.ci95[0]) {
          marks.push(errorBarV(bx + bw / 2, y(e.ci95[0]), y(e.ci95[1]), Math.min(5, bw / 4)));
          labelY = Math.min(labelY, y(e.ci95[1]) - 5);
        }
        // A white halo, so the label stays legible over a target line.
      labels.push(
        text(bx + bw / 2, labelY, percent(e.mean), { size: bw < 34 ? 10.5 : 12, anchor: 'middle', weight: 600 }).replace(
          '<text ',
          '<text stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" ',
        ),
      );
      });
      marks.push(text(gx + x.bandwidth() / 2, bottom + 18, g.label, { size: 12.5, anchor: 'middle', weight: 600 }));
    });
    top = bottom + panelGap;
  }
  const H = top - panelGap + 32;
  if (o.panels.length > 1) {
    axes.push(text(14, ((o.subtitle ? 62 : 44) + leg.height + H) / 2, o.yTitle, { size: 12.5, anchor: 'middle', rotate: -90, fill: MUTED }));
  }
  const groups = o.panels.reduce((s, p) => s + p.groups.length, 0);
  const label = `${o.title}. ${o.panels.length > 1 ? `${o.panels.map((p) => p.title).join('; ')}: ` : ''}${groups} groups of bars, ${o.series.length} scenarios.`;
  return svgDocument(W, H, label, o.className, chartTitle(o.title, o.subtitle) + leg.svg + axes.join('') + marks.join('') + targets.join('') + labels.join(''));
}

// --- Stacked horizontal bars (cost by provider) -----------------------------------------------------

export interface StackedRow {
  label: string;
  colour: string;
  segments: { key: string; label: string; value: number; colour: string; tip: string }[];
  total: Estimate;
  totalText: string;
}

export function stackedBarsSvg(o: {
  title: string;
  subtitle?: string;
  rows: StackedRow[];
  xTitle: string;
  format?: (v: number) => string;
  legend: LegendItem[];
  className: string;
}): string {
  const W = 1000;
  const left = 210;
  const right = 190;
  const leg = legend([...o.legend, { label: '95% CI of the total', swatch: CI_SWATCH }], 24, o.subtitle ? 62 : 44, W - 48);
  const top = (o.subtitle ? 62 : 44) + leg.height + 10;
  const rowH = 46;
  const barH = 26;
  const bottom = top + o.rows.length * rowH;
  const H = bottom + 50;
  const highs = o.rows.map((row) => Math.max(row.segments.reduce((s, x) => s + Math.max(0, x.value), 0), row.total.ci95?.[1] ?? 0, row.total.mean ?? 0));
  const x = niceLinear(highs, [left, W - right]);
  const marks: string[] = [];
  o.rows.forEach((row, k) => {
    const y = top + k * rowH + (rowH - barH) / 2;
    const lines = wrap(row.label, 24);
    const firstY = y + barH / 2 - ((lines.length - 1) * 15) / 2;
    marks.push(
      `<rect x="${left - 200}" y="${r(firstY - 6)}" width="12" height="12" rx="2" fill="${row.colour}"/>` +
        `<text x="${left - 184}" y="${r(firstY)}" font-size="13" font-weight="600" dominant-baseline="central">` +
        lines.map((l, i) => `<tspan x="${left - 184}" ${i ? 'dy="15"' : ''}>${esc(l)}</tspan>`).join('') +
        `<title>${esc(row.label)}</title></text>`,
    );
    let acc = 0;
    for (const s of row.segments) {
      if (!(s.value > 0)) continue;
      const x0 = x(acc);
      const x1 = x(acc + s.value);
      marks.push(
        `<rect class="segment" data-key="${esc(s.key)}" x="${r(x0)}" y="${r(y)}" width="${r(Math.max(0, x1 - x0))}" height="${barH}" fill="${s.colour}" stroke="#ffffff" stroke-width="1"><title>${esc(s.tip)}</title></rect>`,
      );
      if (x1 - x0 > s.label.length * 7 + 8) {
        marks.push(text((x0 + x1) / 2, y + barH / 2, s.label, { size: 11.5, anchor: 'middle', baseline: 'middle', fill: '#ffffff', weight: 600 }));
      }
      acc += s.value;
    }
    let labelX = x(acc) + 8;
    if (row.total.ci95 && row.total.ci95[1] > row.total.ci95[0]) {
      marks.push(errorBarH(y + barH / 2, x(row.total.ci95[0]), x(row.total.ci95[1]), 6));
      labelX = Math.max(labelX, x(row.total.ci95[1]) + 8);
    }
    marks.push(text(labelX, y + barH / 2, row.totalText, { size: 13, baseline: 'middle', weight: 650 }));
  });
  const axis = valueAxisX(x, top, bottom, o.format, o.xTitle);
  const label = `${o.title}. ${o.rows.map((row) => `${row.label}: ${row.totalText}`).join('; ')}.`;
  return svgDocument(W, H, label, o.className, chartTitle(o.title, o.subtitle, 24) + leg.svg + axis + marks.join(''));
}

// --- Gap hours closed against extra cost ------------------------------------------------------------

export interface EfficiencyPoint {
  label: string;
  colour: string;
  /** Δ monthly cost against the base. */
  cost: Estimate;
  /** Gap hours closed a month against the base. */
  closed: Estimate;
  note: string;
}

/** Each variant as a point (extra monthly cost, gap hours closed a month) with both CIs as a
 * cross, and a line from the base at the origin: its slope is gap hours closed per extra unit
 * of cost. */
export function efficiencySvg(o: { title: string; subtitle?: string; base: string; points: EfficiencyPoint[]; currency: string }): string {
  const W = 1000;
  const H = 430;
  const left = 92;
  const right = 40;
  const top = o.subtitle ? 62 : 44;
  const bottom = H - 56;
  const xs = o.points.flatMap((p) => [p.cost.mean ?? 0, ...(p.cost.ci95 ?? [])]);
  const ys = o.points.flatMap((p) => [p.closed.mean ?? 0, ...(p.closed.ci95 ?? [])]);
  const spanX = Math.max(...xs.map(Math.abs), 1);
  const spanY = Math.max(...ys.map(Math.abs), 1);
  // Room around the origin (the base) and the points for their labels.
  const x = niceLinear([...xs, Math.max(...xs, 0) + spanX * 0.12, Math.min(...xs, 0) - spanX * 0.1], [left, W - right]);
  const y = niceLinear([...ys, Math.max(...ys, 0) + spanY * 0.16, Math.min(...ys, 0) - spanY * 0.1], [bottom, top]);
  const marks: string[] = [];
  const x0 = x(0);
  const y0 = y(0);
  for (const p of o.points) {
    if (p.cost.mean === null || p.closed.mean === null) continue;
    const px = x(p.cost.mean);
    const py = y(p.closed.mean);
    marks.push(`<line x1="${r(x0)}" y1="${r(y0)}" x2="${r(px)}" y2="${r(py)}" stroke="${p.colour}" stroke-width="2" stroke-dasharray="6 4"/>`);
    if (p.cost.ci95) marks.push(errorBarH(py, x(p.cost.ci95[0]), x(p.cost.ci95[1]), 5, p.colour));
    if (p.closed.ci95) marks.push(errorBarV(px, y(p.closed.ci95[0]), y(p.closed.ci95[1]), 5, p.colour));
    const tip = `${p.label}\nExtra monthly cost: ${money(p.cost.mean, o.currency)}${p.cost.ci95 ? ` (95% CI ${money(p.cost.ci95[0], '', false)} to ${money(p.cost.ci95[1], '', false)})` : ''}\nGap hours closed a month: ${hours(p.closed.mean)} h${p.closed.ci95 ? ` (95% CI ${hours(p.closed.ci95[0])} to ${hours(p.closed.ci95[1])})` : ''}\n${p.note}`;
    marks.push(`<circle class="point" cx="${r(px)}" cy="${r(py)}" r="7" fill="${p.colour}" stroke="#ffffff" stroke-width="2"><title>${esc(tip)}</title></circle>`);
    // The label right of the point (past its whisker), where the lines from the origin are not;
    // near the right edge, above the point and to its left.
    const name = clip(p.label, 40);
    const width = Math.max(name.length * 7.6, p.note.length * 6.8);
    const rightOf = Math.max(px, p.cost.ci95 ? x(p.cost.ci95[1]) : px) + 12;
    if (rightOf + width < W - right) {
      marks.push(text(rightOf, py - 3, name, { size: 13, weight: 650 }));
      marks.push(text(rightOf, py + 13, p.note, { size: 12, fill: MUTED }));
    } else {
      const ly = Math.min(py - 12, (p.closed.ci95 ? y(p.closed.ci95[1]) : py) - 4);
      marks.push(text(px - 14, ly - 16, name, { size: 13, anchor: 'end', weight: 650 }));
      marks.push(text(px - 14, ly, p.note, { size: 12, anchor: 'end', fill: MUTED }));
    }
  }
  marks.push(`<circle cx="${r(x0)}" cy="${r(y0)}" r="6" fill="#ffffff" stroke="${INK}" stroke-width="2"><title>${esc(`${o.base} (the base): 0, 0`)}</title></circle>`);
  marks.push(text(x0 + 10, y0 + 18, `base: ${clip(o.base, 40)}`, { size: 12, fill: MUTED }));
  const axes =
    valueAxisX(x, top, bottom, undefined, `Extra monthly cost against the base (${o.currency} a month)`) +
    valueAxisY(y, left, W - right, undefined, 'Gap hours closed a month (h)');
  const label = `${o.title}. ${o.points.map((p) => `${p.label}: ${p.note}`).join('; ')}.`;
  return svgDocument(W, H, label, 'efficiency', chartTitle(o.title, o.subtitle) + axes + marks.join(''));
}
