// The readable summary `followsun run` prints for one scenario.
import type { ScenarioResult } from '../sim/metrics';
import { formatEstimate, formatNumber, table, type Unit } from './format';

const HEADLINE: [keyof ScenarioResult['summary'], string, Unit][] = [
  ['contacts', 'Contacts', 'count'],
  ['contained', 'Resolved by AI', 'count'],
  ['offered', 'Offered to people', 'count'],
  ['answered', 'Answered', 'count'],
  ['abandoned', 'Abandoned', 'count'],
  ['blocked', 'Blocked (queue full)', 'count'],
  ['serviceLevel', 'Service level', 'fraction'],
  ['asaSeconds', 'Average speed of answer', 'seconds'],
  ['waitP90Seconds', 'Wait, 90th percentile', 'seconds'],
  ['abandonRate', 'Abandon rate', 'fraction'],
  ['gapHours', 'Coverage gap hours', 'count'],
  ['costTotal', 'Cost', 'money'],
  ['costPerContact', 'Cost per contact', 'money'],
];

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function summaryText(r: ScenarioResult & { file: string }): string {
  const days = (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
  const hasAi = Object.values(r.pools).some((p) => p.type === 'ai');
  const skip = new Set<string>([...(hasAi ? [] : ['contained']), ...((r.summary.blocked.mean ?? 0) > 0 ? [] : ['blocked'])]);
  const lines = [
    `${r.name}  (${r.file})`,
    `  ${Number(days.toFixed(2))} days from ${r.start.replace('T', ' ').replace(/:00\.000Z$/, ' UTC')}, ` +
      `${r.replications} replication${r.replications === 1 ? '' : 's'}, seed ${r.seed}; ` +
      `brackets: 95% confidence interval`,
    '',
    table(
      HEADLINE.filter(([key]) => !skip.has(key)).map(([key, label, unit]) => [label, formatEstimate(r.summary[key], unit, r.currency)]),
    ),
  ];
  const waiting = r.summary.waitingAtEnd.mean ?? 0;
  if (waiting > 0) lines.push(`  Still waiting when the run ended: ${formatNumber(waiting, 'count')} contacts on average`);

  const groupRows = (groups: ScenarioResult['languages'], heading: string) => [
    [heading, 'Offered', 'Service level', 'ASA', 'Abandoned', 'Gap hours', 'Cost/contact'],
    ...Object.entries(groups).map(([name, g]) => [
      name,
      formatEstimate(g.offered, 'count', '', true),
      formatEstimate(g.serviceLevel, 'fraction', '', true),
      formatEstimate(g.asaSeconds, 'seconds', '', true),
      formatEstimate(g.abandonRate, 'fraction', '', true),
      formatEstimate(g.gapHours, 'count', '', true),
      formatEstimate(g.costPerContact, 'money', r.currency, true),
    ]),
  ];
  lines.push('', table(groupRows(r.languages, 'Language')), '', table(groupRows(r.channels, 'Channel')));

  lines.push(
    '',
    table([
      ['Pool', 'Type', 'Handled', 'Occupancy', 'On phones', 'Cost'],
      ...Object.entries(r.pools).map(([id, p]) => [
        id,
        p.type,
        formatEstimate(p.handled, 'count', '', true) + (p.contained ? ` (${formatNumber(p.contained.mean ?? NaN, 'count')} resolved)` : ''),
        p.occupancy ? formatEstimate(p.occupancy, 'fraction', '', true) : '',
        p.agentsOnPhones ? `${(p.agentsOnPhones.mean ?? 0).toFixed(1)} avg` : '',
        formatEstimate(p.costTotal, 'money', r.currency, true),
      ]),
    ]),
  );

  const worst = r.coverage
    .flatMap((q) => q.gapShare.map((share, i) => ({ q, i, share, offered: q.offered[i] })))
    .filter((x) => x.share >= 0.5)
    .sort((a, b) => b.offered * b.share - a.offered * a.share)
    .slice(0, 5);
  if (worst.length > 0) {
    lines.push('', '  Worst gaps (UTC):');
    for (const { q, i, offered } of worst) {
      const start = new Date(Date.parse(r.start) + i * r.intervalMinutes * 60_000);
      const when = `${WEEKDAYS[start.getUTCDay()]} ${start.toISOString().slice(5, 16).replace('T', ' ')}`;
      const sl = q.serviceLevel[i];
      const staff = q.agentsOnPhones[i] === 0 ? 'nobody on shift with the skill' : `service level ${sl === null ? '–' : formatNumber(sl, 'fraction')}`;
      lines.push(`    ${when}  ${q.language}/${q.channel}: ${formatNumber(offered, 'count')} contacts, ${staff}`);
    }
  }
  return lines.join('\n');
}
