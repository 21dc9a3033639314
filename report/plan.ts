// The planner's part of a report (followsun plan --report, and --compare --report): the plan as a
// roster per pool with paid hours and FTEs, head count and occupancy per pool, the
// simulate-and-correct iterations, and the targets left unmet with their reasons. Pure
// TypeScript, like the rest of the case report.
import type { ScenarioResult } from '../sim/stats/metrics';
import type { PlanIteration } from '../sim/plan/planner';
import type { PlannedShift } from '../sim/plan/candidates';
import { expandShift, minimumAgents, shiftWeekHours } from '../sim/model/roster';
import type { HumanPool, Scenario } from '../sim/scenario/scenario';
import { count, esc, hours, money, percent, range, hasWidth } from './format';
import { counted } from '../sim/text/counted';
import { horizonOf, periodOf } from './summary';

/** What followsun plan decided for one scenario (a PlanResult without its scenario and run). */
export interface PlanOutcome {
  plan: Record<string, PlannedShift[]>;
  iterations: PlanIteration[];
  /** The round returned (PlanResult.round); the last when not given. */
  round?: number;
  unmet: string[];
  met: boolean;
}

export interface RosterRow {
  days: string | string[];
  start: string;
  end: string;
  agents: number;
  paidHoursPerWeek: number;
  /** The head count was left open in the file (auto or { min, max }). */
  open: boolean;
}

export interface PoolRoster {
  id: string;
  type: string;
  timezone: string;
  /** Shifts with their head counts (open ones at their minimum in a scenario not planned); none
   * for a pool staffed around the clock. */
  rows: RosterRow[];
  /** A pool given as `agents: N` around the clock. */
  aroundTheClock?: number;
  headCount: number;
  paidHoursPerWeek: number;
  /** Paid hours a week ÷ the scenario's hoursPerFte. */
  ftes: number;
  hoursPerFte: number;
}

/** Every human pool's roster as the scenario stands: open head counts at their minimum (what an
 * unplanned scenario is simulated with), candidate shifts expanded, empty open shifts left out. */
export function poolRosters(s: Scenario): PoolRoster[] {
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  return humans.map((p) => {
    if (!p.shifts) {
      const n = p.agents ?? 0;
      return { id: p.id, type: p.type, timezone: p.timezone, rows: [], aroundTheClock: n, headCount: n, paidHoursPerWeek: n * 168, ftes: (n * 168) / s.hoursPerFte, hoursPerFte: s.hoursPerFte };
    }
    const rows = p.shifts.flatMap((spec) =>
      expandShift(spec).flatMap((c): RosterRow[] => {
        const open = typeof c.agents !== 'number';
        const agents = minimumAgents(c.agents);
        if (open && agents === 0) return [];
        return [{ days: c.days, start: c.start, end: c.end, agents, paidHoursPerWeek: shiftWeekHours(c) * agents, open }];
      }),
    );
    const paid = rows.reduce((t, r) => t + r.paidHoursPerWeek, 0);
    return { id: p.id, type: p.type, timezone: p.timezone, rows, headCount: rows.reduce((n, r) => n + r.agents, 0), paidHoursPerWeek: paid, ftes: paid / s.hoursPerFte, hoursPerFte: s.hoursPerFte };
  });
}

/** The planned roster: the planned scenario's pools, each shift marked when the plan decided it. */
export function plannedRosters(planned: Scenario, outcome: PlanOutcome): PoolRoster[] {
  return poolRosters(planned).map((pool) => {
    const decided = outcome.plan[pool.id] ?? [];
    const isDecided = (r: RosterRow) => decided.some((d) => d.start === r.start && d.end === r.end && String(d.days) === String(r.days) && d.agents === r.agents);
    return { ...pool, rows: pool.rows.map((r) => ({ ...r, open: isDecided(r) })) };
  });
}

const daysText = (d: string | string[]) => (Array.isArray(d) ? d.join(', ') : d);
const fte = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** The plan as a roster table: per pool its shifts (local time), head count, paid hours a week
 * and FTEs, with a subtotal per pool and a grand total. */
export function rosterTable(rosters: PoolRoster[]): string {
  const body = rosters.map((p) => {
    const pool = `<th scope="rowgroup" rowspan="${Math.max(1, p.rows.length) + (p.rows.length > 1 ? 1 : 0)}"><strong>${esc(p.id)}</strong> <span class="type ${esc(p.type)}">${esc(p.type === 'outsourced' ? 'outsourced' : 'in-house')}</span><span class="ci">${esc(p.timezone)}</span></th>`;
    if (p.aroundTheClock !== undefined) {
      return `<tbody class="pool" data-pool="${esc(p.id)}"><tr>${pool}<td>daily</td><td>around the clock</td><td class="num">${count(p.headCount)}</td><td class="num">${count(p.paidHoursPerWeek)}</td><td class="num">${fte(p.ftes)}</td><td class="muted small">the file</td></tr></tbody>`;
    }
    if (p.rows.length === 0) {
      return `<tbody class="pool" data-pool="${esc(p.id)}"><tr>${pool}<td colspan="2" class="muted">nobody needed</td><td class="num">0</td><td class="num">0</td><td class="num">0.0</td><td></td></tr></tbody>`;
    }
    const rows = p.rows.map(
      (r, i) =>
        `<tr class="shift${r.open ? ' planned' : ''}">${i === 0 ? pool : ''}<td>${esc(daysText(r.days))}</td><td class="nowrap">${esc(r.start)}–${esc(r.end)}</td>` +
        `<td class="num"><strong>${count(r.agents)}</strong></td><td class="num">${hours(r.paidHoursPerWeek)}</td><td class="num">${fte(r.paidHoursPerWeek / p.hoursPerFte)}</td>` +
        `<td class="small${r.open ? '' : ' muted'}">${r.open ? 'the plan' : 'the file'}</td></tr>`,
    );
    const subtotal =
      p.rows.length > 1
        ? `<tr class="subtotal"><td colspan="2" class="muted">${esc(p.id)}, all shifts</td><td class="num">${count(p.headCount)}</td><td class="num">${count(p.paidHoursPerWeek)}</td><td class="num">${fte(p.ftes)}</td><td></td></tr>`
        : '';
    return `<tbody class="pool" data-pool="${esc(p.id)}">${rows.join('')}${subtotal}</tbody>`;
  });
  const total = rosters.reduce((t, p) => ({ agents: t.agents + p.headCount, paid: t.paid + p.paidHoursPerWeek, ftes: t.ftes + p.ftes }), { agents: 0, paid: 0, ftes: 0 });
  const hoursPerFte = rosters[0]?.hoursPerFte ?? 40;
  return (
    '<table class="data roster"><thead><tr><th>Pool</th><th>Days</th><th>Shift (local time)</th><th class="num">Agents</th><th class="num">Paid hours a week</th>' +
    `<th class="num">FTEs (${hoursPerFte} h a week)</th><th>Head count from</th></tr></thead>${body.join('')}` +
    `<tfoot><tr class="total"><td colspan="3">All pools</td><td class="num">${count(total.agents)}</td><td class="num">${count(total.paid)}</td><td class="num">${fte(total.ftes)}</td><td></td></tr></tfoot></table>`
  );
}

/** Head count, FTEs and occupancy per pool (site), one group of columns per scenario. */
export function poolTable(scenarios: Scenario[], results: ScenarioResult[], labels: string[]): string {
  const rosters = scenarios.map(poolRosters);
  const ids = [...new Set(rosters.flatMap((r) => r.map((p) => p.id)))];
  const type = (id: string) => rosters.flatMap((r) => r).find((p) => p.id === id)!.type;
  const occupancy = (r: ScenarioResult, id: string) => {
    const o = r.pools[id]?.occupancy;
    if (!o || o.mean === null) return '<td class="num muted">–</td>';
    return `<td class="num">${esc(percent(o.mean, 1))}${hasWidth(o) ? `<span class="ci">95% CI ${esc(range(o.ci95, 'fraction'))}%</span>` : ''}</td>`;
  };
  const head =
    `<tr><th rowspan="2">Pool</th>${labels.map((l, k) => `<th colspan="3" class="scenario-col"><span class="badge s${k}">${esc(l)}</span></th>`).join('')}</tr>` +
    `<tr>${labels.map((_, k) => `<th class="num">Agents on the roster</th><th class="num">FTEs (${scenarios[k].hoursPerFte} h)</th><th class="num">Occupancy</th>`).join('')}</tr>`;
  const body = ids.map((id) => {
    const cells = rosters.map((r, k) => {
      const p = r.find((x) => x.id === id);
      if (!p) return '<td class="num muted">–</td><td class="num muted">–</td><td class="num muted">–</td>';
      return `<td class="num">${count(p.headCount)}${p.aroundTheClock !== undefined ? '<span class="ci">around the clock</span>' : ''}</td><td class="num">${fte(p.ftes)}</td>${occupancy(results[k], id)}`;
    });
    return `<tr data-pool="${esc(id)}"><td><strong>${esc(id)}</strong> <span class="type ${esc(type(id))}">${esc(type(id))}</span></td>${cells.join('')}</tr>`;
  });
  const totals = rosters.map((r) => {
    const agents = r.reduce((n, p) => n + p.headCount, 0);
    const ftes = r.reduce((n, p) => n + p.ftes, 0);
    return `<td class="num">${count(agents)}</td><td class="num">${fte(ftes)}</td><td></td>`;
  });
  return `<table class="data pools"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot><tr class="total"><td>All pools</td>${totals.join('')}</tr></tfoot></table>`;
}

/** The simulate-and-correct (and trim) rounds: the programme's cost, then what the simulation
 * found; the round the plan is taken from in bold. */
export function iterationsTable(outcome: PlanOutcome, result: ScenarioResult): string {
  const perMonth = horizonOf(result).perMonth;
  const period = periodOf(result);
  const chosen = outcome.round ?? outcome.iterations.at(-1)?.iteration;
  const rows = outcome.iterations.map(
    (it) =>
      `<tr${it.iteration === chosen ? ' class="chosen"' : ''}><td class="num">${it.iteration}${it.phase === 'trim' ? ' <span class="muted">trim</span>' : ''}</td><td class="num">${esc(money(it.plannedCost * perMonth, result.currency))}</td>` +
      `<td class="num">${esc(hours(it.hoursBelowTarget))} h</td><td class="num">${esc(hours(it.uncoveredHours))} h</td><td class="num">${esc(hours(it.demandHours))} h</td>` +
      `<td class="num">${it.raisedHours > 0 ? `${count(it.raisedHours)}` : '<span class="muted">none</span>'}</td></tr>`,
  );
  return (
    `<table class="data iterations"><thead><tr><th class="num">Round</th><th class="num">Planned cost a month <span class="muted">(the programme’s)</span></th>` +
    `<th class="num">Simulated: hours below target ${esc(period)}</th><th class="num">Uncovered hours</th><th class="num">Hours with demand</th>` +
    `<th class="num">Language × channel hours raised for the next round</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** Whether the plan meets its targets, and the targets it cannot meet with their reasons. */
export function unmetList(outcome: PlanOutcome, brief = false): string {
  const then = brief ? ' (the reasons are with the plan below).' : '; what it cannot reach:';
  const verdict = outcome.met
    ? outcome.unmet.length
      ? `<p class="verdict met">The plan meets the targets wherever a shift can serve${then}</p>`
      : '<p class="verdict met">The plan meets every target.</p>'
    : `<p class="verdict unmet">The plan does not meet every target within its rounds${then}</p>`;
  if (brief) return verdict;
  // One item per language × channel ("es/voice: reason"), its reasons joined.
  const byQueue = new Map<string, string[]>();
  for (const u of outcome.unmet) {
    const at = u.indexOf(': ');
    const [key, why] = at > 0 ? [u.slice(0, at), u.slice(at + 2)] : ['', u];
    byQueue.set(key, [...(byQueue.get(key) ?? []), why]);
  }
  const items = [...byQueue].map(([key, why]) => `<li>${key ? `<strong>${esc(key)}</strong>: ` : ''}${esc(why.join('; '))}</li>`);
  return `${verdict}${items.length ? `<ul class="unmet">${items.join('')}</ul>` : ''}`;
}

/** One sentence on a plan: agents, FTEs and its cost, then its service in the simulation. */
export function planSentence(planned: Scenario, outcome: PlanOutcome, result: ScenarioResult): string {
  const rosters = plannedRosters(planned, outcome);
  const agents = rosters.reduce((n, p) => n + p.headCount, 0);
  const shifts = rosters.reduce((n, p) => n + p.rows.length, 0);
  const ftes = rosters.reduce((n, p) => n + p.ftes, 0);
  const s = result.summary;
  const c = result.currency;
  const below = s.hoursBelowTarget.mean ?? 0;
  const demand = s.demandHours.mean ?? 0;
  const uncovered = s.uncoveredHours.mean ?? 0;
  return (
    `${counted(agents, 'agent')} on ${counted(shifts, 'shift')} in ${counted(rosters.length, 'pool')} (${fte(ftes)} FTEs at ${planned.hoursPerFte} h a week), ` +
    `costing ${money(s.costPerMonth.mean, c)} a month, ${money(s.costPerContact.mean, c)} per contact and ${money(s.costPerResolvedCustomer.mean, c)} per resolved customer. ` +
    `Simulated (${count(result.replications)} replications), ${hours(below)} of the ${hours(demand)} language × channel hours with demand ${periodOf(result)} are below target` +
    ` (${percent(demand > 0 ? below / demand : 0, 1)}; the plan allows ${percent(planned.plan.belowTargetShare, 1)})${uncovered > 0 ? ` and ${hours(uncovered)} are uncovered (nobody with the skill on the phones)` : ''}.`
  );
}
