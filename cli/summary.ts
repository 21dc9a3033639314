// The readable summary `followsun run` prints for one scenario: every service figure per
// channel, against that channel's own threshold and target.
import type { Estimate } from '../sim/stats/confidence';
import type { ScenarioResult } from '../sim/stats/metrics';
import { formatEstimate, formatNumber, table, type Unit } from './format';
import { wordFor } from '../sim/text/counted';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function summaryText(r: ScenarioResult & { file: string }): string {
  const s = r.summary;
  const days = (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
  const hasAi = Object.values(r.pools).some((p) => p.type === 'ai');
  const row = (label: string, e: Estimate, unit: Unit) => [label, formatEstimate(e, unit, r.currency)];
  const headline = [
    row('Contacts', s.contacts, 'count'),
    ...(hasAi
      ? [
          row('Resolved by AI (gross)', s.contained, 'count'),
          row('  of which came back', s.containedReturned, 'count'),
          row('  net', s.containedNet, 'count'),
        ]
      : []),
    row('Offered to people', s.offered, 'count'),
    row('Answered', s.answered, 'count'),
    row('Abandoned', s.abandoned, 'count'),
    ...((s.blocked.mean ?? 0) > 0 ? [row('Blocked (queue full)', s.blocked, 'count')] : []),
    row('Resolved customers', s.resolvedCustomers, 'count'),
    row('Uncovered hours', s.uncoveredHours, 'count'),
    row('Hours below target', s.hoursBelowTarget, 'count'),
    row('Coverage gap hours', s.gapHours, 'count'),
    row('Cost', s.costTotal, 'money'),
    row('Cost per month', s.costPerMonth, 'money'),
    row('Cost per contact', s.costPerContact, 'money'),
    row('Cost per resolved customer', s.costPerResolvedCustomer, 'money'),
  ];
  const lines = [
    `${r.name}  (${r.file})`,
    `  ${Number(days.toFixed(2))} days from ${r.start.replace('T', ' ').replace(/:00\.000Z$/, ' UTC')}, ` +
      `${r.replications} ${wordFor(r.replications, 'replication')}, seed ${r.seed}`,
    `  brackets: 95% confidence interval; ±: its half-width; hours: language × channel hours`,
    '',
    table(headline),
  ];
  const waiting = s.waitingAtEnd.mean ?? 0;
  if (waiting > 0) lines.push(`  Still waiting when the run ended: ${formatNumber(waiting, 'count')} contacts on average`);

  // Wide tables: two spaces between columns keep a week's summary within 120 columns.
  lines.push('', table(serviceRows(r), '  ', '  '));
  lines.push(
    '',
    table([
      ['Pool', 'Type', 'Handled', 'Occupancy', 'On phones', 'Paid h/week', 'FTEs', 'Cost'],
      ...Object.entries(r.pools).map(([id, p]) => [
        id,
        p.type,
        formatEstimate(p.handled, 'count', '', true) + (p.contained ? ` (${formatNumber(p.contained.mean ?? NaN, 'count')} resolved)` : ''),
        p.occupancy ? formatEstimate(p.occupancy, 'fraction', '', true) : '',
        p.agentsOnPhones ? `${(p.agentsOnPhones.mean ?? 0).toFixed(1)} avg` : '',
        p.paidHoursPerWeek !== undefined ? formatNumber(p.paidHoursPerWeek, 'count') : '',
        p.ftes !== undefined ? p.ftes.toFixed(1) : '',
        formatEstimate(p.costTotal, 'money', r.currency, true),
      ]),
    ], '  ', '  '),
  );
  lines.push(...worstGaps(r));
  return lines.join('\n');
}

/** Channels first (each against its own target), then every language broken down by channel. */
function serviceRows(r: ScenarioResult): string[][] {
  const target = (channel: string) => {
    const t = r.channelTargets[channel];
    const within = t.thresholdSeconds >= 3600 ? `${Number((t.thresholdSeconds / 3600).toFixed(1))} h` : `${t.thresholdSeconds} s`;
    return `${Number((t.target * 100).toFixed(1))}% in ${within}`;
  };
  const cells = (g: ScenarioResult['channels'][string], channel: string) => [
    formatEstimate(g.offered, 'count', '', true),
    target(channel),
    formatEstimate(g.serviceLevel, 'fraction', '', true),
    formatEstimate(g.asaSeconds, 'seconds', '', true),
    formatEstimate(g.abandonRate, 'fraction', '', true),
    `${formatNumber(g.uncoveredHours.mean ?? NaN, 'count')} + ${formatNumber(g.hoursBelowTarget.mean ?? NaN, 'count')}`,
    formatEstimate(g.costPerContact, 'money', r.currency, true),
  ];
  const rows = [['Queue', 'Offered', 'Target', 'Service level', 'ASA / answer', 'Abandoned', 'Gap h unc.+below', 'Cost/contact']];
  for (const [channel, g] of Object.entries(r.channels)) rows.push([channel, ...cells(g, channel)]);
  for (const language of Object.keys(r.languages)) {
    for (const [key, g] of Object.entries(r.queues)) {
      const [l, channel] = key.split('/');
      if (l === language) rows.push([`  ${key}`, ...cells(g, channel)]);
    }
  }
  return rows;
}

/** The hours with the most contacts that missed: uncovered or below target. */
function worstGaps(r: ScenarioResult): string[] {
  const worst = r.coverage
    .flatMap((q) =>
      q.hours.offered.map((offered, h) => ({ q, h, offered, uncovered: q.hours.uncovered[h] === 1, below: q.hours.belowTarget[h] === 1 })),
    )
    .filter((x) => x.uncovered || x.below)
    .sort((a, b) => b.offered - a.offered)
    .slice(0, 5);
  if (worst.length === 0) return [];
  const lines = ['', '  Worst gap hours (UTC):'];
  for (const { q, h, offered, uncovered } of worst) {
    const start = new Date(Date.parse(r.start) + h * 3_600_000);
    const when = `${WEEKDAYS[start.getUTCDay()]} ${start.toISOString().slice(5, 16).replace('T', ' ')}`;
    const sl = q.hours.serviceLevel[h];
    const what = uncovered
      ? 'nobody on the phones with the skill'
      : `service level ${sl === null ? '–' : formatNumber(sl, 'fraction')} against ${formatNumber(q.target, 'fraction')}`;
    lines.push(`    ${when}  ${q.language}/${q.channel}: ${formatNumber(offered, 'count')} contacts, ${what}`);
  }
  return lines;
}
