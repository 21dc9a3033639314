// The plain-language summary of a comparison, generated from the numbers and careful with them:
// a difference of totals is called significant only when its paired 95% CI (common random
// numbers) excludes 0; a per-language difference, for which the comparison has no paired CI,
// only when the two scenarios' 95% CIs do not overlap. Pure functions, plain text out.
import type { Comparison } from '../sim/compare';
import type { Estimate } from '../sim/confidence';
import type { ScenarioResult } from '../sim/metrics';
import { count, delta, hours, languageName, money, percent, range, type Unit } from './format';

const DAYS_PER_MONTH = 365.25 / 12;

/** How a result's figures over its horizon scale to a week and to an average month. */
export function horizonOf(r: Pick<ScenarioResult, 'start' | 'end'>): { days: number; perWeek: number; perMonth: number } {
  const days = (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
  return days > 0 ? { days, perWeek: 7 / days, perMonth: DAYS_PER_MONTH / days } : { days: 0, perWeek: NaN, perMonth: NaN };
}

/** An estimate times a factor (a negative factor swaps the bounds). */
export function scaled(e: Estimate | undefined, factor: number): Estimate {
  if (!e || e.mean === null) return { mean: null, ci95: null };
  const ci = e.ci95 ? ([e.ci95[0] * factor, e.ci95[1] * factor].sort((a, b) => a - b) as [number, number]) : null;
  return { mean: e.mean * factor, ci95: ci };
}

/** Direction of a paired difference: its 95% CI above 0, below 0, spanning 0 ('none'), or
 * unknown (no CI: a single replication). A CI of zero width at 0 is 'none' too. */
export type Direction = 'up' | 'down' | 'none' | 'unknown';
export function direction(e: Estimate | undefined): Direction {
  if (!e || e.mean === null || !e.ci95) return 'unknown';
  if (e.ci95[0] > 0) return 'up';
  if (e.ci95[1] < 0) return 'down';
  return 'none';
}

/** Two independent estimates: clearly apart (CIs do not overlap), not clearly ('overlap'), or
 * unknown (a CI is missing). */
export type Separation = 'apart' | 'overlap' | 'spans-zero' | 'unknown';
export function separation(a: Estimate | undefined, b: Estimate | undefined): Separation {
  if (!a?.ci95 || !b?.ci95 || a.mean === null || b.mean === null) return 'unknown';
  return a.ci95[1] < b.ci95[0] || b.ci95[1] < a.ci95[0] ? 'apart' : 'overlap';
}

export interface LanguageChange {
  language: string;
  name: string;
  /** Gap hours a week. */
  gapBefore: Estimate;
  gapAfter: Estimate;
  serviceLevelBefore: Estimate;
  serviceLevelAfter: Estimate;
  abandonBefore: Estimate;
  abandonAfter: Estimate;
  gap: Separation;
  serviceLevel: Separation;
}

const meanOf = (e: Estimate | undefined) => e?.mean ?? NaN;

/** Per language served in both scenarios: before, after, and whether the change is clear;
 * biggest change first (weekly gap hours, then service level). */
export function languageChanges(base: ScenarioResult, variant: ScenarioResult, deltas?: Record<string, Estimate> | null): LanguageChange[] {
  // With a single language, its figures are the totals, whose paired CIs are sharper.
  const single = Object.keys(base.languages).length === 1 && Object.keys(variant.languages).length === 1;
  const paired = (e: Estimate | undefined): Separation | null =>
    single && deltas && e ? (direction(e) === 'up' || direction(e) === 'down' ? 'apart' : direction(e) === 'none' ? 'spans-zero' : 'unknown') : null;
  const hb = horizonOf(base);
  const hv = horizonOf(variant);
  const out: LanguageChange[] = [];
  for (const language of Object.keys(base.languages)) {
    const before = base.languages[language];
    const after = variant.languages[language];
    if (!before || !after) continue;
    const gapBefore = scaled(before.gapHours, hb.perWeek);
    const gapAfter = scaled(after.gapHours, hv.perWeek);
    out.push({
      language,
      name: languageName(language),
      gapBefore,
      gapAfter,
      serviceLevelBefore: before.serviceLevel,
      serviceLevelAfter: after.serviceLevel,
      abandonBefore: before.abandonRate,
      abandonAfter: after.abandonRate,
      gap: paired(deltas?.gapHours) ?? separation(gapBefore, gapAfter),
      serviceLevel: paired(deltas?.serviceLevel) ?? separation(before.serviceLevel, after.serviceLevel),
    });
  }
  const size = (c: LanguageChange) => [
    Math.abs(meanOf(c.gapAfter) - meanOf(c.gapBefore)) || 0,
    Math.abs(meanOf(c.serviceLevelAfter) - meanOf(c.serviceLevelBefore)) || 0,
  ];
  return out.sort((a, b) => {
    const [ga, sa] = size(a);
    const [gb, sb] = size(b);
    return gb - ga || sb - sa;
  });
}

/** Gap hours closed per 1,000 of extra monthly cost, or why there is no such ratio. */
export interface Efficiency {
  /** Gap hours closed a month (−Δ gap hours scaled to a month), with the paired CI. */
  closedPerMonth: Estimate;
  /** Δ monthly cost, with the paired CI. */
  extraCostPerMonth: Estimate;
  /** Gap hours closed a month per 1,000 of extra monthly cost (point estimate). */
  per1000: number | null;
  /** The ratio's range when both CIs hold (from their bounds; conservative). */
  range: [number, number] | null;
  verdict:
    | 'trade-off'
    | 'saves-and-closes'
    | 'saves-and-opens'
    | 'costs-and-opens'
    | 'no-cost-difference'
    | 'no-gap-difference'
    | 'no-difference'
    | 'unknown';
}

export function efficiency(base: ScenarioResult, deltas: Record<string, Estimate>): Efficiency {
  const closedPerMonth = scaled(deltas.gapHours, -horizonOf(base).perMonth);
  const extraCostPerMonth = deltas.costPerMonth ?? { mean: null, ci95: null };
  const gapDirection = direction(closedPerMonth);
  const costDirection = direction(extraCostPerMonth);
  const c = closedPerMonth.mean;
  const k = extraCostPerMonth.mean;
  let per1000: number | null = c !== null && k !== null && k !== 0 ? (c / k) * 1000 : null;
  let ratioRange: [number, number] | null = null;
  let verdict: Efficiency['verdict'];
  const zero = (e: Estimate) => e.mean === 0 && e.ci95 !== null && e.ci95[0] === 0 && e.ci95[1] === 0;
  if (zero(closedPerMonth) && zero(extraCostPerMonth)) verdict = 'no-difference';
  else if (costDirection === 'unknown' || gapDirection === 'unknown') verdict = 'unknown';
  else if (costDirection === 'none') verdict = 'no-cost-difference';
  else if (costDirection === 'up' && gapDirection === 'up') verdict = 'trade-off';
  else if (costDirection === 'up' && gapDirection === 'none') verdict = 'no-gap-difference';
  else if (costDirection === 'up') verdict = 'costs-and-opens';
  else if (gapDirection === 'down') verdict = 'saves-and-opens';
  else verdict = 'saves-and-closes';
  if (verdict === 'trade-off' || verdict === 'no-gap-difference') {
    const [cl, ch] = closedPerMonth.ci95!;
    const [kl, kh] = extraCostPerMonth.ci95!;
    const corners = [cl / kl, cl / kh, ch / kl, ch / kh].map((x) => x * 1000);
    ratioRange = [Math.min(...corners), Math.max(...corners)];
  }
  if (verdict === 'unknown' && (k === null || k <= 0 || c === null || c <= 0)) per1000 = null;
  if (verdict !== 'trade-off' && verdict !== 'no-gap-difference' && verdict !== 'unknown') per1000 = null;
  return { closedPerMonth, extraCostPerMonth, per1000, range: ratioRange, verdict };
}

export const ratioText = (x: number) =>
  (Math.abs(x) >= 10 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2)).replace(/^-/, '−');

/** "95% CI 0.37–0.47" for a difference, in magnitudes when the direction is given by the verb. */
function ci(e: Estimate, unit: Unit, magnitude: boolean): string {
  if (!e.ci95) return 'a single replication gives no confidence interval';
  if (e.ci95[0] === e.ci95[1]) return 'the same in every replication';
  const bounds: [number, number] = magnitude ? [Math.abs(e.ci95[1]), Math.abs(e.ci95[0])].sort((a, b) => a - b) as [number, number] : e.ci95;
  const text = range(bounds, unit);
  return `95% CI ${text}${unit === 'fraction' ? ' pts' : unit === 'hours' ? ' h' : ''}`;
}

function moneyCi(e: Estimate, currency: string, magnitude: boolean): string {
  return ci(e, 'money', magnitude) + (e.ci95 && e.ci95[0] !== e.ci95[1] ? ` ${currency}` : '');
}

/** A figure before and after, with the paired difference: "rises from 54.7% to 85.3% (+30.6
 * pts, 95% CI 29.3–31.9)", or says the change is not significant. */
function pairedChange(
  what: string,
  before: number | null,
  after: number | null,
  d: Estimate,
  unit: Unit,
  currency: string,
  verbs: [up: string, down: string, neutral: string],
  plural = false,
): string {
  const show = (x: number | null) => (unit === 'fraction' ? percent(x, 1) : unit === 'money' ? money(x, currency) : `${hours(x)} h a week`);
  const diff = `${delta(d.mean, unit, currency)}, ${unit === 'money' ? moneyCi(d, currency, false) : ci(d, unit, false)}`;
  switch (direction(d)) {
    case 'up':
      return `${what} ${verbs[0]} from ${show(before)} to ${show(after)} (${diff})`;
    case 'down':
      return `${what} ${verbs[1]} from ${show(before)} to ${show(after)} (${diff})`;
    case 'none':
      return d.mean === 0 && d.ci95 && d.ci95[0] === 0 && d.ci95[1] === 0
        ? `${what} ${plural ? 'do' : 'does'} not change (${show(before)})`
        : `the change in ${what.replace(/^the /, '')} is not significant (${show(before)} and ${show(after)}; ${diff})`;
    case 'unknown':
      return `${what} ${verbs[2]} from ${show(before)} to ${show(after)} (${delta(d.mean, unit, currency)}; a single replication gives no confidence interval)`;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const UNCLEAR = 'not clearly different: the two 95% CIs overlap';

/** The clause about one language: gap hours, then service level. */
function languageClause(c: LanguageChange): string {
  const g0 = meanOf(c.gapBefore);
  const g1 = meanOf(c.gapAfter);
  const s0 = meanOf(c.serviceLevelBefore);
  const s1 = meanOf(c.serviceLevelAfter);
  const parts: string[] = [];
  const note = (s: Separation) =>
    s === 'overlap' ? ` (${UNCLEAR})` : s === 'spans-zero' ? ' (not significant: the 95% CI of the difference includes 0)' : '';
  if (Number.isFinite(g0) && Number.isFinite(g1)) {
    const closed = g0 - g1;
    if (hours(Math.abs(closed)) === '0') parts.push(`leaves the ${hours(g0)} weekly gap hours in ${c.name} unchanged`);
    else if (closed > 0) parts.push(`closes ${hours(closed)} of ${hours(g0)} weekly gap hours in ${c.name}${note(c.gap)}`);
    else parts.push(`adds ${hours(-closed)} weekly gap hours in ${c.name}, from ${hours(g0)} to ${hours(g1)}${note(c.gap)}`);
  }
  if (Number.isFinite(s0) && Number.isFinite(s1)) {
    const verb = percent(s0) === percent(s1) ? 'keeps' : s1 > s0 ? 'lifts' : 'lowers';
    parts.push(
      verb === 'keeps'
        ? `keeps the ${c.name} service level at ${percent(s1)}`
        : `${verb} the ${c.name} service level from ${percent(s0)} to ${percent(s1)}${note(c.serviceLevel)}`,
    );
  }
  return parts.join(', ');
}

/** The cost-per-contact clause, from the paired difference. */
function costClause(d: Estimate | undefined, currency: string): string {
  if (!d || d.mean === null) return 'cost per contact cannot be compared';
  const amount = money(Math.abs(d.mean), currency);
  switch (direction(d)) {
    case 'up':
      return `adds ${amount} per contact, ${moneyCi(d, currency, true)}`;
    case 'down':
      return `saves ${amount} per contact, ${moneyCi(d, currency, true)}`;
    case 'none':
      return d.ci95![0] === 0 && d.ci95![1] === 0
        ? 'leaves cost per contact unchanged'
        : `changes cost per contact by ${delta(d.mean, 'money', currency)}, which is not significant (${moneyCi(d, currency, false)})`;
    case 'unknown':
      return `${d.mean >= 0 ? 'adds' : 'saves'} ${amount} per contact (a single replication gives no confidence interval)`;
  }
}

export interface VariantSummary {
  /** Index of the variant in the comparison. */
  variant: number;
  /** The question's answer in one sentence. */
  headline: string;
  /** Supporting sentences: totals with paired CIs, cost, efficiency, other languages. */
  details: string[];
  /** The language the headline is about, if any. */
  language: string | null;
}

/** One summary per variant (scenario k ≥ 1 against the first). `names` default to the results'. */
export function caseSummary(comparison: Comparison, names = comparison.scenarios.map((s) => s.name)): VariantSummary[] {
  const base = comparison.scenarios[0];
  const currency = base.currency;
  return comparison.scenarios.slice(1).map((variant, j) => {
    const k = j + 1;
    const d = comparison.deltas[k] as Record<string, Estimate> | null;
    const changes = languageChanges(base, variant, d);
    const top = changes[0];
    const subject = `Moving from ${names[0]} to ${names[k]}`;
    const cost = costClause(d?.costPerContact, currency);
    const clause = top ? languageClause(top) : '';
    const headline = clause ? `${subject} ${clause}, and ${cost}.` : `${subject} ${cost}.`;
    const details: string[] = [];
    if (d) {
      const hb = horizonOf(base).perWeek;
      const hv = horizonOf(variant).perWeek;
      const s = (r: ScenarioResult, f: string) => (r.summary as Record<string, Estimate>)[f]?.mean ?? null;
      const weekly = (x: number | null, f: number) => (x === null ? null : x * f);
      details.push(
        `${capitalise(
          pairedChange('gap hours across all languages', weekly(s(base, 'gapHours'), hb), weekly(s(variant, 'gapHours'), hv), scaled(d.gapHours, hb), 'hours', currency, ['rise', 'fall', 'go'], true),
        )}.`,
      );
      details.push(
        `${capitalise(pairedChange('the service level', s(base, 'serviceLevel'), s(variant, 'serviceLevel'), d.serviceLevel, 'fraction', currency, ['rises', 'falls', 'goes']))}; ` +
          `${pairedChange('abandonment', s(base, 'abandonRate'), s(variant, 'abandonRate'), d.abandonRate, 'fraction', currency, ['rises', 'falls', 'goes'])}.`,
      );
      details.push(
        `${capitalise(pairedChange('the monthly cost', s(base, 'costPerMonth'), s(variant, 'costPerMonth'), d.costPerMonth, 'money', currency, ['rises', 'falls', 'goes']))}.`,
      );
      const perContact = direction(d.costPerContact);
      const perMonth = direction(d.costPerMonth);
      const resolved = (r: ScenarioResult, f: number) => ((s(r, 'answered') ?? NaN) + (s(r, 'contained') ?? 0)) * f;
      const [r0, r1] = [resolved(base, hb), resolved(variant, hv)];
      if (perContact === 'down' && perMonth === 'up' && r1 > r0) {
        details.push(
          `Cost per contact falls while the monthly cost rises because more contacts are resolved (answered by a person or contained by AI): ${count(r0)} a week before, ${count(r1)} after.`,
        );
      } else if (perContact === 'up' && perMonth === 'down' && r1 < r0) {
        details.push(
          `Cost per contact rises while the monthly cost falls because fewer contacts are resolved (answered by a person or contained by AI): ${count(r0)} a week before, ${count(r1)} after.`,
        );
      }
      details.push(efficiencySentence(efficiency(base, d), currency));
    }
    const others = (want: 'fall' | 'rise') =>
      changes
        .slice(1)
        .filter((c) => c.gap === 'apart' && (want === 'fall' ? meanOf(c.gapAfter) < meanOf(c.gapBefore) : meanOf(c.gapAfter) > meanOf(c.gapBefore)))
        .map((c) => `${c.name} (${hours(meanOf(c.gapBefore))} → ${hours(meanOf(c.gapAfter))})`);
    const fall = others('fall');
    const rise = others('rise');
    if (fall.length) details.push(`Weekly gap hours also fall clearly in ${joinList(fall)}.`);
    if (rise.length) details.push(`Weekly gap hours rise clearly in ${joinList(rise)}.`);
    return { variant: k, headline, details, language: top?.language ?? null };
  });
}

export function efficiencySentence(e: Efficiency, currency: string): string {
  const per = `1,000 ${currency}`;
  switch (e.verdict) {
    case 'trade-off':
    case 'no-gap-difference': {
      const r = e.range ? ` (${ratioText(e.range[0])} to ${ratioText(e.range[1])} when both 95% CIs hold)` : '';
      const gaps = e.verdict === 'no-gap-difference' ? '; the change in gap hours itself is not significant' : '';
      return `Each ${per} of extra monthly cost closes ${ratioText(e.per1000!)} gap hours a month${r}${gaps}.`;
    }
    case 'saves-and-closes':
      return direction(e.closedPerMonth) === 'up'
        ? 'It closes gaps and costs less a month: no trade-off to make.'
        : 'It costs less a month, and the change in gap hours is not significant.';
    case 'saves-and-opens':
      return `It saves ${money(Math.abs(e.extraCostPerMonth.mean!), currency)} a month but opens ${hours(-e.closedPerMonth.mean!)} gap hours a month.`;
    case 'costs-and-opens':
      return 'It costs more a month and opens gaps: it is worse on both counts.';
    case 'no-cost-difference':
      return 'The change in monthly cost is not significant, so there is no meaningful cost per gap hour closed.';
    case 'no-difference':
      return 'Gap hours and monthly cost are the same in both scenarios.';
    case 'unknown':
      return e.per1000 !== null
        ? `Each ${per} of extra monthly cost closes ${ratioText(e.per1000)} gap hours a month (a single replication: no confidence interval).`
        : 'Gap hours closed per extra cost cannot be estimated from these figures.';
  }
}
