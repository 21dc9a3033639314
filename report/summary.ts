// The plain-language summary of a comparison, generated from the numbers and careful with them:
// a difference of totals is called significant only when its paired 95% CI (common random
// numbers) excludes 0; a per-language difference, for which the comparison has no paired CI,
// only when the two scenarios' 95% CIs do not overlap. Pure functions, plain text out.
import type { Comparison } from '../sim/compare';
import { unchanged, type Estimate } from '../sim/stats/confidence';
import { AVERAGE_MONTH_SECONDS, type ScenarioResult } from '../sim/stats/metrics';
import { channelName, count, delta, hours, languageName, money, orderChannels, percent, range, targetText, thresholdText, value, type Unit } from './format';

const DAYS_PER_MONTH = AVERAGE_MONTH_SECONDS / 86400;

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

/** The channels of the results (each with its own target), voice, chat, email first. */
export function channelsIn(results: Pick<ScenarioResult, 'channelTargets'>[]): string[] {
  return orderChannels(results.flatMap((r) => Object.keys(r.channelTargets ?? {})));
}

/** How gap hours and counts over the simulated window are named: "a week" for a week; else the
 * window ("in the simulated day", "in the 3 simulated days"). Figures are shown as counted, never
 * scaled, so that they add up exactly. */
export function periodOf(r: Pick<ScenarioResult, 'start' | 'end'>): string {
  const days = horizonOf(r).days;
  if (Math.abs(days - 7) < 1e-9) return 'a week';
  if (Math.abs(days - 1) < 1e-9) return 'in the simulated day';
  return `in the ${hours(days)} simulated days`;
}

/** One channel of a language, before and after, against that channel's own target. */
export interface QueueChange {
  channel: string;
  gapBefore: Estimate;
  gapAfter: Estimate;
  serviceLevelBefore: Estimate;
  serviceLevelAfter: Estimate;
  target: number | null;
}

export interface LanguageChange {
  language: string;
  name: string;
  /** Gap hours (uncovered + below target) over the simulated window. */
  gapBefore: Estimate;
  gapAfter: Estimate;
  gap: Separation;
  /** Per channel the language has in either scenario. */
  channels: QueueChange[];
}

const meanOf = (e: Estimate | undefined) => e?.mean ?? NaN;
const NONE: Estimate = { mean: null, ci95: null };

/** Per language served in both scenarios: gap hours before and after, whether the change is
 * clear, and each channel's service level against its own target; biggest change in gap hours
 * first, then in a channel's service level. */
export function languageChanges(base: ScenarioResult, variant: ScenarioResult, deltas?: Record<string, Estimate> | null): LanguageChange[] {
  // With a single language, its gap hours are the totals, whose difference has a range.
  const single = Object.keys(base.languages).length === 1 && Object.keys(variant.languages).length === 1;
  const fromDelta = (e: Estimate | undefined): Separation | null =>
    single && deltas && e ? (direction(e) === 'up' || direction(e) === 'down' ? 'apart' : direction(e) === 'none' ? 'spans-zero' : 'unknown') : null;
  const out: LanguageChange[] = [];
  for (const language of Object.keys(base.languages)) {
    const before = base.languages[language];
    const after = variant.languages[language];
    if (!before || !after) continue;
    const channels = channelsIn([base, variant])
      .filter((c) => base.queues?.[`${language}/${c}`] || variant.queues?.[`${language}/${c}`])
      .map((c): QueueChange => {
        const b = base.queues?.[`${language}/${c}`];
        const a = variant.queues?.[`${language}/${c}`];
        return {
          channel: c,
          gapBefore: b?.gapHours ?? NONE,
          gapAfter: a?.gapHours ?? NONE,
          serviceLevelBefore: b?.serviceLevel ?? NONE,
          serviceLevelAfter: a?.serviceLevel ?? NONE,
          target: (variant.channelTargets?.[c] ?? base.channelTargets?.[c])?.target ?? null,
        };
      });
    out.push({
      language,
      name: languageName(language),
      gapBefore: before.gapHours,
      gapAfter: after.gapHours,
      gap: fromDelta(deltas?.gapHours) ?? separation(before.gapHours, after.gapHours),
      channels,
    });
  }
  const size = (c: LanguageChange) => [
    Math.abs(meanOf(c.gapAfter) - meanOf(c.gapBefore)) || 0,
    Math.max(0, ...c.channels.map((q) => Math.abs(meanOf(q.serviceLevelAfter) - meanOf(q.serviceLevelBefore)) || 0)),
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
    | 'saves-no-gap-difference'
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
  // Gap hours are counts with a range (not a paired CI): the same count is no difference.
  if (closedPerMonth.mean === 0 && zero(extraCostPerMonth)) verdict = 'no-difference';
  else if (costDirection === 'unknown' || gapDirection === 'unknown') verdict = 'unknown';
  else if (costDirection === 'none') verdict = 'no-cost-difference';
  else if (costDirection === 'up' && gapDirection === 'up') verdict = 'trade-off';
  else if (costDirection === 'up' && gapDirection === 'none') verdict = 'no-gap-difference';
  else if (costDirection === 'up') verdict = 'costs-and-opens';
  else if (gapDirection === 'down') verdict = 'saves-and-opens';
  else if (gapDirection === 'none') verdict = 'saves-no-gap-difference';
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
  if (e.ci95[0] === e.ci95[1]) return unit === 'hours' ? 'the same however the replications fall' : 'the same in every replication';
  const bounds: [number, number] = magnitude ? [Math.abs(e.ci95[1]), Math.abs(e.ci95[0])].sort((a, b) => a - b) as [number, number] : e.ci95;
  const text = range(bounds, unit);
  return `95% CI ${text}${unit === 'fraction' ? ' pts' : unit === 'hours' ? ' h' : ''}`;
}

function moneyCi(e: Estimate, currency: string, magnitude: boolean): string {
  return ci(e, 'money', magnitude) + (e.ci95 && e.ci95[0] !== e.ci95[1] ? ` ${currency}` : '');
}

/** Exactly no difference: the same in every replication. */

/** A figure before and after, with the paired difference: "rises from 54.7% to 85.3% (+30.6
 * pts, 95% CI 29.3–31.9)", or says the change is not significant. */
function pairedChange(
  what: string,
  before: number | null,
  after: number | null,
  d: Estimate | undefined,
  unit: Unit,
  currency: string,
  verbs: [up: string, down: string, neutral: string],
  plural = false,
  period = 'a week',
): string {
  const show = (x: number | null) => (unit === 'hours' ? `${hours(x)} h ${period}` : unit === 'count' ? `${count(x)} ${period}` : value(x, unit, currency));
  if (!d || d.mean === null) return `${what} ${verbs[2]} from ${show(before)} to ${show(after)}`;
  const diff = `${delta(d.mean, unit, currency)}, ${unit === 'money' ? moneyCi(d, currency, false) : ci(d, unit, false)}`;
  switch (direction(d)) {
    case 'up':
      return `${what} ${verbs[0]} from ${show(before)} to ${show(after)} (${diff})`;
    case 'down':
      return `${what} ${verbs[1]} from ${show(before)} to ${show(after)} (${diff})`;
    case 'none':
      // Hour figures are counts: the same count is no change, whatever their intervals.
      return unchanged(d) || (unit === 'hours' && d.mean === 0)
        ? `${what} ${plural ? 'do' : 'does'} not change (${show(before)})`
        : `the change in ${what.replace(/^the /, '')} is not significant (${show(before)} and ${show(after)}; ${diff})`;
    case 'unknown':
      return `${what} ${verbs[2]} from ${show(before)} to ${show(after)} (${delta(d.mean, unit, currency)}; a single replication gives no confidence interval)`;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const joinList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** "+33%", "−4.2%": a relative change (one decimal under 10%). */
function relative(d: number, base: number | null): string {
  if (base === null || !(Math.abs(base) > 0)) return '';
  const x = d / base;
  const abs = Math.abs(x);
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${percent(abs, abs < 0.1 ? 1 : 0)}`;
}

/** The lead: the change in the total monthly cost, amount and share, with its paired CI. */
function monthlyCostSentence(subject: string, before: number | null, after: number | null, d: Estimate | undefined, currency: string): string {
  const m = (x: number | null) => money(x, currency);
  if (!d || d.mean === null) return `${subject} changes the monthly cost from ${m(before)} to ${m(after)}.`;
  const amount = money(Math.abs(d.mean), currency);
  // No share of nothing: from a base that costs nothing, only the amount.
  const share = before ? `${relative(d.mean, before)}; ` : '';
  const from = `from ${m(before)} to ${m(after)}`;
  switch (direction(d)) {
    case 'up':
      return `${subject} raises the monthly cost by ${amount} (${share}${moneyCi(d, currency, true)}), ${from}.`;
    case 'down':
      return `${subject} saves ${amount} a month (${share}${moneyCi(d, currency, true)}), ${from}.`;
    case 'none':
      return unchanged(d)
        ? `${subject} leaves the monthly cost unchanged at ${m(before)}.`
        : `${subject} does not change the monthly cost significantly: ${m(before)} before, ${m(after)} after (${delta(d.mean, 'money', currency)}, ${moneyCi(d, currency, false)}).`;
    case 'unknown':
      return d.mean >= 0
        ? `${subject} raises the monthly cost by ${amount} (${share}a single replication gives no confidence interval), ${from}.`
        : `${subject} saves ${amount} a month (${share}a single replication gives no confidence interval), ${from}.`;
  }
}

/** "voice 54% → 83% answered within 20 s (target 80%)", marked when the paired change is not
 * significant. */
function channelServiceClause(channel: string, base: ScenarioResult, variant: ScenarioResult, d: Estimate | undefined): string {
  const b = base.channels?.[channel];
  const a = variant.channels?.[channel];
  const tb = base.channelTargets?.[channel];
  const ta = variant.channelTargets?.[channel];
  const name = channelName(channel).toLowerCase();
  const t = ta ?? tb!;
  const within = `within ${thresholdText(t.thresholdSeconds)}`;
  const target = tb && ta && tb.target !== ta.target ? `target ${percent(tb.target)} → ${percent(ta.target)}` : `target ${percent(t.target)}`;
  if (!a) return `${name} no longer offered (was ${percent(b?.serviceLevel.mean ?? null)} ${within}, ${target})`;
  if (!b) return `${name} ${percent(a.serviceLevel.mean)} answered ${within} (new; ${target})`;
  const note = d && direction(d) === 'none' && !unchanged(d) ? ', no significant change' : '';
  return `${name} ${percent(b.serviceLevel.mean)} → ${percent(a.serviceLevel.mean)} answered ${within} (${target}${note})`;
}

/** "gap hours (uncovered + below target) fall from 410 to 96 a week". */
function gapClause(before: number | null, after: number | null, d: Estimate | undefined, period: string): string {
  const what = 'gap hours (uncovered + below target)';
  if (!d || d.mean === null) return `${what} go from ${hours(before)} to ${hours(after)} ${period}`;
  if (unchanged(d) || d.mean === 0) return `${what} stay at ${hours(before)} ${period}`;
  const dir = direction(d);
  if (dir === 'none') return `${what} go from ${hours(before)} to ${hours(after)} ${period}, not a clear change`;
  const down = dir === 'down' || (dir === 'unknown' && d.mean < 0);
  return `${what} ${down ? 'fall' : 'rise'} from ${hours(before)} to ${hours(after)} ${period}`;
}

/** "cost per contact falls from 6.86 EUR to 6.65 EUR". */
function perUnitClause(what: string, before: number | null, after: number | null, d: Estimate | undefined, currency: string): string {
  const m = (x: number | null) => money(x, currency);
  if (!d || d.mean === null) return `${what} goes from ${m(before)} to ${m(after)}`;
  if (unchanged(d)) return `${what} stays at ${m(before)}`;
  switch (direction(d)) {
    case 'up':
      return `${what} rises from ${m(before)} to ${m(after)}`;
    case 'down':
      return `${what} falls from ${m(before)} to ${m(after)}`;
    case 'none':
      return `${what} does not change significantly (${m(before)} and ${m(after)})`;
    case 'unknown':
      return `${what} ${d.mean > 0 ? 'rises' : 'falls'} from ${m(before)} to ${m(after)}`;
  }
}

export interface VariantSummary {
  /** Index of the variant in the comparison. */
  variant: number;
  /** The answer, in this order: the change in the total monthly cost (amount and %), then in
   * service (each channel against its own target, and gap hours), then per-contact figures. */
  headline: string;
  /** The same, sentence by sentence. */
  lead: string[];
  /** Supporting sentences with their paired CIs: each channel, gap hours, cost per contact and
   * per resolved customer, AI resolutions, efficiency, the languages. */
  details: string[];
  /** The language whose gap hours change most, if any. */
  language: string | null;
}

/** One summary per variant (scenario k ≥ 1 against the first). `names` default to the results'. */
export function caseSummary(comparison: Comparison, names = comparison.scenarios.map((s) => s.name)): VariantSummary[] {
  const base = comparison.scenarios[0];
  const channels = channelsIn(comparison.scenarios);
  return comparison.scenarios.slice(1).map((variant, j) => {
    const k = j + 1;
    const pair: Pair = {
      base,
      variant,
      d: comparison.deltas[k] as Record<string, Estimate> | null,
      cd: (comparison.channelDeltas?.[k] ?? null) as Record<string, Record<string, Estimate>> | null,
      s: (r, f) => (r.summary as Record<string, Estimate>)[f]?.mean ?? null,
      period: periodOf(base),
      currency: base.currency,
      channels: channels.filter((c) => base.channels?.[c] || variant.channels?.[c]),
    };
    const lead = leadSentences(pair, `Moving from ${names[0]} to ${names[k]}`);
    const changes = languageChanges(base, variant, pair.d);
    const details = [...channelDetails(pair), ...totalDetails(pair), ...languageDetails(pair, changes)];
    const worse = serviceFalls(base, variant, (comparison.queueDeltas?.[k] ?? null) as Record<string, Record<string, Estimate>> | null);
    if (worse.length) details.push(`Service falls clearly in ${joinList(worse)}.`);
    return { variant: k, headline: lead.join(' '), lead, details, language: changes[0]?.language ?? null };
  });
}

/** A variant against the base: their results, the paired deltas of the totals (`d`) and per
 * channel (`cd`), a summary figure's mean (`s`), and the channels either has. */
interface Pair {
  base: ScenarioResult;
  variant: ScenarioResult;
  d: Record<string, Estimate> | null;
  cd: Record<string, Record<string, Estimate>> | null;
  s: (r: ScenarioResult, figure: string) => number | null;
  period: string;
  currency: string;
  channels: string[];
}

/** The lead: money first, then service against each channel's own target, then per contact. */
function leadSentences({ base, variant, d, cd, s, period, currency, channels }: Pair, subject: string): string[] {
  const service = channels.map((c) => channelServiceClause(c, base, variant, cd?.[c]?.serviceLevel));
  const serviceSentence =
    `${service.length ? `Against each channel’s own target: ${joinList(service)}; ` : ''}` +
    `${gapClause(s(base, 'gapHours'), s(variant, 'gapHours'), d?.gapHours, period)}.`;
  const perContact =
    `${capitalise(perUnitClause('cost per contact', s(base, 'costPerContact'), s(variant, 'costPerContact'), d?.costPerContact, currency))}; ` +
    `${perUnitClause('cost per resolved customer', s(base, 'costPerResolvedCustomer'), s(variant, 'costPerResolvedCustomer'), d?.costPerResolvedCustomer, currency)}.`;
  return [monthlyCostSentence(subject, s(base, 'costPerMonth'), s(variant, 'costPerMonth'), d?.costPerMonth, currency), capitalise(serviceSentence), perContact];
}

/** Each channel: service level against its target, the mean wait (time to answer for email) and abandonment. */
function channelDetails({ base, variant, cd, currency, channels }: Pair): string[] {
  const details: string[] = [];
  for (const c of channels) {
    const b = base.channels?.[c];
    const a = variant.channels?.[c];
    const t = variant.channelTargets?.[c] ?? base.channelTargets?.[c];
    if (!a || !b || !t) continue;
    const dc = cd?.[c];
    const email = c === 'email';
    const parts = [
      pairedChange('the service level', b.serviceLevel.mean, a.serviceLevel.mean, dc?.serviceLevel, 'fraction', currency, ['rises', 'falls', 'goes']) +
        ` against its target of ${targetText(t)}`,
      pairedChange(email ? 'the mean time to answer' : 'the mean wait (ASA)', b.asaSeconds.mean, a.asaSeconds.mean, dc?.asaSeconds, 'seconds', currency, ['rises', 'falls', 'goes']),
    ];
    if (!email || (b.abandonRate.mean ?? 0) > 0 || (a.abandonRate.mean ?? 0) > 0) {
      parts.push(pairedChange('abandonment', b.abandonRate.mean, a.abandonRate.mean, dc?.abandonRate, 'fraction', currency, ['rises', 'falls', 'goes']));
    }
    details.push(`${channelName(c)}: ${parts.join('; ')}.`);
  }
  return details;
}

/** The totals: gap hours, cost per contact and per resolved customer (and why the two costs move
 * apart, when they do), AI resolutions, and what the money buys. */
function totalDetails({ base, variant, d, s, period, currency }: Pair): string[] {
  if (!d) return [];
  const details: string[] = [];
  const hourPart = (f: string, label: string) => `${label} ${hours(s(base, f))} → ${hours(s(variant, f))}`;
  details.push(
    `${capitalise(pairedChange('gap hours (uncovered + below target, all languages and channels)', s(base, 'gapHours'), s(variant, 'gapHours'), d.gapHours, 'hours', currency, ['rise', 'fall', 'go'], true, period))}: ` +
      `${hourPart('uncoveredHours', 'uncovered')}, ${hourPart('hoursBelowTarget', 'below target')}.`,
  );
  details.push(
    `${capitalise(pairedChange('cost per contact', s(base, 'costPerContact'), s(variant, 'costPerContact'), d.costPerContact, 'money', currency, ['rises', 'falls', 'goes']))}; ` +
      `${pairedChange('cost per resolved customer', s(base, 'costPerResolvedCustomer'), s(variant, 'costPerResolvedCustomer'), d.costPerResolvedCustomer, 'money', currency, ['rises', 'falls', 'goes'])}.`,
  );
  const perContactDir = direction(d.costPerContact);
  const perMonthDir = direction(d.costPerMonth);
  const handled = (r: ScenarioResult) => (s(r, 'answered') ?? NaN) + (s(r, 'contained') ?? 0);
  const [r0, r1] = [handled(base), handled(variant)];
  if (perContactDir === 'down' && perMonthDir === 'up' && r1 > r0) {
    details.push(
      `Cost per contact falls while the monthly cost rises because more contacts are handled (answered by a person or resolved by AI): ${count(r0)} ${period} before, ${count(r1)} after.`,
    );
  } else if (perContactDir === 'up' && perMonthDir === 'down' && r1 < r0) {
    details.push(
      `Cost per contact rises while the monthly cost falls because fewer contacts are handled (answered by a person or resolved by AI): ${count(r0)} ${period} before, ${count(r1)} after.`,
    );
  }
  if (hasAi(base) || hasAi(variant)) {
    const ai = (f: string) => `${count(s(base, f))} → ${count(s(variant, f))}`;
    details.push(`AI resolutions ${period}: gross ${ai('contained')}, came back (the customer contacted again) ${ai('containedReturned')}, net ${ai('containedNet')}.`);
  }
  details.push(efficiencySentence(efficiency(base, d), currency));
  return details;
}

/** The language whose gap hours change most, by channel, and the others that clearly fall or rise. */
function languageDetails({ period }: Pair, changes: ReturnType<typeof languageChanges>): string[] {
  const details: string[] = [];
  const top = changes[0];
  if (top && Math.abs(meanOf(top.gapAfter) - meanOf(top.gapBefore)) > 0) {
    const byChannel = top.channels
      .filter((q) => meanOf(q.gapBefore) || meanOf(q.gapAfter))
      .map((q) => `${channelName(q.channel).toLowerCase()} ${hours(meanOf(q.gapBefore))} → ${hours(meanOf(q.gapAfter))}`);
    const unclear = top.gap === 'overlap' ? ' (not clearly different: the two 95% CIs overlap)' : top.gap === 'spans-zero' ? ' (not a clear change)' : '';
    details.push(
      `The biggest change is in ${top.name}: ${hours(meanOf(top.gapBefore))} → ${hours(meanOf(top.gapAfter))} gap hours ${period}${unclear}${byChannel.length ? ` (${byChannel.join(', ')})` : ''}.`,
    );
  }
  const others = (want: 'fall' | 'rise') =>
    changes
      .slice(1)
      .filter((c) => c.gap === 'apart' && (want === 'fall' ? meanOf(c.gapAfter) < meanOf(c.gapBefore) : meanOf(c.gapAfter) > meanOf(c.gapBefore)))
      .map((c) => `${c.name} (${hours(meanOf(c.gapBefore))} → ${hours(meanOf(c.gapAfter))})`);
  const fall = others('fall');
  const rise = others('rise');
  if (fall.length) details.push(`Gap hours also fall clearly in ${joinList(fall)}.`);
  if (rise.length) details.push(`Gap hours rise clearly in ${joinList(rise)}.`);
  return details;
}

/** The language × channels whose service level falls significantly (paired 95% CI below 0) and
 * by at least MATERIAL_FALL, largest first: a channel's total can hide one language's fall. */
const MATERIAL_FALL = 0.02;
function serviceFalls(base: ScenarioResult, variant: ScenarioResult, deltas: Record<string, Record<string, Estimate>> | null): string[] {
  const falls = Object.entries(deltas ?? {}).flatMap(([key, d]) => {
    const sl = d.serviceLevel;
    if (!sl?.ci95 || sl.mean === null || !(sl.ci95[1] < 0) || sl.mean > -MATERIAL_FALL) return [];
    const [language, channel] = key.split('/');
    const [b, v] = [base.queues?.[key], variant.queues?.[key]];
    const [abandonBefore, abandonAfter] = [b?.abandonRate?.mean, v?.abandonRate?.mean];
    const abandon = channel !== 'email' && abandonBefore != null && abandonAfter != null ? `; abandonment ${percent(abandonBefore, 1)} → ${percent(abandonAfter, 1)}` : '';
    const target = base.channelTargets?.[channel]?.target;
    const text =
      `${languageName(language)} ${channelName(channel).toLowerCase()} (${percent(b?.serviceLevel.mean, 1)} → ${percent(v?.serviceLevel.mean, 1)}` +
      `${target !== undefined ? `, target ${percent(target)}` : ''}${abandon})`;
    return [{ fall: sl.mean, text }];
  });
  return falls.sort((x, y) => x.fall - y.fall).map((f) => f.text);
}

/** The result has an AI pool (or AI conversations). */
export function hasAi(r: ScenarioResult): boolean {
  return Object.values(r.pools ?? {}).some((p) => p.type === 'ai') || (r.summary.aiConversations?.mean ?? 0) > 0;
}

export function efficiencySentence(e: Efficiency, currency: string): string {
  const per = `1,000 ${currency}`;
  switch (e.verdict) {
    case 'trade-off':
    case 'no-gap-difference': {
      const r = e.range ? ` (${ratioText(e.range[0])} to ${ratioText(e.range[1])} when both intervals hold)` : '';
      const gaps = e.verdict === 'no-gap-difference' ? '; the change in gap hours itself is not significant' : '';
      return `Each ${per} of extra monthly cost closes ${ratioText(e.per1000!)} gap hours a month${r}${gaps}.`;
    }
    case 'saves-and-closes':
      return 'It closes gaps and costs less a month: no trade-off to make.';
    case 'saves-no-gap-difference':
      return 'It costs less a month, and the change in gap hours is not significant.';
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
