// The scenarios' assumptions as tables a reader can check: settings, demand per language and
// channel (weekly volume, handle time, patience), and the staffing pools with their type, head
// count or shifts and price model (AI: containment and price).
import type { ScenarioResult } from '../sim/stats/metrics';
import type { Scenario } from '../sim/scenario/scenario';
import { channelName, count, esc, languageName, money, orderChannels, percent, seconds, targetText } from './format';
import { wideTable } from './page';

type Loose = Record<string, unknown>;
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** The mean of a duration distribution in seconds, where it has one. */
export function distributionMean(d: unknown): number | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const o = d as Loose;
  switch (o.dist) {
    case 'uniform':
      return ((num(o.min) ?? 0) + (num(o.max) ?? 0)) / 2;
    case 'empirical': {
      if (Array.isArray(o.values) && o.values.length) return (o.values as number[]).reduce((s, v) => s + v, 0) / o.values.length;
      if (Array.isArray(o.histogram)) {
        let from = 0, weighted = 0, total = 0;
        for (const bin of o.histogram as Loose[]) {
          const lo = num(bin.from) ?? from;
          const hi = num(bin.upTo) ?? lo;
          const c = num(bin.count) ?? 0;
          weighted += ((lo + hi) / 2) * c;
          total += c;
          from = hi;
        }
        return total > 0 ? weighted / total : undefined;
      }
      return undefined;
    }
    default:
      return num(o.mean);
  }
}

/** Contacts a week of a stream (the average of its volume, before special days). */
export function weeklyVolume(volume: unknown): number {
  const v = (volume ?? {}) as Loose;
  return num(v.perWeek) ?? (num(v.perDay) !== undefined ? num(v.perDay)! * 7 : (num(v.perHour) ?? 0) * 168);
}

interface DemandCell {
  perWeek: number;
  handle: number | undefined;
  patience: number | undefined;
  notes: Set<string>;
  zones: Set<string>;
}

function demandCells(s: Scenario): Map<string, DemandCell> {
  const out = new Map<string, DemandCell>();
  for (const stream of s.demand) {
    const key = `${stream.language}|${stream.channel ?? 'voice'}`;
    const cell = out.get(key) ?? { perWeek: 0, handle: undefined, patience: undefined, notes: new Set<string>(), zones: new Set<string>() };
    const w = weeklyVolume(stream.volume);
    const h = distributionMean(stream.handleTime);
    const p = distributionMean(stream.patience);
    const mix = (old: number | undefined, x: number | undefined) =>
      x === undefined ? old : old === undefined || cell.perWeek + w === 0 ? x : (old * cell.perWeek + x * w) / (cell.perWeek + w);
    cell.handle = mix(cell.handle, h);
    cell.patience = mix(cell.patience, p);
    cell.perWeek += w;
    cell.zones.add(`${stream.timezone ?? 'UTC'} · ${typeof stream.pattern === 'string' ? stream.pattern : 'custom pattern'}`);
    const x = stream as unknown as Loose;
    const redial = x.redial as Loose | undefined;
    if (redial) cell.notes.add(`${percent(num(redial.share))} of abandoners redial`);
    const mc = x.machineCustomers as Loose | undefined;
    if (mc) cell.notes.add(`${percent(num(mc.share))} machine customers`);
    if (num(x.dailyVolumeCv)) cell.notes.add(`daily volume cv ${x.dailyVolumeCv}`);
    if (Array.isArray(x.specialDays) && x.specialDays.length) cell.notes.add(`${x.specialDays.length} special day(s)`);
    out.set(key, cell);
  }
  return out;
}

const CHANNEL_ORDER = ['voice', 'chat', 'email'];

function demandRowText(c: DemandCell | undefined): string[] {
  if (!c) return ['<td class="num muted">–</td>', '<td class="num muted">–</td>', '<td class="num muted">–</td>'];
  return [
    `<td class="num">${count(c.perWeek)}</td>`,
    `<td class="num">${c.handle === undefined ? '–' : seconds(c.handle)}</td>`,
    `<td class="num">${c.patience === undefined ? '<span class="muted">never abandon</span>' : seconds(c.patience)}</td>`,
  ];
}

/** Weekly volume, handle time and patience per language and channel: one set of columns when
 * every scenario has the same demand, else one per scenario. */
export function demandTable(scenarios: Scenario[], labels: string[]): string {
  const cells = scenarios.map(demandCells);
  const keys = [...new Set(cells.flatMap((m) => [...m.keys()]))].sort((a, b) => {
    const [la, ca] = a.split('|');
    const [lb, cb] = b.split('|');
    const order = (l: string) => scenarios[0].demand.findIndex((d) => d.language === l);
    return order(la) - order(lb) || la.localeCompare(lb) || CHANNEL_ORDER.indexOf(ca) - CHANNEL_ORDER.indexOf(cb);
  });
  const same = scenarios.every((s) => JSON.stringify(s.demand) === JSON.stringify(scenarios[0].demand));
  const shown = same ? [0] : scenarios.map((_, k) => k);
  const head =
    `<tr><th rowspan="${same ? 1 : 2}">Language</th><th rowspan="${same ? 1 : 2}">Channel</th>` +
    (same
      ? '<th class="num">Contacts a week</th><th class="num">Handle time (mean)</th><th class="num">Patience (mean)</th>'
      : shown.map((k) => `<th colspan="3" class="scenario-col">${esc(labels[k])}</th>`).join('')) +
    `<th rowspan="${same ? 1 : 2}">Customers' time zone · daily pattern; notes</th></tr>` +
    (same ? '' : `<tr>${shown.map(() => '<th class="num">Contacts a week</th><th class="num">Handle time</th><th class="num">Patience</th>').join('')}</tr>`);
  const body = keys.map((key) => {
    const [language, channel] = key.split('|');
    const all = cells.map((m) => m.get(key)).filter((c): c is DemandCell => c !== undefined);
    const notes = [...new Set(all.flatMap((c) => [...c.zones]))].map(esc).join('<br>') +
      (all.some((c) => c.notes.size) ? `<br><span class="muted">${esc([...new Set(all.flatMap((c) => [...c.notes]))].join('; '))}</span>` : '');
    return `<tr><td>${esc(languageName(language))} <span class="muted">(${esc(language)})</span></td><td>${esc(channelName(channel))}</td>${shown.flatMap((k) => demandRowText(cells[k].get(key))).join('')}<td class="small">${notes}</td></tr>`;
  });
  const totals = shown.map((k) => [...cells[k].values()].reduce((s, c) => s + c.perWeek, 0));
  const foot = `<tr class="total"><td colspan="2">All contacts</td>${totals.map((t) => `<td class="num">${count(t)}</td><td></td><td></td>`).join('')}<td class="small muted">${same ? 'The same demand in every scenario.' : 'Demand differs between scenarios.'}</td></tr>`;
  return `<table class="data demand"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table>`;
}

function days(d: unknown): string {
  return Array.isArray(d) ? d.join(', ') : String(d ?? '');
}

/** Head count: "46 Mon-Fri 07:00–15:30" per shift, or "15 around the clock". */
function headCount(p: Loose): string {
  if (p.type === 'ai') {
    const max = num(p.maxConcurrent);
    return max ? `up to ${count(max)} conversations at once` : 'unlimited conversations';
  }
  const zone = `<span class="muted">${esc(p.timezone ?? 'UTC')}</span>`;
  if (num(p.agents) !== undefined) return `${count(num(p.agents))} around the clock<br>${zone}`;
  const shifts = Array.isArray(p.shifts) ? (p.shifts as Loose[]) : [];
  const when = (s: Loose) =>
    Array.isArray(s.startBetween)
      ? `${esc(days(s.days))} ${esc(s.hours)} h starting ${esc(s.startBetween[0])}–${esc(s.startBetween[1])} every ${esc(s.every ?? 60)} min`
      : `${esc(days(s.days))} ${esc(s.start)}–${esc(s.end)}`;
  return shifts.map((s) => `<span class="nowrap">${openHeadCount(s.agents)} × ${when(s)}</span>`).join('<br>') + `<br>${zone}`;
}

/** A shift's head count as written: a number, or what followsun plan is left to decide. */
function openHeadCount(agents: unknown): string {
  if (num(agents) !== undefined) return count(num(agents));
  if (agents === 'auto') return '<em>auto</em>';
  if (agents && typeof agents === 'object') {
    const r = agents as Loose;
    return `<em>${count(num(r.min) ?? 0)}–${num(r.max) !== undefined ? count(num(r.max)) : '∞'}</em>`;
  }
  return '–';
}

/** Price model of a pool in words. */
export function priceModel(p: Loose, currency: string): string {
  const c = (p.cost ?? {}) as Loose;
  const parts: string[] = [];
  const m = (x: unknown) => money(num(x) ?? 0, currency).replace(/\.00 /, ' ');
  if (p.type === 'ai') {
    if (num(c.perConversation)) parts.push(`${m(c.perConversation)} per conversation`);
    if (num(c.perResolution)) parts.push(`${m(c.perResolution)} per resolution`);
    return parts.length ? parts.join(' + ') : 'no cost';
  }
  if (num(c.perHour)) {
    const premiums: string[] = [];
    const night = c.night as Loose | undefined;
    if (num(c.nightPremium)) premiums.push(`+${percent(num(c.nightPremium))} nights${night ? ` ${night.from}–${night.to}` : ''}`);
    if (num(c.weekendPremium)) premiums.push(`+${percent(num(c.weekendPremium))} weekends`);
    parts.push(`${m(c.perHour)} per paid hour${premiums.length ? ` (${premiums.join(', ')})` : ''}`);
  }
  if (num(c.perProductiveHour)) parts.push(`${m(c.perProductiveHour)} per productive hour`);
  if (num(c.perContact)) parts.push(`${m(c.perContact)} per handled contact`);
  if (num(c.perHandledMinute)) parts.push(`${m(c.perHandledMinute)} per handled minute`);
  if (num(c.monthlyMinimum)) parts.push(`minimum ${m(c.monthlyMinimum)} a month`);
  const clause = c.serviceLevelClause as Loose | undefined;
  if (clause) {
    // The clause is judged per channel on the contacts offered to the pool's queues in its hours,
    // each against its channel's threshold (sim/stats/costs.ts).
    const t = `${percent(num(clause.penalty))} off when any channel it serves has under ${percent(num(clause.target))} of its contacts answered within the channel’s threshold`;
    const bonus = num(clause.bonusAbove) !== undefined && num(clause.bonus) ? `; ${percent(num(clause.bonus))} bonus when every channel reaches ${percent(num(clause.bonusAbove))}` : '';
    parts.push(t + bonus);
  }
  const copilot = p.copilot as Loose | undefined;
  if (copilot) parts.push(`copilot ${m(copilot.costPerAgentHour)} per paid agent hour`);
  return parts.length ? parts.join('; ') : 'no cost';
}

/** Skills, secondary skills, AI containment. */
function languagesOf(p: Loose): string {
  const skills = Array.isArray(p.skills) ? (p.skills as string[]) : [];
  const secondary = (p.secondarySkills as Loose | undefined)?.languages as string[] | undefined;
  let out = skills.map(esc).join(', ');
  if (secondary?.length) {
    out += ` <span class="muted">+ ${secondary.map(esc).join(', ')} (slower ×${num((p.secondarySkills as Loose).handleTimeFactor) ?? 1.25})</span>`;
  }
  return out;
}

function otherTerms(p: Loose): string {
  const terms: string[] = [];
  if (p.type === 'ai') {
    const containment = (p.containment ?? {}) as Record<string, number>;
    terms.push(
      `contains ${Object.entries(containment)
        .map(([k, v]) => `${k === 'default' ? 'by default' : k} ${percent(v)}`)
        .join(', ')}`,
    );
    const ht = distributionMean(p.handleTime);
    if (ht !== undefined) terms.push(`conversation ${seconds(ht)}`);
    const rc = p.recontact as Loose | undefined;
    if (rc) terms.push(`${percent(num(rc.share))} of contained come back`);
    const f = num(p.handoffHandleTimeFactor);
    const e = num(p.escalatedHandleTimeFactor);
    if ((f && f !== 1) || (e && e !== 1)) terms.push(`handed-over handle time ×${r2((f ?? 1) * (e ?? 1))}`);
    if (Array.isArray(p.outages) && p.outages.length) terms.push(`${p.outages.length} outage(s)`);
    return terms.join('; ');
  }
  if (num(p.shrinkage)) terms.push(`shrinkage ${percent(num(p.shrinkage))}`);
  if (num(p.absence)) terms.push(`absence ${percent(num(p.absence))}`);
  if ((num(p.chatConcurrency) ?? 1) > 1) terms.push(`${p.chatConcurrency} chats at once`);
  if ((num(p.handleTimeFactor) ?? 1) !== 1) terms.push(`handle time ×${p.handleTimeFactor}`);
  if (num(p.acceptAfterSeconds)) terms.push(`overflow after ${seconds(num(p.acceptAfterSeconds))} wait`);
  const copilot = p.copilot as Loose | undefined;
  if (copilot) terms.push(`copilot: handle time ×${copilot.handleTimeFactor}`);
  return terms.join('; ');
}

const r2 = (x: number) => Math.round(x * 100) / 100;

const TYPE_LABEL: Record<string, string> = { 'in-house': 'In-house', outsourced: 'Outsourced (BPO)', ai: 'AI agent' };

/** Every distinct pool definition, with the scenarios it appears in. */
export function staffingTable(scenarios: Scenario[], labels: string[]): string {
  const rows: { pool: Loose; key: string; in: number[] }[] = [];
  scenarios.forEach((s, k) => {
    for (const p of s.staffing) {
      const key = JSON.stringify(p);
      const row = rows.find((x) => x.key === key);
      if (row) row.in.push(k);
      else rows.push({ pool: p as unknown as Loose, key, in: [k] });
    }
  });
  // Definitions of one pool next to each other, in order of first appearance.
  const order = [...new Set(rows.map((x) => String(x.pool.id)))];
  rows.sort((a, b) => order.indexOf(String(a.pool.id)) - order.indexOf(String(b.pool.id)));
  const currency = scenarios[0].currency;
  const badge = (k: number) => `<span class="badge s${k}">${esc(labels[k])}</span>`;
  const body = rows.map(({ pool: p, in: where }) => {
    const changed = rows.some((o) => o.pool !== p && o.pool.id === p.id);
    const type = String(p.type ?? 'in-house');
    return (
      `<tr class="pool ${esc(type)}"><td><strong>${esc(p.id)}</strong>${changed ? ' <span class="muted">(differs between scenarios)</span>' : ''}</td>` +
      `<td><span class="type ${esc(type)}">${esc(TYPE_LABEL[type] ?? type)}</span></td>` +
      `<td>${languagesOf(p)}</td><td>${esc(((p.channels as string[] | undefined) ?? []).map(channelName).join(', '))}</td>` +
      `<td class="small">${headCount(p)}</td><td class="small">${esc(priceModel(p, currency))}</td><td class="small">${esc(otherTerms(p))}</td>` +
      `<td>${where.map(badge).join(' ')}</td></tr>`
    );
  });
  return wideTable(
    '<table class="data staffing"><thead><tr><th>Pool</th><th>Type</th><th>Languages</th><th>Channels</th>' +
      '<th>Head count / shifts (local time)</th><th>Price model</th><th>Other terms</th><th>In scenario</th></tr></thead>' +
      `<tbody>${body.join('')}</tbody></table>`,
    'Staffing pools',
    8,
  );
}

/** The targets each channel of a scenario was judged against, as the simulation took them (its
 * result's channelTargets): read again from the file, a chat without its own target showed the
 * voice one ("80% within 20 s") where chat is judged at 80% within 60 s, and channels the scenario
 * does not have were listed. */
function serviceLevelTargets(r: ScenarioResult): string {
  return orderChannels(Object.keys(r.channelTargets))
    .map((c) => `${channelName(c)} ${esc(targetText(r.channelTargets[c]))}`)
    .join('<br>');
}

/** Settings of each scenario, one column each. */
export function settingsTable(scenarios: Scenario[], results: ScenarioResult[], labels: string[], files: string[] | undefined): string {
  const row = (name: string, cells: string[]) => `<tr><th scope="row">${name}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const horizon = (s: Scenario, r: ScenarioResult) => {
    const h = s.horizon as Loose;
    const length = num(h.days) !== undefined ? `${h.days} days` : `${h.hours} hours`;
    return `${esc(r.start.slice(0, 16).replace('T', ' '))} UTC, ${esc(length)} <span class="muted">(+${esc(h.warmupHours ?? 24)} h warm-up)</span>`;
  };
  const rows = [
    row('Scenario', scenarios.map((s, k) => `<span class="badge s${k}">${esc(labels[k])}</span> ${esc(s.name)}`)),
    ...(files?.length ? [row('File', scenarios.map((_, k) => `<code>${esc(files[k] ?? '')}</code>`))] : []),
    ...(scenarios.some((s) => s.description) ? [row('Description', scenarios.map((s) => esc(s.description ?? '')))] : []),
    row('Simulated window', scenarios.map((s, k) => horizon(s, results[k]))),
    row('Service-level targets', results.map(serviceLevelTargets)),
    row('Routing among pools', scenarios.map((s) => esc(s.routing ?? 'priority'))),
    row('Replications · seed', results.map((r) => `${count(r.replications)} · ${esc(r.seed)}`)),
    row('Currency', scenarios.map((s) => esc(s.currency))),
  ];
  return wideTable(`<table class="data settings"><tbody>${rows.join('')}</tbody></table>`, 'Settings of each scenario', 1 + scenarios.length, 6);
}
