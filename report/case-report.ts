// The outsourcing case as one self-contained HTML page: the question, a plain-language answer
// generated from the numbers, coverage heatmaps before and after, service level and
// abandonment per language, cost per contact and monthly cost by provider, gap hours closed per
// extra cost, and the scenarios' assumptions. Pure TypeScript (no DOM, no Node APIs): the CLI
// writes it to a file, the browser app offers it as a download, and both produce the same page.
import type { Comparison } from '../sim/compare';
import type { Estimate } from '../sim/stats/confidence';
import type { ScenarioResult } from '../sim/stats/metrics';
import type { Scenario } from '../sim/scenario/scenario';
import { demandTable, settingsTable, staffingTable } from './assumptions';
import { efficiencySvg, groupedBarsSvg, heatmapSvg, stackedBarsSvg, type BarPanel, type EfficiencyPoint, type StackedRow } from './charts';
import { channelName, delta, esc, estimate, hasWidth, hours, languageName, money, percent, range, shortNames, targetText, type Unit } from './format';
import { displayTime, page, wideTable } from './page';
import { iterationsTable, planSentence, plannedRosters, poolTable, rosterTable, unmetList, type PlanOutcome } from './plan';
import { caseSummary, channelsIn, direction, efficiency, efficiencySentence, hasAi, horizonOf, joinList, periodOf, ratioText, scaled } from './summary';
import { Ids, scenarioColour } from './svg';
import { wordFor } from '../sim/text/counted';

export interface CaseReportInput {
  /** The scenarios as parsed (for the assumptions), base first, in the comparison's order. */
  scenarios: Scenario[];
  /** Where they came from, shown with the assumptions (CLI: the paths as given). */
  files?: string[];
  comparison: Comparison;
  /** Shown in the footer; defaults to now. */
  generatedAt?: string;
  /** Short names of the scenarios (default: their names without the words they all start with). */
  labels?: string[];
  /** What the page is: a case between scenarios (followsun report, the default); a plan against
   * the scenario as written, open head counts at their minimum (followsun plan --report); or
   * scenarios each planned to the same targets (followsun plan --compare --report). */
  kind?: 'case' | 'plan' | 'planned';
  /** With kind plan or planned: what the planner decided, per scenario (undefined for a scenario
   * not planned: the one as written, or one with nothing to plan). */
  plans?: (PlanOutcome | undefined)[];
}

/** The question of a comparison of plans: "Which costs least when each is planned to the same targets: A, B or C?" */
export function plannedQuestion(names: string[]): string {
  const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `Which costs ${names.length > 2 ? 'least' : 'less'} when each is planned to the same targets: ${list}?`;
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

interface Headline {
  label: string;
  /** A finer line under the label. */
  note?: string;
  unit: Unit;
  /** The figure of a result (undefined where the scenario has no such figure). */
  of: (r: ScenarioResult) => Estimate | undefined;
  /** The difference of variant k against the base. */
  diff: (c: Comparison, k: number) => Estimate | undefined;
  /** Is a rise good (true), bad (false)? */
  higherIsBetter: boolean;
}

interface HeadlineSection {
  title: string;
  rows: Headline[];
}

const summaryFigure = (f: string) => (r: ScenarioResult) => (r.summary as Record<string, Estimate>)[f];
const summaryDelta = (f: string) => (c: Comparison, k: number) => (c.deltas[k] as Record<string, Estimate> | null)?.[f];

/** The headline figures, in the summary's order: money, each channel against its own target,
 * coverage gaps, per contact; AI resolutions where a scenario has an AI pool. */
function headlineSections(c: Comparison, withWeek = false): HeadlineSection[] {
  const results = c.scenarios;
  const base = results[0];
  const period = periodOf(base);
  const weekOfMonth = (r: ScenarioResult) => horizonOf(r).perWeek / horizonOf(r).perMonth;
  const sections: HeadlineSection[] = [
    {
      title: 'Cost',
      rows: [
        ...(withWeek
          ? [
              {
                label: 'Cost a week',
                unit: 'money' as Unit,
                of: (r: ScenarioResult) => scaled(r.summary.costPerMonth, weekOfMonth(r)),
                diff: (cmp: Comparison, k: number) => scaled(cmp.deltas[k]?.costPerMonth, weekOfMonth(cmp.scenarios[0])),
                higherIsBetter: false,
              },
            ]
          : []),
        { label: 'Cost a month', unit: 'money', of: summaryFigure('costPerMonth'), diff: summaryDelta('costPerMonth'), higherIsBetter: false },
        { label: 'Cost per contact', note: 'total cost ÷ contacts handled (answered + AI resolutions)', unit: 'money', of: summaryFigure('costPerContact'), diff: summaryDelta('costPerContact'), higherIsBetter: false },
        {
          label: 'Cost per resolved customer',
          note: 'total cost ÷ (answered + AI resolutions that held)',
          unit: 'money',
          of: summaryFigure('costPerResolvedCustomer'),
          diff: summaryDelta('costPerResolvedCustomer'),
          higherIsBetter: false,
        },
      ],
    },
  ];
  for (const channel of channelsIn(results)) {
    const t = base.channelTargets?.[channel] ?? results.find((r) => r.channelTargets?.[channel])!.channelTargets[channel];
    const name = channelName(channel);
    const of = (f: 'serviceLevel' | 'asaSeconds' | 'abandonRate') => (r: ScenarioResult) => r.channels?.[channel]?.[f];
    const diff = (f: 'serviceLevel' | 'asaSeconds' | 'abandonRate') => (cmp: Comparison, k: number) =>
      (cmp.channelDeltas?.[k] as Record<string, Record<string, Estimate>> | null)?.[channel]?.[f];
    const email = channel === 'email';
    const rows: Headline[] = [
      { label: `${name} service level`, note: `target ${targetText(t)}`, unit: 'fraction', of: of('serviceLevel'), diff: diff('serviceLevel'), higherIsBetter: true },
      {
        label: email ? `${name} mean time to answer` : `${name} mean wait (ASA)`,
        unit: 'seconds',
        of: of('asaSeconds'),
        diff: diff('asaSeconds'),
        higherIsBetter: false,
      },
    ];
    if (!email || results.some((r) => (r.channels?.[channel]?.abandonRate.mean ?? 0) > 0)) {
      rows.push({ label: `${name} abandonment`, unit: 'fraction', of: of('abandonRate'), diff: diff('abandonRate'), higherIsBetter: false });
    }
    sections.push({ title: `${name}, against its own target`, rows });
  }
  sections.push({
    title: 'Coverage gaps, all languages and channels',
    rows: [
      {
        label: `Gap hours ${period}`,
        note: 'language × channel hours: uncovered + below target',
        unit: 'hours',
        of: summaryFigure('gapHours'),
        diff: summaryDelta('gapHours'),
        higherIsBetter: false,
      },
      { label: '… uncovered', note: 'contacts, nobody with the skill on the phones', unit: 'hours', of: summaryFigure('uncoveredHours'), diff: summaryDelta('uncoveredHours'), higherIsBetter: false },
      { label: '… below target', note: 'covered, but under the channel’s target', unit: 'hours', of: summaryFigure('hoursBelowTarget'), diff: summaryDelta('hoursBelowTarget'), higherIsBetter: false },
    ],
  });
  if (results.some(hasAi)) {
    sections.push({
      title: `AI resolutions ${period}`,
      rows: [
        { label: 'Resolved by AI (gross)', unit: 'count', of: summaryFigure('contained'), diff: summaryDelta('contained'), higherIsBetter: true },
        { label: '… came back', note: 'the customer contacted again', unit: 'count', of: summaryFigure('containedReturned'), diff: summaryDelta('containedReturned'), higherIsBetter: false },
        { label: '… held (net)', unit: 'count', of: summaryFigure('containedNet'), diff: summaryDelta('containedNet'), higherIsBetter: true },
      ],
    });
  }
  return sections;
}

function valueCell(e: Estimate | undefined, unit: Unit, currency: string): string {
  if (!e || e.mean === null) return '<td class="num">–</td>';
  const main = unit === 'fraction' ? percent(e.mean, 1) : unit === 'money' ? money(e.mean, currency) : unit === 'hours' ? `${hours(e.mean)} h` : estimate({ mean: e.mean, ci95: null }, unit);
  const ci = hasWidth(e) ? `<span class="ci">95% CI ${esc(range(e.ci95, unit, e.mean))}${unit === 'fraction' ? '%' : ''}</span>` : '';
  return `<td class="num">${esc(main)}${ci}</td>`;
}

function deltaCell(e: Estimate | undefined, unit: Unit, currency: string, higherIsBetter: boolean): string {
  if (!e || e.mean === null) return '<td class="num">–</td>';
  const dir = direction(e);
  const good = dir === 'up' ? higherIsBetter : dir === 'down' ? !higherIsBetter : null;
  const cls = good === null ? '' : good ? ' good' : ' bad';
  const ci = !e.ci95
    ? '<span class="ci">no CI (one replication)</span>'
    : e.ci95[0] === e.ci95[1]
      ? ''
      : `<span class="ci">95% CI ${esc(range(e.ci95, unit, e.mean))}${unit === 'fraction' ? ' pts' : ''}</span>`;
  const ns =
    dir === 'none' && !(e.ci95![0] === 0 && e.ci95![1] === 0)
      ? '<span class="ns" title="The 95% CI of the difference includes 0">not significant</span>'
      : '';
  return `<td class="num delta${cls}">${esc(delta(e.mean, unit, currency))}${ns}${ci}</td>`;
}

function headlineTable(c: Comparison, labels: string[], withWeek = false): string {
  const results = c.scenarios;
  const currency = results[0].currency;
  const columns = 1 + results.length + results.length - 1;
  const head =
    '<tr><th>Figure</th>' +
    results.map((_, k) => `<th class="num"><span class="badge s${k}">${esc(labels[k])}</span></th>`).join('') +
    results.slice(1).map((_, j) => `<th class="num">Difference ${esc(labels[j + 1])} − ${esc(labels[0])}</th>`).join('') +
    '</tr>';
  const sections = headlineSections(c, withWeek).map((s) => {
    const rows = s.rows.map((h) => {
      const values = results.map((r) => valueCell(h.of(r), h.unit, currency)).join('');
      const deltas = results
        .slice(1)
        .map((_, j) => deltaCell(h.diff(c, j + 1), h.unit, currency, h.higherIsBetter))
        .join('');
      const note = h.note ? `<span class="ci">${esc(h.note)}</span>` : '';
      return `<tr data-figure="${esc(h.label)}"><th scope="row">${esc(h.label)}${note}</th>${values}${deltas}</tr>`;
    });
    return `<tbody><tr class="section"><th colspan="${columns}" scope="rowgroup">${esc(s.title)}</th></tr>${rows.join('')}</tbody>`;
  });
  return wideTable(`<table class="data headline-figures"><thead>${head}</thead>${sections.join('')}</table>`, 'Headline figures', columns, 9.5);
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
    subtitle: 'Total cost ÷ contacts handled (answered by a person or resolved by AI), split by each provider’s share of the cost',
    rows: perContactRows,
    xTitle: `Cost per contact (${currency})`,
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
  const total =
    `<tr class="total"><td>Total a month</td>${results.map((r) => `<td class="num">${esc(money(r.summary.costPerMonth.mean, currency))}</td>`).join('')}</tr>` +
    `<tr class="per-unit"><td>Cost per contact <span class="muted small">(÷ contacts handled)</span></td>${results.map((r) => `<td class="num">${esc(money(r.summary.costPerContact.mean, currency))}</td>`).join('')}</tr>` +
    `<tr class="per-unit"><td>Cost per resolved customer <span class="muted small">(÷ answered + AI resolutions that held)</span></td>${results.map((r) => `<td class="num">${esc(money(r.summary.costPerResolvedCustomer.mean, currency))}</td>`).join('')}</tr>`;
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
          : e.verdict === 'saves-no-gap-difference'
            ? 'costs less; gap change not significant'
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
        : `${esc(ratioText(e.per1000))} h${e.range ? `<span class="ci">${esc(ratioText(e.range[0]))} to ${esc(ratioText(e.range[1]))} when both intervals hold</span>` : ''}`;
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
  return `<figure>${chart}<figcaption>Crosses are the paired 95% CIs of the two differences. A month is an average month (30.44 days); gap hours (uncovered + below target) add the languages and channels. The gap hours’ CIs are of the counts: each hour judged so that all hold at once (README, “What the figures mean”).</figcaption></figure>${table}`;
}

/** Per language, broken down by channel (each against its own target), for every scenario; a
 * language's gap hours add its channels, and the totals add the languages (and the channels). */
function languageTable(c: Comparison, labels: string[], languages: string[], withCi = false): string {
  const results = c.scenarios;
  const base = results[0];
  const period = periodOf(base);
  const channels = channelsIn(results);
  // Two scenarios fit one line a row; more put the breakdowns under the figures.
  const wide = results.length <= 2;
  const gapCell = (e: { gapHours: Estimate; uncoveredHours: Estimate; hoursBelowTarget: Estimate } | undefined, strong = false) =>
    e
      ? `<td class="num gap${strong ? ' strong' : ''}" data-gap-hours="${e.gapHours.mean ?? ''}" title="${esc(`${hours(e.uncoveredHours.mean)} uncovered + ${hours(e.hoursBelowTarget.mean)} below target`)}">` +
        `${esc(hours(e.gapHours.mean))} h<span class="parts${wide ? '' : ' stacked'}">(${esc(hours(e.uncoveredHours.mean))} + ${esc(hours(e.hoursBelowTarget.mean))})</span></td>`
      : '<td class="num muted">–</td>';
  const slCell = (e: Estimate | undefined, target: number | undefined) => {
    if (!e || e.mean === null) return '<td class="num muted">–</td>';
    const miss = target !== undefined && e.mean < target;
    const ci = withCi && hasWidth(e) ? `<span class="ci">${esc(range(e.ci95, 'fraction'))}%</span>` : '';
    return `<td class="num${miss ? ' below' : ''}">${esc(percent(e.mean, 1))}${miss ? '<span class="flag" title="below the channel’s target">▼</span>' : ''}${ci}</td>`;
  };
  const rateCell = (e: Estimate | undefined, show: boolean) => (show && e && e.mean !== null ? `<td class="num">${esc(percent(e.mean, 1))}</td>` : '<td class="num muted">–</td>');
  const hasAbandon = (channel: string) => channel !== 'email' || results.some((r) => (r.channels?.[channel]?.abandonRate.mean ?? 0) > 0);
  const channelLabel = (channel: string) => {
    const t = base.channelTargets?.[channel] ?? results.find((r) => r.channelTargets?.[channel])?.channelTargets[channel];
    return `${esc(channelName(channel))}${t ? ` <span class="muted small nowrap">${esc(targetText(t))}</span>` : ''}`;
  };
  const head =
    `<tr><th rowspan="2">Language</th><th rowspan="2">Channel and target</th>` +
    results.map((_, k) => `<th colspan="3" class="scenario-col"><span class="badge s${k}">${esc(labels[k])}</span></th>`).join('') +
    `</tr><tr>${results.map(() => `<th class="num">Service level</th><th class="num">Abandoned</th><th class="num">Gap hours ${esc(period)} <span${wide ? ' class="nowrap"' : ''}>(uncovered + below target)</span></th>`).join('')}</tr>`;
  const bodies = languages.map((l) => {
    const queues = channels.filter((ch) => results.some((r) => r.queues?.[`${l}/${ch}`]));
    const total =
      `<tr class="language" data-language="${esc(l)}"><th scope="rowgroup" rowspan="${queues.length + 1}">${esc(languageName(l))} <span class="muted">(${esc(l)})</span></th>` +
      `<td><strong>All channels</strong></td>` +
      results.map((r) => `<td class="num muted" colspan="2"></td>${gapCell(r.languages[l], true)}`).join('') +
      '</tr>';
    const rows = queues.map(
      (ch) =>
        `<tr class="queue" data-language="${esc(l)}" data-channel="${esc(ch)}"><td${wide ? ' class="nowrap"' : ''}>${channelLabel(ch)}</td>` +
        results
          .map((r) => {
            const q = r.queues?.[`${l}/${ch}`];
            return slCell(q?.serviceLevel, r.channelTargets?.[ch]?.target) + rateCell(q?.abandonRate, hasAbandon(ch)) + gapCell(q);
          })
          .join('') +
        '</tr>',
    );
    return `<tbody>${total}${rows.join('')}</tbody>`;
  });
  const channelRows = channels.map(
    (ch, i) =>
      `<tr class="channel-total" data-channel="${esc(ch)}">${i === 0 ? `<th scope="rowgroup" rowspan="${channels.length + 1}">All languages</th>` : ''}<td${wide ? ' class="nowrap"' : ''}>${channelLabel(ch)}</td>` +
      results
        .map((r) => {
          const x = r.channels?.[ch];
          return slCell(x?.serviceLevel, r.channelTargets?.[ch]?.target) + rateCell(x?.abandonRate, hasAbandon(ch)) + gapCell(x);
        })
        .join('') +
      '</tr>',
  );
  const grand =
    `<tr class="total"><td><strong>All channels</strong></td>` +
    results.map((r) => `<td class="num muted" colspan="2"></td>${gapCell(r.summary, true)}`).join('') +
    '</tr>';
  return wideTable(
    `<table class="data language-table"><thead>${head}</thead>${bodies.join('')}` + `<tfoot>${channelRows.join('')}${grand}</tfoot></table>`,
    'Service and gap hours per language',
    2 + 3 * results.length,
    13,
  );
}

/** What every part of the case report reads: the comparison, the scenarios and how they are named. */
interface Report {
  input: CaseReportInput;
  comparison: Comparison;
  results: ScenarioResult[];
  scenarios: Scenario[];
  names: string[];
  labels: string[];
  kind: 'case' | 'plan' | 'planned';
  /** A page of plans (kind plan or planned). */
  planning: boolean;
  plans: (PlanOutcome | undefined)[];
  base: ScenarioResult;
  channels: string[];
  /** In a stable order: the base's, then any new ones. */
  languages: string[];
  /** Each channel's target, as "voice 80% in 20 s". */
  targets: string[];
}

/** The case report: one self-contained HTML document. */
export function caseReportHtml(input: CaseReportInput): string {
  const { comparison, scenarios } = input;
  const results = comparison.scenarios;
  if (results.length < 2) throw new Error('a case report needs at least two scenarios: the base and a variant');
  if (scenarios.length !== results.length) throw new Error(`expected ${results.length} scenarios for the comparison's results, got ${scenarios.length}`);
  const names = results.map((r) => r.name);
  const kind = input.kind ?? 'case';
  const base = results[0];
  const channels = channelsIn(results);
  const r: Report = {
    input, comparison, results, scenarios, names, kind, base, channels,
    labels: input.labels ?? shortNames(names),
    planning: kind !== 'case',
    plans: input.plans ?? [],
    languages: [...new Set(results.flatMap((x) => x.coverage.map((q) => q.language)))],
    targets: channels
      .map((ch) => base.channelTargets?.[ch] ?? results.find((x) => x.channelTargets?.[ch])?.channelTargets[ch])
      .map((t, i) => (t ? `${channelName(channels[i]).toLowerCase()} ${targetText(t)}` : ''))
      .filter(Boolean),
  };
  const question = kind === 'plan' ? `Staffing plan for ${names.at(-1)}` : kind === 'planned' ? plannedQuestion(r.labels) : caseQuestion(r.labels);
  const { labels } = r;
  const body = `
${reportHeader(r, question)}

<section class="summary" aria-label="Summary">
${summaryHtml(r)}
<p class="small muted">Differences of totals carry paired 95% confidence intervals (the scenarios saw the same customers in each replication); a difference is called significant only when its interval excludes zero. Gap hours are counts of hours judged on the pooled replications: their 95% CI runs from the hours surely below target to those possibly below it, each hour judged so that all hold at once (and an hour the two scenarios share unchanged adds nothing to a difference). Per-language differences are called clear only when the two scenarios’ intervals do not overlap.</p>
</section>

${planSection(r)}
<section class="figures">
<h2>Headline figures</h2>
${headlineTable(comparison, labels, r.planning)}
</section>
${poolSection(r)}

<section class="page coverage">
<h2>Coverage around the clock</h2>
<p class="lead">Each row is a language on one channel, each column an hour of the week in UTC. Colour shows the hour’s service level against that channel’s own target (${esc(joinList(r.targets))}): green at or above it, amber to dark red below it. Hatched hours are uncovered: contacts, but nobody with the skill on the phones (voice or chat; an email can wait for the next shift). Grey hours had no contacts. On the right, each row’s gap hours (uncovered + below target); they add up to the total above the map. Hover a cell for its figures.</p>
${coverageHeatmaps(r)}
</section>

<section class="page languages">
<h2>Service level and abandonment per language and channel</h2>
<p class="lead">Every service figure belongs to one channel and is measured against that channel’s own threshold and target; a language’s gap hours add its channels, and the totals add the languages.</p>
${languageTable(comparison, labels, r.languages, r.planning)}
${languageCharts(r)}
</section>

<section class="page cost">
<h2>Cost a month, cost per contact and per resolved customer, by provider</h2>
${costSection(comparison, labels)}
</section>

<section class="page efficiency">
<h2>Gap hours closed per extra ${esc(base.currency)}</h2>
<p class="lead">How many gap hours (uncovered + below target) each variant closes for the money it adds: Δ gap hours ÷ Δ monthly cost.</p>
${efficiencySection(comparison, labels)}
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

${methodSection(r)}

<footer>Generated by followsun on ${esc(displayTime(input.generatedAt ?? new Date().toISOString()))}. ${esc(kind === 'plan' ? `${names[0]}: as written → planned` : names.join(kind === 'planned' ? ' · ' : ' → '))}. Simulation, not a forecast: the figures follow from the assumptions above.</footer>`;
  return page(question, body);
}

/** The page's head: what it is, the question, the scenarios and how they were simulated. */
function reportHeader(r: Report, question: string): string {
  const { kind, base, labels } = r;
  const days = horizonOf(base).days;
  const eyebrow = kind === 'plan' ? 'followsun plan · staffing plan' : kind === 'planned' ? 'followsun plan · plans compared' : 'followsun · coverage and outsourcing case';
  const what =
    kind === 'plan'
      ? `The scenario as written (open head counts at their minimum) against the plan followsun plan chose: the least-cost head counts for its open shifts that meet every language × channel target, proven by simulation. `
      : kind === 'planned'
        ? `Every scenario was planned to the same targets by followsun plan (the least-cost head counts for its open shifts, proven by simulation); the planned scenarios are compared here. `
        : '';
  return `<header class="report-head">
  <p class="eyebrow">${esc(eyebrow)}</p>
  <h1 class="question">${esc(question)}</h1>
  <p class="meta">${r.results.map((_, k) => `<span class="badge s${k}">${esc(labels[k])}</span>`).join(' ')}
  &nbsp;${esc(what)}Simulated ${esc(displayTime(base.start))} to ${esc(displayTime(base.end))} (${esc(hours(days * 24))} h), ${base.replications} ${wordFor(base.replications, 'replication')} with common random numbers. Money in ${esc(base.currency)}.${Math.abs(days - 7) > 1e-9 ? ' Monthly figures are scaled from the simulated window; hours and contacts are counted in it.' : ''}</p>
</header>`;
}

/** The plain-language summary, each variant against the base (led by the plan, for plan pages). */
function summaryHtml(r: Report): string {
  const { kind, plans, scenarios, results, labels } = r;
  const planLead =
    kind === 'plan' && plans[1]
      ? `<div class="variant plan-lead"><p class="headline"><strong>The plan:</strong> ${esc(planSentence(scenarios[1], plans[1], results[1]))}</p>${unmetList(plans[1], true)}</div>`
      : kind === 'planned'
        ? `<div class="variant plan-lead"><ul>${results
            .map(
              (x, k) =>
                `<li><span class="badge s${k}">${esc(labels[k])}</span> ${plans[k] ? esc(planSentence(scenarios[k], plans[k]!, x)) + (plans[k]!.met ? ' It meets the targets.' : ' It does not meet every target (see its plan).') : 'Nothing to plan: compared as written.'}</li>`,
            )
            .join('')}</ul></div>`
        : '';
  // A plan's page names its two scenarios in the sentences as a reader says them: "Moving from As
  // written to Planned" read as two proper names.
  return planLead + caseSummary(r.comparison, kind === 'plan' ? ['the scenario as written', 'the plan'] : labels)
    .map(
      (s) =>
        `<div class="variant" data-variant="${s.variant}"><p class="headline">${s.lead.map((t, i) => (i === 0 ? `<strong>${esc(t)}</strong>` : esc(t))).join(' ')}</p>` +
        `<ul>${s.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul></div>`,
    )
    .join('');
}

/** A coverage heatmap per scenario (before and after, or base and variants). */
function coverageHeatmaps(r: Report): string {
  const { results, labels, languages } = r;
  const ids = new Ids('fs');
  return results
    .map((x, k) => {
      const title = results.length === 2 ? `${k === 0 ? 'Before' : 'After'}: ${labels[k]}` : `${k === 0 ? 'Base' : `Variant ${k}`}: ${labels[k]}`;
      const s = x.summary;
      const subtitle = `${hours(s.gapHours.mean)} gap hours ${periodOf(x)} = ${hours(s.uncoveredHours.mean)} uncovered + ${hours(s.hoursBelowTarget.mean)} below target (the rows’ sum) · ${x.replications} replications`;
      return `<figure>${heatmapSvg(x, { title, subtitle, languages: languages.filter((l) => x.coverage.some((q) => q.language === l)), gapUnit: 'gap h', ids })}</figure>`;
    })
    .join('');
}

/** Service level and abandonment per language, a panel per channel, every scenario's bar side by side. */
function languageCharts(r: Report): string {
  const { results, labels, channels, languages, base } = r;
  const series = results.map((_, k) => ({ name: labels[k], colour: scenarioColour(k) }));
  const panelsOf = (figure: 'serviceLevel' | 'abandonRate', keep: (channel: string) => boolean, withTarget: boolean): BarPanel[] =>
    channels.filter(keep).map((ch) => {
      const t = base.channelTargets?.[ch] ?? results.find((x) => x.channelTargets?.[ch])!.channelTargets[ch];
      const ls = languages.filter((l) => results.some((x) => x.queues?.[`${l}/${ch}`]));
      return {
        title: withTarget ? `${channelName(ch)} — target ${targetText(t)}` : channelName(ch),
        groups: ls.map((l) => ({ key: l, label: `${languageName(l)} (${l})` })),
        values: ls.map((l) => results.map((x) => x.queues?.[`${l}/${ch}`]?.[figure])),
        target: withTarget ? t.target : null,
      };
    });
  const slChart = groupedBarsSvg({
    title: 'Service level per language, channel by channel',
    subtitle: 'Answered within the channel’s threshold ÷ offered, for each language and channel; dashed: that channel’s target',
    panels: panelsOf('serviceLevel', () => true, true),
    series,
    yTitle: 'Service level (% of offered)',
    targetLabel: 'the channel’s target',
    className: 'service-level',
  });
  const abandonChart = groupedBarsSvg({
    title: 'Abandonment per language, channel by channel',
    subtitle: 'Hung up before an answer ÷ offered (email is never abandoned)',
    panels: panelsOf('abandonRate', (ch) => ch !== 'email' || results.some((x) => (x.channels?.[ch]?.abandonRate.mean ?? 0) > 0), false),
    series,
    yTitle: 'Abandoned (% of offered)',
    className: 'abandonment',
  });
  return `<figure>${slChart}</figure>
<figure>${abandonChart}</figure>`;
}

/** Plan pages: each planned roster, what it leaves unmet, and its simulate-and-correct rounds. */
function planSection(r: Report): string {
  const { kind, plans, labels, scenarios, results, names, channels, base } = r;
  const planOf = (k: number) => {
    const outcome = plans[k];
    if (!outcome) return `<p class="muted">Nothing to plan in ${esc(labels[k])}: no shift is left open; it is compared as written.</p>`;
    const its = outcome.iterations.length;
    return (
      rosterTable(plannedRosters(scenarios[k], outcome)) +
      unmetList(outcome) +
      `<h3>Simulate and correct${kind === 'planned' ? `: ${esc(labels[k])}` : ''}</h3>` +
      `<p class="small">The programme’s plan is simulated; every language × channel hour still below target gets more agents required, and the programme is solved again. ${its} ${wordFor(its, 'round')}:</p>` +
      iterationsTable(outcome, results[k])
    );
  };
  if (kind === 'plan') {
    return `<section class="plan">
<h2>The plan: who works when</h2>
<p class="lead">Every shift of every pool in its local time, with its head count: chosen by followsun plan for the shifts the file left open, or fixed in the file. Paid hours a week and FTEs count the whole shift, breaks and time off the phones included.</p>
${planOf(1)}
</section>`;
  }
  if (kind === 'planned') {
    return `<section class="plans">
<h2>The plans: who works when</h2>
<p class="lead">Each scenario’s open shifts planned by followsun plan to the same targets (${esc(joinList(channels.map((ch) => `${channelName(ch).toLowerCase()} ${targetText(base.channelTargets[ch])}`)))}). Shifts in local time; paid hours a week and FTEs count the whole shift.</p>
${results.map((_, k) => `<h3><span class="badge s${k}">${esc(labels[k])}</span> ${esc(names[k])}</h3>${planOf(k)}`).join('')}
</section>`;
  }
  return '';
}

/** Plan pages: head count, FTEs and occupancy per pool. */
function poolSection(r: Report): string {
  if (!r.planning) return '';
  return `<section class="pools">
<h2>Head count and occupancy per pool</h2>
<p class="lead">Agents on each pool’s roster (the sum of its shifts’ head counts${r.kind === 'plan' ? '; as written, open shifts at their minimum' : ''}), FTEs (paid hours a week ÷ the scenario’s <code>hoursPerFte</code>, ${[...new Set(r.scenarios.map((s) => s.hoursPerFte))].join(' / ')} h), and occupancy: time busy with contacts ÷ time on the phones, over the simulated window.</p>
${poolTable(r.scenarios, r.results, r.labels)}
</section>`;
}

/** How to read the figures: each one's definition (and the planner's method, on plan pages). */
function methodSection(r: Report): string {
  return `<section class="method">
<h2>How to read the figures</h2>
<dl class="defs">
<dt>Offered</dt><dd>Contacts that reached a human queue (after any AI resolution).</dd>
<dt>Service level</dt><dd>Of one channel (or one language on one channel): answered within that channel’s threshold ÷ offered, against that channel’s target (${esc(joinList(r.targets))}). Channels are never blended into one service level.</dd>
<dt>Mean wait (ASA)</dt><dd>Voice and chat: the mean wait of answered contacts. Email: the mean time to answer.</dd>
<dt>Abandonment</dt><dd>Hung up before being answered ÷ offered.</dd>
<dt>Gap hours</dt><dd>Hours of one language on one channel with contacts that were either <em>uncovered</em> (nobody with the skill on the phones; voice and chat) or <em>below target</em> (the hour’s service level, pooled over replications, under the channel’s target). Gap hours = uncovered + below target; a language’s gap hours add its channels, the total adds the languages.</dd>
<dt>Cost per contact</dt><dd>Total cost ÷ contacts handled (answered by a person, or resolved by AI), each pool under its price model.</dd>
<dt>Cost per resolved customer</dt><dd>Total cost ÷ (contacts answered + AI resolutions that held, i.e. whose customer did not come back).</dd>
${
    r.planning
      ? `<dt>The plan</dt><dd>followsun plan works out, for every language × channel and interval, the agents Erlang A (with patience) or Erlang C requires on the phones at the handle times contacts get (after any AI handover; email: the work to clear by its deadline). A mixed-integer programme, solved by HiGHS, chooses the head count of every open shift at least cost, sharing multi-skilled agents among the queues they serve at their own speed and chat concurrency, within each shift’s and pool’s limits. The plan is then simulated; every hour still below target gets more agents required and the programme is solved again, until the targets are met (each channel’s service level over the window, with at most ${esc(percent(r.scenarios[0].plan.belowTargetShare, 1))} of the hours with demand below target) or the rounds run out. Costs are each pool’s price model: hourly rates with premiums, per-contact and per-minute prices, minimums.</dd>
<dt>FTE</dt><dd>Paid hours a week ÷ the scenario’s hours per FTE (<code>hoursPerFte</code>, default 40).</dd>`
      : ''
  }
<dt>Confidence intervals</dt><dd>Means over ${r.base.replications} independent replications with Student-t 95% intervals. The scenarios were run with the same seed, so replication r of each sees the same arrivals, handle times and patience; the difference of two scenarios is estimated from the paired replications.</dd>
</dl>
</section>`;
}
