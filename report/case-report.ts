// The outsourcing case as one self-contained HTML page: the question, a plain-language answer
// generated from the numbers, coverage heatmaps before and after, service level and
// abandonment per language, cost per contact and monthly cost by provider, gap hours closed per
// extra cost, and the scenarios' assumptions. Pure TypeScript (no DOM, no Node APIs): the CLI
// writes it to a file, the browser app offers it as a download, and both produce the same page.
import type { Comparison } from '../sim/compare';
import type { Estimate } from '../sim/confidence';
import type { ScenarioResult } from '../sim/metrics';
import type { Scenario } from '../sim/scenario';
import { demandTable, settingsTable, staffingTable } from './assumptions';
import { efficiencySvg, groupedBarsSvg, heatmapSvg, stackedBarsSvg, type EfficiencyPoint, type StackedRow } from './charts';
import { delta, esc, estimate, hasWidth, hours, languageName, money, percent, range, shortNames, type Unit } from './format';
import { displayTime, page } from './page';
import { caseSummary, direction, efficiency, efficiencySentence, horizonOf, ratioText, scaled } from './summary';
import { Ids, scenarioColour } from './svg';

export interface CaseReportInput {
  /** The scenarios as parsed (for the assumptions), base first, in the comparison's order. */
  scenarios: Scenario[];
  /** Where they came from, shown with the assumptions (CLI: the paths as given). */
  files?: string[];
  comparison: Comparison;
  /** Shown in the footer; defaults to now. */
  generatedAt?: string;
}

/** "What changes if we move from A to B?" (or "to B or C?"). */
export function caseQuestion(names: string[]): string {
  const variants = names.slice(1);
  const list = variants.length <= 1 ? variants.join('') : `${variants.slice(0, -1).join(', ')} or ${variants.at(-1)}`;
  return `What changes if we move from ${names[0]} to ${list}?`;
}

// Colours of pools: by type, in order of first appearance across the scenarios.
const POOL_PALETTES: Record<string, string[]> = {
  'in-house': ['#0550ae', '#218bff', '#54aeff', '#0a3069', '#80ccff'],
  outsourced: ['#bc4c00', '#fb8f44', '#953800', '#ffb77c', '#762c00'],
  ai: ['#8250df', '#c297ff', '#512a97', '#d8b9ff'],
};
function poolColours(results: ScenarioResult[]): Map<string, { colour: string; type: string }> {
  const out = new Map<string, { colour: string; type: string }>();
  const used: Record<string, number> = {};
  for (const r of results) {
    for (const [id, p] of Object.entries(r.pools)) {
      if (out.has(id)) continue;
      const palette = POOL_PALETTES[p.type] ?? ['#6e7781', '#afb8c1'];
      const n = used[p.type] ?? 0;
      used[p.type] = n + 1;
      out.set(id, { colour: palette[n % palette.length], type: p.type });
    }
  }
  return out;
}

const TYPE_WORD: Record<string, string> = { 'in-house': 'in-house', outsourced: 'outsourced', ai: 'AI' };

/** Offered-weighted service-level target of a language over its queues and intervals. */
function languageTarget(result: ScenarioResult, language: string): number | null {
  let weight = 0, sum = 0;
  for (const q of result.coverage) {
    if (q.language !== language) continue;
    const offered = q.offered.reduce((s, x) => s + x, 0);
    weight += offered;
    sum += offered * q.target;
  }
  return weight > 0 ? sum / weight : null;
}

interface Headline {
  label: string;
  unit: Unit;
  /** The figure of a result, scaled where needed (gap hours to a week). */
  of: (r: ScenarioResult) => Estimate;
  /** Paired difference, scaled the same way. */
  diff: (d: Record<string, Estimate>, base: ScenarioResult) => Estimate;
  /** Is a rise good (true), bad (false)? */
  higherIsBetter: boolean;
}

const HEADLINES: Headline[] = [
  {
    label: 'Gap hours a week (all languages)',
    unit: 'hours',
    of: (r) => scaled(r.summary.gapHours, horizonOf(r).perWeek),
    diff: (d, b) => scaled(d.gapHours, horizonOf(b).perWeek),
    higherIsBetter: false,
  },
  { label: 'Service level', unit: 'fraction', of: (r) => r.summary.serviceLevel, diff: (d) => d.serviceLevel, higherIsBetter: true },
  { label: 'Abandonment', unit: 'fraction', of: (r) => r.summary.abandonRate, diff: (d) => d.abandonRate, higherIsBetter: false },
  { label: 'Mean wait, voice and chat (ASA)', unit: 'seconds', of: (r) => r.summary.asaSeconds, diff: (d) => d.asaSeconds, higherIsBetter: false },
  { label: 'Cost per contact', unit: 'money', of: (r) => r.summary.costPerContact, diff: (d) => d.costPerContact, higherIsBetter: false },
  { label: 'Cost a month', unit: 'money', of: (r) => r.summary.costPerMonth, diff: (d) => d.costPerMonth, higherIsBetter: false },
];

function valueCell(e: Estimate, unit: Unit, currency: string): string {
  if (e.mean === null) return '<td class="num">–</td>';
  const main = unit === 'fraction' ? percent(e.mean, 1) : unit === 'money' ? money(e.mean, currency) : unit === 'hours' ? `${hours(e.mean)} h` : estimate({ mean: e.mean, ci95: null }, unit);
  const ci = hasWidth(e) ? `<span class="ci">95% CI ${esc(range(e.ci95, unit))}${unit === 'fraction' ? '%' : ''}</span>` : '';
  return `<td class="num">${esc(main)}${ci}</td>`;
}

function deltaCell(e: Estimate | undefined, unit: Unit, currency: string, higherIsBetter: boolean): string {
  if (!e || e.mean === null) return '<td class="num">–</td>';
  const dir = direction(e);
  const good = dir === 'up' ? higherIsBetter : dir === 'down' ? !higherIsBetter : null;
  const cls = good === null ? '' : good ? ' good' : ' bad';
  const ci = e.ci95 ? `<span class="ci">95% CI ${esc(range(e.ci95, unit))}${unit === 'fraction' ? ' pts' : ''}</span>` : '<span class="ci">no CI (one replication)</span>';
  const ns = dir === 'none' && !(e.ci95![0] === 0 && e.ci95![1] === 0) ? '<span class="ns" title="The 95% CI of the difference includes 0">not significant</span>' : '';
  return `<td class="num delta${cls}">${esc(delta(e.mean, unit, currency))}${ns}${ci}</td>`;
}

function headlineTable(c: Comparison, labels: string[]): string {
  const results = c.scenarios;
  const currency = results[0].currency;
  const head =
    '<tr><th>Figure</th>' +
    results.map((_, k) => `<th class="num"><span class="badge s${k}">${esc(labels[k])}</span></th>`).join('') +
    results.slice(1).map((_, j) => `<th class="num">Difference ${esc(labels[j + 1])} − ${esc(labels[0])}</th>`).join('') +
    '</tr>';
  const rows = HEADLINES.map((h) => {
    const values = results.map((r) => valueCell(h.of(r), h.unit, currency)).join('');
    const deltas = results
      .slice(1)
      .map((_, j) => deltaCell(c.deltas[j + 1] ? h.diff(c.deltas[j + 1] as Record<string, Estimate>, results[0]) : undefined, h.unit, currency, h.higherIsBetter))
      .join('');
    return `<tr><th scope="row">${esc(h.label)}</th>${values}${deltas}</tr>`;
  });
  return `<table class="data headline-figures"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function costSection(c: Comparison, labels: string[]): string {
  const results = c.scenarios;
  const currency = results[0].currency;
  const colours = poolColours(results);
  const legendItems = [...colours.entries()].map(([id, p]) => ({ label: `${id} (${TYPE_WORD[p.type] ?? p.type})`, colour: p.colour }));
  const monthlyRows: StackedRow[] = results.map((r, k) => {
    const perMonth = horizonOf(r).perMonth;
    const total = r.summary.costPerMonth;
    return {
      label: labels[k],
      colour: scenarioColour(k),
      segments: Object.entries(r.pools).map(([id, p]) => {
        const v = (p.costTotal.mean ?? 0) * perMonth;
        const share = total.mean ? v / total.mean : NaN;
        return {
          key: id,
          label: id,
          value: v,
          colour: colours.get(id)?.colour ?? '#6e7781',
          tip: `${labels[k]} — ${id} (${TYPE_WORD[p.type] ?? p.type}): ${money(v, currency)} a month (${percent(share)} of the total)`,
        };
      }),
      total,
      totalText: `${money(total.mean, currency)}`,
    };
  });
  const perContactRows: StackedRow[] = results.map((r, k) => {
    const cpc = r.summary.costPerContact;
    const poolTotal = Object.values(r.pools).reduce((s, p) => s + (p.costTotal.mean ?? 0), 0);
    return {
      label: labels[k],
      colour: scenarioColour(k),
      segments: Object.entries(r.pools).map(([id, p]) => {
        const share = poolTotal > 0 ? (p.costTotal.mean ?? 0) / poolTotal : 0;
        const v = (cpc.mean ?? 0) * share;
        return {
          key: id,
          label: id,
          value: v,
          colour: colours.get(id)?.colour ?? '#6e7781',
          tip: `${labels[k]} — ${id} (${TYPE_WORD[p.type] ?? p.type}): ${money(v, currency)} per contact (${percent(share)} of the cost)`,
        };
      }),
      total: cpc,
      totalText: money(cpc.mean, currency),
    };
  });
  const monthly = stackedBarsSvg({
    title: 'Cost a month, by provider',
    subtitle: 'Each pool under its own price model (minimums, clauses, premiums included), scaled to an average month',
    rows: monthlyRows,
    xTitle: `Cost a month (${currency})`,
    legend: legendItems,
    className: 'cost-month',
  });
  const perContact = stackedBarsSvg({
    title: 'Cost per contact, by provider',
    subtitle: 'Total cost ÷ contacts resolved (answered by a person or contained by AI), split by each provider’s share of the cost',
    rows: perContactRows,
    xTitle: `Cost per resolved contact (${currency})`,
    legend: legendItems,
    className: 'cost-contact',
  });
  // A table for the printed page, where tooltips cannot be read.
  const ids2 = [...colours.keys()];
  const rows = ids2.map((id) => {
    const cells = results.map((r) => {
      const p = r.pools[id];
      return `<td class="num">${p ? esc(money((p.costTotal.mean ?? 0) * horizonOf(r).perMonth, currency)) : '<span class="muted">–</span>'}</td>`;
    });
    const type = colours.get(id)!.type;
    return `<tr><td><strong>${esc(id)}</strong> <span class="type ${esc(type)}">${esc(TYPE_WORD[type] ?? type)}</span></td>${cells.join('')}</tr>`;
  });
  const total = `<tr class="total"><td>Total a month</td>${results.map((r) => `<td class="num">${esc(money(r.summary.costPerMonth.mean, currency))}</td>`).join('')}</tr>`;
  const table =
    `<table class="data cost-table"><thead><tr><th>Provider</th>${results.map((_, k) => `<th class="num"><span class="badge s${k}">${esc(labels[k])}</span></th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}${total}</tbody></table>`;
  return (
    `<figure>${monthly}</figure>` +
    `<figure>${perContact}<figcaption>The split per provider is in proportion to each provider’s share of the total cost; the whisker is the 95% CI of the total.</figcaption></figure>` +
    table
  );
}

function efficiencySection(c: Comparison, labels: string[]): string {
  const base = c.scenarios[0];
  const currency = base.currency;
  const points: EfficiencyPoint[] = [];
  const rows: string[] = [];
  c.scenarios.slice(1).forEach((_, j) => {
    const k = j + 1;
    const d = c.deltas[k] as Record<string, Estimate> | null;
    if (!d) return;
    const e = efficiency(base, d);
    const note =
      e.per1000 !== null
        ? `${ratioText(e.per1000)} gap h a month per 1,000 ${currency}`
        : e.verdict === 'saves-and-closes'
          ? 'closes gaps and costs less'
          : e.verdict === 'no-cost-difference'
            ? 'cost difference not significant'
            : e.verdict === 'no-difference'
              ? 'no difference'
            : e.verdict === 'saves-and-opens'
              ? 'saves money, opens gaps'
              : e.verdict === 'costs-and-opens'
                ? 'costs more, opens gaps'
                : '';
    points.push({ label: labels[k], colour: scenarioColour(k), cost: e.extraCostPerMonth, closed: e.closedPerMonth, note });
    const ratio =
      e.per1000 === null
        ? `<span class="muted">${esc(note || '–')}</span>`
        : `${esc(ratioText(e.per1000))} h${e.range ? `<span class="ci">${esc(ratioText(e.range[0]))} to ${esc(ratioText(e.range[1]))} when both CIs hold</span>` : ''}`;
    rows.push(
      `<tr><td><span class="badge s${k}">${esc(labels[k])}</span></td>` +
        deltaCell(e.extraCostPerMonth, 'money', currency, false) +
        deltaCell({ mean: e.closedPerMonth.mean, ci95: e.closedPerMonth.ci95 }, 'hours', currency, true) +
        `<td class="num" title="${esc(efficiencySentence(e, currency))}">${ratio}</td></tr>`,
    );
  });
  const chart = efficiencySvg({
    title: 'Gap hours closed per extra cost',
    subtitle: `Each variant against the base (the origin): the steeper its line, the more gap hours it closes per ${currency} of extra monthly cost`,
    base: labels[0],
    points,
    currency,
  });
  const table =
    `<table class="data efficiency-table"><thead><tr><th>Variant</th><th class="num">Extra cost a month</th><th class="num">Gap hours closed a month</th>` +
    `<th class="num">Gap hours closed a month per 1,000 ${esc(currency)} of extra cost</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<figure>${chart}<figcaption>Crosses are the paired 95% CIs of the two differences. A month is an average month (30.44 days); gap hours add the languages.</figcaption></figure>${table}`;
}

/** The case report: one self-contained HTML document. */
export function caseReportHtml(input: CaseReportInput): string {
  const { comparison: c, scenarios } = input;
  const results = c.scenarios;
  if (results.length < 2) throw new Error('a case report needs at least two scenarios: the base and a variant');
  if (scenarios.length !== results.length) throw new Error(`expected ${results.length} scenarios for the comparison's results, got ${scenarios.length}`);
  const ids = new Ids('fs');
  const names = results.map((r) => r.name);
  const labels = shortNames(names);
  const question = caseQuestion(labels);
  const base = results[0];
  const currency = base.currency;
  const generated = input.generatedAt ?? new Date().toISOString();
  const summaries = caseSummary(c, labels);

  // Languages in a stable order: the base's, then any new ones.
  const languages = [...new Set(results.flatMap((r) => r.coverage.map((q) => q.language)))];
  const languageLabel = (l: string) => `${languageName(l)} (${l})`;

  const summaryHtml = summaries
    .map(
      (s) =>
        `<div class="variant" data-variant="${s.variant}"><p class="headline">${esc(s.headline)}</p>` +
        `<ul>${s.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul></div>`,
    )
    .join('');

  const heatmaps = results
    .map((r, k) => {
      const title = results.length === 2 ? `${k === 0 ? 'Before' : 'After'}: ${labels[k]}` : `${k === 0 ? 'Base' : `Variant ${k}`}: ${labels[k]}`;
      const gap = scaled(r.summary.gapHours, horizonOf(r).perWeek);
      const subtitle = `Service level ${percent(r.summary.serviceLevel.mean, 1)} · ${hours(gap.mean)} gap hours a week across languages · ${r.replications} replications`;
      return `<figure>${heatmapSvg(r, { title, subtitle, languages: languages.filter((l) => r.coverage.some((q) => q.language === l)), ids })}</figure>`;
    })
    .join('');

  const series = results.map((_, k) => ({ name: labels[k], colour: scenarioColour(k) }));
  const groups = languages.map((l) => ({ key: l, label: languageLabel(l) }));
  const slChart = groupedBarsSvg({
    title: 'Service level per language',
    subtitle: 'Answered within the channel’s threshold ÷ offered, all channels of the language; dashed: the target (weighted by channel volume)',
    groups,
    series,
    values: languages.map((l) => results.map((r) => r.languages[l]?.serviceLevel)),
    yTitle: 'Service level (% of offered)',
    targets: languages.map((l) => languageTarget(base, l)),
    targetLabel: 'target',
    className: 'service-level',
  });
  const abandonChart = groupedBarsSvg({
    title: 'Abandonment per language',
    subtitle: 'Hung up before an answer ÷ offered (email is never abandoned)',
    groups,
    series,
    values: languages.map((l) => results.map((r) => r.languages[l]?.abandonRate)),
    yTitle: 'Abandoned (% of offered)',
    className: 'abandonment',
  });

  const days = horizonOf(base).days;
  const body = `
<header class="report-head">
  <p class="eyebrow">followsun · coverage and outsourcing case</p>
  <h1 class="question">${esc(question)}</h1>
  <p class="meta">${results.map((_, k) => `<span class="badge s${k}">${esc(labels[k])}</span>`).join(' ')}
  &nbsp;Simulated ${esc(displayTime(base.start))} to ${esc(displayTime(base.end))} (${esc(hours(days * 24))} h), ${base.replications} replication${base.replications === 1 ? '' : 's'} with common random numbers. Money in ${esc(currency)}.${Math.abs(days - 7) > 1e-9 ? ' Weekly and monthly figures are scaled from the simulated window.' : ''}</p>
</header>

<section class="summary" aria-label="Summary">
${summaryHtml}
<p class="small muted">Differences of totals carry paired 95% confidence intervals (the scenarios saw the same customers in each replication); a difference is called significant only when its interval excludes zero. Per-language differences are called clear only when the two scenarios’ intervals do not overlap.</p>
</section>

<section class="figures">
<h2>Headline figures</h2>
${headlineTable(c, labels)}
</section>

<section class="page coverage">
<h2>Coverage around the clock</h2>
<p class="lead">Each row is a language, each column an hour of the week in UTC. Colour shows the service level against its target; hatched hours had contacts but nobody with the skill on the phones (voice or chat); grey hours had no contacts. Hover a cell for its figures.</p>
${heatmaps}
</section>

<section class="page languages">
<h2>Service level and abandonment per language</h2>
<figure>${slChart}</figure>
<figure>${abandonChart}</figure>
</section>

<section class="page cost">
<h2>Cost per contact and cost a month, by provider</h2>
${costSection(c, labels)}
</section>

<section class="page efficiency">
<h2>Gap hours closed per extra ${esc(currency)}</h2>
<p class="lead">How many hours of coverage gaps each variant closes for the money it adds: Δ gap hours ÷ Δ monthly cost, both from paired replications.</p>
${efficiencySection(c, labels)}
</section>

<section class="page assumptions">
<h2>Assumptions</h2>
<h3>Scenarios</h3>
${settingsTable(scenarios, results, labels, input.files)}
<h3>Demand: contacts per language and channel</h3>
${demandTable(scenarios, labels)}
<h3>Staffing pools</h3>
${staffingTable(scenarios, labels)}
</section>

<section class="method">
<h2>How to read the figures</h2>
<dl class="defs">
<dt>Offered</dt><dd>Contacts that reached a human queue (after any AI containment).</dd>
<dt>Service level</dt><dd>Answered within the channel’s threshold ÷ offered.</dd>
<dt>Abandonment</dt><dd>Hung up before being answered ÷ offered.</dd>
<dt>Coverage gap</dt><dd>An interval × language × channel with demand where nobody on the phones has the skill (voice and chat) or the service-level target is missed. Gap hours of a language count intervals where any of its channels has a gap; the total adds the languages.</dd>
<dt>Cost per contact</dt><dd>Total cost ÷ contacts resolved (answered by a person or contained by AI), each pool under its price model.</dd>
<dt>Confidence intervals</dt><dd>Means over ${base.replications} independent replications with Student-t 95% intervals. The scenarios were run with the same seed, so replication r of each sees the same arrivals, handle times and patience; the difference of two scenarios is estimated from the paired replications.</dd>
</dl>
</section>

<footer>Generated by followsun on ${esc(displayTime(generated))}. ${esc(names.join(' → '))}. Simulation, not a forecast: the figures follow from the assumptions above.</footer>`;
  return page(question, body);
}
