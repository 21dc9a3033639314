// Contact records summed into an interval table (the layout of intervals.ts): what a platform
// without call-level logs would export. For tests of the interval import against the same
// data's call-level fit, and for users who want the smaller file.
import type { ContactRecord } from './records';
import { inferStaffing, secondsPerInterval } from './observed-staffing';
import { DAY_MS } from './local-time';

export function intervalTableCsv(records: ContactRecord[], intervalMinutes: number, thresholdSeconds = 20): string {
  const stepMs = intervalMinutes * 60_000;
  const from = Math.floor(records[0].arrivalLocalMs / DAY_MS) * DAY_MS;
  const count = Math.ceil((records[records.length - 1].arrivalLocalMs + 1 - from) / stepMs);
  // Agents on the phones per interval, from the sessions of the agents seen answering; each
  // interval's agents go on the row of its busiest queue (they served them all).
  const online = secondsPerInterval(inferStaffing(records).sessions, from, stepMs, count);
  const cells = new Map<string, { offered: number; answered: number; abandoned: number; within: number; waits: number; abandonWaits: number; handle: number }>();
  for (const r of records) {
    const i = Math.floor((r.arrivalLocalMs - from) / stepMs);
    const key = `${i}\t${r.queue}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { offered: 0, answered: 0, abandoned: 0, within: 0, waits: 0, abandonWaits: 0, handle: 0 }));
    c.offered++;
    if (r.answered) {
      c.answered++;
      c.waits += r.waitSeconds;
      c.handle += r.handleSeconds;
      if (r.waitSeconds <= thresholdSeconds) c.within++;
    } else {
      c.abandoned++;
      c.abandonWaits += r.waitSeconds;
    }
  }
  const busiest = new Map<number, string>();
  for (const [key, c] of cells) {
    const [i, queue] = key.split('\t');
    const best = busiest.get(Number(i));
    if (best === undefined || cells.get(`${i}\t${best}`)!.offered < c.offered) busiest.set(Number(i), queue);
  }
  const fixed = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '');
  const rows = [...cells].map(([key, c]) => {
    const [i, queue] = key.split('\t');
    const start = new Date(from + Number(i) * stepMs).toISOString().slice(0, 16).replace('T', ' ');
    const agents = busiest.get(Number(i)) === queue ? fixed(online[Number(i)] / (stepMs / 1000)) : '0';
    return [start, queue, c.offered, c.answered, c.abandoned, fixed(c.handle / c.answered), fixed(c.waits / c.answered), fixed(c.abandonWaits / c.abandoned), c.within, agents].join(',');
  });
  rows.sort();
  return `interval_start,queue,offered,answered,abandoned,aht_seconds,asa_seconds,abandon_wait_seconds,answered_within_threshold,agents\n${rows.join('\n')}\n`;
}
