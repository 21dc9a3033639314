// The export layouts the import recognises: the Anonymous Bank call log (Technion SEE Center),
// and a documented generic one that any platform's export can be mapped onto (--map).
import type { Layout, RowOutcome } from './records';
import { localMsOfInstant } from './local-time';
import { LIMITS } from '../scenario/schema-parts';


// ---------------------------------------------------------------------------------------------
// Anonymous Bank, 1999: vru+line, call_id, customer_id, priority, type, date (YYMMDD),
// vru_entry, vru_exit, vru_time, q_start, q_exit, q_time, outcome, ser_start, ser_exit,
// ser_time, server. Clock times carry no date: a call across midnight ends "before" it starts.

/** The bank's service types as queues: a language code (the bank's customers speak Hebrew, PE
 * is its English line) with the type as a subtag, so each type is a queue of its own. */
export const BANK_TYPES: Record<string, { queue: string; name: string }> = {
  PS: { queue: 'he-PS', name: 'regular' },
  PE: { queue: 'en-PE', name: 'regular, in English' },
  NE: { queue: 'he-NE', name: 'stock exchange' },
  NW: { queue: 'he-NW', name: 'prospective customers' },
  IN: { queue: 'he-IN', name: 'internet' },
  TT: { queue: 'he-TT', name: 'callbacks' },
};

/** The bank's clock is Israel's. */
export const BANK_TIMEZONE = 'Asia/Jerusalem';

/** The caveat on an answered contact whose agent cell is blank (or the bank's NO_SERVER). */
export const NO_AGENT_NAMED = 'answered with no agent named (its handle time counted as busy time; no agent added to the staffing)';

/** The caveat on a call whose IVR ran past midnight of its row's date. */
export const QUEUED_NEXT_DAY = 'left the IVR after midnight (queued on the next day)';

const clockSeconds = (text: string): number | undefined => {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3]) < 60 ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
};
/** A number written in decimals (12, 12.5, 1e3), or undefined: Number() alone also reads "0x10"
 * as 16 and "0b11" as 3, which no export means by a duration or a count. */
export const decimal = (text: string): number | undefined => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined);
const wholeSeconds = (text: string): number | undefined => (/^-?\d+$/.test(text) ? Number(text) : undefined);
const malformed = (field: string, expected: string, got: string): RowOutcome => ({
  kind: 'rejected',
  reason: `malformed ${field}`,
  detail: `expected ${expected}, got ${JSON.stringify(got.slice(0, 30))}`,
});

/** A time beyond what a scenario takes (30 days): a typo or a unit mix-up, not a contact. */
const tooLong = (field: string, got: string): RowOutcome => ({
  kind: 'rejected',
  reason: `${field} above ${LIMITS.durationSeconds.toLocaleString('en-US')} s (30 days)`,
  detail: `got ${JSON.stringify(got.slice(0, 30))}`,
});

export const bankLayout: Layout = {
  name: 'bank (Anonymous Bank call log)',
  required: ['type', 'date', 'vru_entry', 'vru_exit', 'q_start', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server'],
  optional: ['vru+line', 'call_id'],
  // Call ids count per IVR line; with the day and the time the call came in, a row met twice is
  // the same call (a month's export appended twice would double the demand fitted).
  identity: { columns: ['vru+line', 'call_id', 'date', 'vru_entry'], key: (f) => `${f('vru+line')}\t${f('call_id')}\t${f('date')}\t${f('vru_entry')}` },
  row(f): RowOutcome {
    const outcome = f('outcome');
    if (outcome === 'PHANTOM') return { kind: 'rejected', reason: 'PHANTOM (not a real call, to ignore)' };
    if (outcome !== 'AGENT' && outcome !== 'HANG') return malformed('outcome', 'AGENT, HANG or PHANTOM', outcome);
    const type = BANK_TYPES[f('type')];
    if (!type) return { kind: 'rejected', reason: 'unknown service type', detail: `type ${JSON.stringify(f('type'))}` };
    const date = /^(\d{2})(\d{2})(\d{2})$/.exec(f('date'));
    if (!date) return malformed('date', 'YYMMDD', f('date'));
    const year = Number(date[1]) + (Number(date[1]) >= 50 ? 1900 : 2000);
    const dayMs = Date.UTC(year, Number(date[2]) - 1, Number(date[3]));
    if (new Date(dayMs).getUTCDate() !== Number(date[3])) return malformed('date', 'a real date YYMMDD', f('date'));
    const entry = clockSeconds(f('vru_entry'));
    const exit = clockSeconds(f('vru_exit'));
    if (entry === undefined) return malformed('vru_entry', 'a clock time H:MM:SS', f('vru_entry'));
    if (exit === undefined) return malformed('vru_exit', 'a clock time H:MM:SS', f('vru_exit'));
    const wait = wholeSeconds(f('q_time'));
    const handle = wholeSeconds(f('ser_time'));
    if (wait === undefined) return malformed('q_time', 'whole seconds', f('q_time'));
    if (handle === undefined) return malformed('ser_time', 'whole seconds', f('ser_time'));
    if (wait < 0) return { kind: 'rejected', reason: 'negative time in the queue' };
    if (handle < 0) return { kind: 'rejected', reason: 'negative service time' };
    if (wait > LIMITS.durationSeconds) return tooLong('q_time', f('q_time'));
    if (handle > LIMITS.durationSeconds) return tooLong('ser_time', f('ser_time'));
    const answered = outcome === 'AGENT';
    // A caller who hung up without ever queueing left in the IVR: a real call, never offered.
    if (!answered && wait === 0 && f('q_start') === '0:00:00') return { kind: 'not-offered' };
    const notes: string[] = [];
    // The queue is joined when the IVR is left (vru_exit, = q_start when the call queued).
    let arrivalSeconds = exit;
    let queuedNextDay = false;
    if (exit < entry) {
      // Either the IVR ran past midnight, or the source's clocks disagree (a negative vru_time).
      if (entry - exit > 12 * 3600) {
        arrivalSeconds += 86_400;
        queuedNextDay = true;
        notes.push(QUEUED_NEXT_DAY);
      }
      else notes.push('negative time in the IVR (vru_exit before vru_entry; queue times kept)');
    }
    if (answered) {
      const start = clockSeconds(f('ser_start'));
      const end = clockSeconds(f('ser_exit'));
      if (start !== undefined && end !== undefined && end < start) notes.push('served across midnight (ser_time kept)');
      if (handle === 0) notes.push('answered with a service time of 0 s (counted, not in the handle-time fit)');
      if (f('server') === 'NO_SERVER' || f('server') === '') notes.push(NO_AGENT_NAMED);
    }
    const server = f('server');
    return {
      kind: 'contact',
      record: {
        queue: type.queue,
        arrivalLocalMs: dayMs + arrivalSeconds * 1000,
        answered,
        waitSeconds: wait,
        handleSeconds: answered ? handle : 0,
        agent: answered && server !== 'NO_SERVER' && server !== '' ? server : undefined,
        ...(queuedNextDay ? { queuedNextDay: true as const } : {}),
      },
      notes,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Generic: one row per contact with the columns
//   arrival         when the contact reached the queue: 2026-03-02 09:15:00 (the customers' local
//                   time, --timezone) or an ISO instant with an offset (2026-03-02T08:15:00Z)
//   queue           a language code (en, pt-BR), or any queue name (becomes und-<name>)
//   outcome         answered or abandoned (anything else is counted and left out)
//   wait_seconds    time in the queue until answered or abandoned
//   handle_seconds  handle time of an answered contact (talk + wrap-up)
//   agent           (optional) who answered: for the observed staffing

export const GENERIC_FIELDS = ['arrival', 'queue', 'outcome', 'wait_seconds', 'handle_seconds'] as const;

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** A queue name as a scenario language code: itself when it is one, otherwise und-<name>
 * (und: "undetermined" in ISO 639), letters and digits only, at most 8. A name with more than 8
 * letters and digits keeps its first 5 and 3 of a hash of the whole name (billing-support →
 * und-billi49a, billing-sales → und-billi1nl), so that names alike at the start stay apart, and a name becomes the same code
 * in every file (an import and a later back-test agree). */
export function queueCode(name: string): string | undefined {
  if (LANGUAGE.test(name)) return name;
  const tag = name.replace(/[^A-Za-z0-9]/g, '');
  // Letters and digits of other scripts (Поддержка, サポート, دعم) are not in a language code's
  // subtag: such a name keeps its Latin ones, if any, and a hash of the whole name. Dropped, they
  // left no queue at all (every row "malformed"), or merged Поддержка 24 and Продажи 24 into und-24.
  if (/(?!\p{ASCII})[\p{L}\p{N}]/u.test(name)) return `und-${tag.slice(0, 5)}${hash36(name)}`;
  if (tag.length < 2) return undefined;
  return tag.length <= 8 ? `und-${tag}` : `und-${tag.slice(0, 5)}${hash36(name)}`;
}

/** 3 base-36 characters of an FNV-1a hash of `text`. */
function hash36(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return (h % 36 ** 3).toString(36).padStart(3, '0');
}

/** The queue names of one file as scenario queue names, distinct names kept distinct: should two
 * names still meet on one code (a hash collision), the later gets a number. Lists the names that
 * became something else, for the import summary. */
export function queueNamer() {
  const codes = new Map<string, string | undefined>();
  const taken = new Map<string, string>();
  return {
    code(name: string): string | undefined {
      if (codes.has(name)) return codes.get(name);
      let code = queueCode(name);
      if (code !== undefined && taken.has(code)) {
        const [language, tag = ''] = code.split('-');
        for (let k = 2; taken.has(code); k++) code = `${language}-${(tag || 'q').slice(0, 8 - String(k).length)}${k}`;
      }
      codes.set(name, code);
      if (code !== undefined) taken.set(code, name);
      return code;
    },
    renamed(): { source: string; queue: string }[] {
      return [...codes].flatMap(([source, queue]) => (queue !== undefined && queue !== source ? [{ source, queue }] : []));
    },
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** An arrival's time as written: local wall-clock ms in the customers' zone, and its instant
 * (UTC ms) when written with its offset (2026-10-25T00:30:00Z) — local clock times of an autumn
 * night's repeated hour are ambiguous, an instant is not. Read once per row. */
export function arrivalTime(text: string, timezone: string): { localMs: number; instantMs?: number } | undefined {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const instantMs = Date.parse(text);
    return Number.isFinite(instantMs) ? { localMs: localMsOfInstant(timezone, instantMs), instantMs } : undefined;
  }
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0));
  // The year as written (Date.UTC reads years 0 to 99 as 1900 to 1999: 0026, a typo for 2026,
  // became 1926), and no field that rolls over into the next (month 13 was January, 09:75 was
  // 10:15).
  const at = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  at.setUTCFullYear(year, month - 1, day);
  return at.getUTCDate() === day && at.getUTCMonth() === month - 1 && hour < 24 && minute < 60 && second < 60 ? { localMs: at.getTime() } : undefined;
}

/** Local wall-clock ms of an arrival: local text as it stands, an instant moved to the zone. */
export const arrivalLocal = (text: string, timezone: string): number | undefined => arrivalTime(text, timezone)?.localMs;

export function genericLayout(timezone: string): Layout {
  const queues = queueNamer();
  return {
    name: 'generic',
    required: GENERIC_FIELDS,
    optional: ['agent'],
    renamed: queues.renamed,
    row(f, has): RowOutcome {
      const arrival = arrivalTime(f('arrival'), timezone);
      if (arrival === undefined) return malformed('arrival', 'a time such as 2026-03-02 09:15:00 or 2026-03-02T08:15:00Z', f('arrival'));
      const queue = queues.code(f('queue'));
      if (!queue) return malformed('queue', 'a language code or a queue name', f('queue'));
      const outcome = f('outcome').toLowerCase();
      if (outcome !== 'answered' && outcome !== 'abandoned') return { kind: 'rejected', reason: 'outcome neither answered nor abandoned', detail: JSON.stringify(f('outcome').slice(0, 30)) };
      const wait = decimal(f('wait_seconds'));
      if (wait === undefined || !Number.isFinite(wait)) return malformed('wait_seconds', 'seconds', f('wait_seconds'));
      if (wait < 0) return { kind: 'rejected', reason: 'negative time in the queue' };
      const answered = outcome === 'answered';
      const handle = answered ? decimal(f('handle_seconds')) : 0;
      if (handle === undefined || !Number.isFinite(handle)) return malformed('handle_seconds', 'seconds', f('handle_seconds'));
      if (handle < 0) return { kind: 'rejected', reason: 'negative handle time' };
      if (wait > LIMITS.durationSeconds) return tooLong('wait_seconds', f('wait_seconds'));
      if (handle > LIMITS.durationSeconds) return tooLong('handle_seconds', f('handle_seconds'));
      const notes = answered && handle === 0 ? ['answered with a handle time of 0 s (counted, not in the handle-time fit)'] : [];
      const agent = f('agent') || undefined;
      // A blank agent where the export names agents, as the bank's NO_SERVER (a file without the
      // column has no staffing at all, which the import says once).
      if (answered && agent === undefined && has('agent')) notes.push(NO_AGENT_NAMED);
      return {
        kind: 'contact',
        record: { queue, arrivalLocalMs: arrival.localMs, ...(arrival.instantMs !== undefined ? { arrivalMs: arrival.instantMs } : {}), answered, waitSeconds: wait, handleSeconds: handle, agent: answered ? agent : undefined },
        notes,
      };
    },
  };
}

/** The layout a header looks like: the bank's when it has its columns. */
export function guessFormat(header: string): 'bank' | 'generic' {
  // Most of the bank's columns make a bank log, even with one missing: its message should name
  // that column, not the generic layout's five that a bank file never has.
  const names = new Set(header.split(/[\t,]/).map((name) => name.trim()));
  const bankColumns = bankLayout.required.filter((name) => names.has(name)).length;
  return bankColumns * 2 > bankLayout.required.length ? 'bank' : 'generic';
}

