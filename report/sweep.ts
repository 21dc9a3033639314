// A sweep of one or more knobs as cost per contact against the share of hours meeting target,
// with the efficient frontier: the points no other point beats on both (a higher-or-equal share
// at a lower-or-equal cost). The share is summary.targetMetShare: of the language × channel hours
// with demand, those that met their own channel's target (never a service level blending
// channels). Pure TypeScript: the sweep command (CLI) and the app both call it.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { esc, money, percent } from './format';
import { page } from './page';
import { INK, chartTitle, legend, niceLinear, r, svgDocument, text, valueAxisX, valueAxisY } from './svg';

export interface SweepPoint {
  label: string;
  /** Share (0–1) of the language × channel hours with demand that met their channel's target. */
  targetMetShare: number;
  costPerContact: number;
}

const usable = (p: SweepPoint) => Number.isFinite(p.targetMetShare) && Number.isFinite(p.costPerContact);

/** Indexes of the points on the efficient frontier, by share of hours meeting target (and so by
 * cost) ascending. A point is dominated when another has a share at least as high at a cost at
 * most as high, and is better on one of the two; identical points are all on the frontier. Points with a
 * missing figure are never on it. */
export function efficientFrontier(points: SweepPoint[]): number[] {
  const on: number[] = [];
  points.forEach((p, i) => {
    if (!usable(p)) return;
    const dominated = points.some(
      (q, j) =>
        j !== i &&
        usable(q) &&
        q.targetMetShare >= p.targetMetShare &&
        q.costPerContact <= p.costPerContact &&
        (q.targetMetShare > p.targetMetShare || q.costPerContact < p.costPerContact),
    );
    if (!dominated) on.push(i);
  });
  return on.sort((a, b) => points[a].targetMetShare - points[b].targetMetShare || points[a].costPerContact - points[b].costPerContact);
}

const FRONTIER = '#0969da';
const DOMINATED = '#8c959f';

/** Scatter of cost per contact (y) against the share of hours meeting target (x); the frontier as
 * a connected line. */
export function sweepChartSvg(points: SweepPoint[], currency: string, title = 'Cost per contact against hours meeting target'): string {
  const W = 1000;
  const H = 520;
  const left = 84;
  const right = 36;
  const frontier = efficientFrontier(points);
  const onFrontier = new Set(frontier);
  const leg = legend(
    [
      { label: 'efficient frontier (no other point has a higher-or-equal share of hours meeting target at a lower-or-equal cost)', swatch: `<path d="M0,7H14" stroke="${FRONTIER}" stroke-width="2.5"/><circle cx="7" cy="7" r="4.5" fill="${FRONTIER}"/>` },
      { label: 'dominated', swatch: `<circle cx="7" cy="7" r="4.5" fill="#ffffff" stroke="${DOMINATED}" stroke-width="2"/>` },
    ],
    left,
    62,
    W - left - right,
  );
  const top = 62 + leg.height + 10;
  const bottom = H - 56;
  const shown = points.map((p, i) => ({ p, i })).filter(({ p }) => usable(p));
  const shares = shown.map(({ p }) => p.targetMetShare);
  const costs = shown.map(({ p }) => p.costPerContact);
  const lo = shares.length ? Math.min(...shares) : 0;
  const hi = shares.length ? Math.max(...shares) : 1;
  const pad = Math.max(0.02, (hi - lo) * 0.08);
  const x = scaleLinear()
    .domain([Math.max(0, lo - pad), Math.min(1, hi + pad)])
    .range([left, W - right])
    .nice();
  const cLo = costs.length ? Math.min(...costs) : 0;
  const cHi = costs.length ? Math.max(...costs) : 1;
  const cPad = Math.max((cHi - cLo) * 0.12, Math.abs(cHi) * 0.02, 0.01);
  const y = niceLinear([Math.max(0, cLo - cPad), cHi + cPad], [bottom, top], false);
  const path = line<number>()
    .x((i) => x(points[i].targetMetShare))
    .y((i) => y(points[i].costPerContact))(frontier);
  const marks: string[] = [];
  if (path && frontier.length > 1) marks.push(`<path class="frontier" d="${path}" fill="none" stroke="${FRONTIER}" stroke-width="2.5" stroke-linejoin="round"/>`);
  for (const { p, i } of shown) {
    const good = onFrontier.has(i);
    const tip = `${p.label}\nHours meeting target ${percent(p.targetMetShare, 1)}\nCost per contact ${money(p.costPerContact, currency)}${good ? '\nOn the efficient frontier' : '\nDominated: another point is at least as good on both'}`;
    marks.push(
      `<circle class="point${good ? ' on-frontier' : ' dominated'}" cx="${r(x(p.targetMetShare))}" cy="${r(y(p.costPerContact))}" r="${good ? 6 : 5}" ` +
        `fill="${good ? FRONTIER : '#ffffff'}" stroke="${good ? '#ffffff' : DOMINATED}" stroke-width="2"><title>${esc(tip)}</title></circle>`,
    );
  }
  // Labels of the frontier points (the ones a reader chooses between), alternating above/below.
  frontier.forEach((i, n) => {
    const p = points[i];
    const px = x(p.targetMetShare);
    const py = y(p.costPerContact);
    const anchor = px > W - right - 120 ? 'end' : px < left + 120 ? 'start' : 'middle';
    // A white halo keeps the label legible where the frontier line crosses it.
    const label = text(px, n % 2 === 0 ? py - 12 : py + 20, p.label, { size: 12, anchor, weight: 600, fill: INK });
    marks.push(label.replace('<text ', '<text stroke="#ffffff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke" '));
  });
  const axes =
    valueAxisX(x, top, bottom, (v) => percent(v), 'Hours meeting target (share of language × channel hours with contacts that met their channel’s target)') +
    valueAxisY(y, left, W - right, (v) => money(v, '', false), `Cost per contact (${currency})`);
  const missing = points.length - shown.length;
  const subtitle = `${points.length} runs; ${frontier.length} on the efficient frontier${missing ? `; ${missing} without figures not shown` : ''}`;
  const label = `${title}: ${subtitle}. Frontier: ${frontier.map((i) => points[i].label).join(', ')}.`;
  return svgDocument(W, H, label, 'sweep', chartTitle(title, subtitle) + leg.svg + axes + marks.join(''));
}

/** A small self-contained page: the sweep chart and a table of the points. */
export function sweepReportHtml(input: { title: string; varied: string[]; points: SweepPoint[]; currency: string; generatedAt?: string }): string {
  const frontier = new Set(efficientFrontier(input.points));
  const rows = input.points
    .map(
      (p, i) =>
        `<tr${frontier.has(i) ? ' class="on-frontier"' : ''}><td>${esc(p.label)}</td><td class="num">${esc(percent(p.targetMetShare, 1))}</td>` +
        `<td class="num">${esc(money(p.costPerContact, input.currency))}</td><td>${frontier.has(i) ? '<strong>on the frontier</strong>' : '<span class="muted">dominated</span>'}</td></tr>`,
    )
    .join('');
  const varied = input.varied.length ? input.varied.map((v) => `<code>${esc(v)}</code>`).join(', ') : '–';
  const body = `
<header class="report-head">
  <p class="eyebrow">followsun · sweep</p>
  <h1>${esc(input.title)}</h1>
  <p class="meta">Varied: ${varied}. Money in ${esc(input.currency)}.</p>
</header>
<section>
<figure>${sweepChartSvg(input.points, input.currency)}</figure>
<p class="small muted">Hours meeting target: of the hours with contacts, counted per language and channel, the share that met that channel’s own target (someone with the skill on the phones, and enough of the hour’s contacts answered within the channel’s threshold). A point is on the efficient frontier when no other point has a higher-or-equal share of hours meeting target at a lower-or-equal cost per contact. Cost per contact: total cost ÷ contacts handled (answered + AI resolutions).</p>
<table class="data sweep-table"><thead><tr><th>Run</th><th class="num">Hours meeting target</th><th class="num">Cost per contact</th><th>Frontier</th></tr></thead><tbody>${rows}</tbody></table>
</section>
<footer>Generated by followsun${input.generatedAt ? ` on ${esc(input.generatedAt)}` : ''}.</footer>`;
  return page(input.title, body);
}
