// The roster editor: each pool's shifts as a week in the site's local time (a row per shift, a bar
// per day it runs, the head count on the bar), with the agents the pool's queues require and the
// pool's agents on the phones per hour drawn above and, where short, behind. Drag a bar to move it,
// its edges to resize it; or focus it and use the keyboard (← → move by 15 minutes, with Shift by an
// hour; ↑ ↓ lengthen or shorten; + − head count; Delete removes). The form under each week edits a
// shift's days, hours and head count, adds and removes shifts, and the pool's languages and
// channels; pools are added and removed too. Every edit goes into the scenario's text (only what
// changed is rewritten) and is validated with the CLI's schema, its message next to the field.
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { parse as parseYaml } from 'yaml';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { SERIES_COLOURS, tipPosition, WidthController } from '../lib/chart';
import { formatValue, wordFor } from '../lib/format';
import {
  addPool,
  addShift,
  adjusted,
  CHANNEL_NAMES,
  clock,
  daysText,
  moveShift,
  removePool,
  removeShift,
  rosterPools,
  setPoolField,
  setPoolList,
  setShift,
  shiftBars,
  shiftWeekHours,
  splitList,
  weekProfile,
  WEEK_MINUTES,
  type RosterEdit,
  type RosterPool,
  type RosterShift,
  type WeekProfile,
} from '../lib/roster-edit';
import { changeDoc, rawData, splitProblems, type Problem } from '../lib/scenario-doc';
import { WEEKDAYS } from '../lib/time';
import { connect } from '../state/app-store';
import { baseStyles, problemStyles, tagStyles } from './shared-styles';

/** The week's geometry at a root font size of 14 px; it scales with the text (presentation mode). */
function geometry() {
  const k = (parseFloat(getComputedStyle(document.documentElement).fontSize) || 14) / 14;
  return { k, LABEL: Math.round(150 * k), HEAD: Math.round(20 * k), BAND: Math.round(64 * k), ROW: Math.round(28 * k) };
}
type Part = 'move' | 'start' | 'end';
interface Drag {
  pool: number;
  shift: number;
  part: Part;
  x0: number;
  delta: number;
}

const profiles = new WeakMap<ScenarioResult, Map<string, WeekProfile>>();
function profileOf(result: ScenarioResult, pool: RosterPool, pools: RosterPool[]): WeekProfile {
  let byPool = profiles.get(result);
  if (!byPool) profiles.set(result, (byPool = new Map()));
  const key = JSON.stringify([pool, pools.map((p) => [p.id, p.skills, p.secondary, p.channels])]);
  let p = byPool.get(key);
  if (!p) byPool.set(key, (p = weekProfile(result, pool, pools)));
  return p;
}

const dayName = (s: RosterShift) => (s.mask === null ? String(Array.isArray(s.days) ? s.days.join(',') : s.days) : s.mask === 0 ? 'no day' : daysText(s.mask));
const startsText = (c: NonNullable<RosterShift['candidates']>) => `starts ${clock(c.first)}–${clock(c.last)}${c.last > c.first ? ` every ${c.every} min` : ''}, ${formatValue(c.length / 60, 'agents').replace(/\.0$/, '')} h`;
const shiftName = (s: RosterShift) => (s.candidates ? `${dayName(s)}, ${startsText(s.candidates)}` : `${dayName(s)} ${s.start}–${s.end}`);
/** The label left of a shift's row, in the room the week gives it (at 14 px, "Sat-Sun 09:00–17:30"
 * fits; "Mon,Wed,Fri 12:00–24:00" ran out of the drawing at its left edge and lost its end time):
 * a longer one keeps its hours and shortens its days, to 18 characters (wide letters, and bold
 * when focused, still fit). The whole name is the row's tooltip and screen-reader label. */
function weekLabel(s: RosterShift, label: string): string {
  if (label.length <= 19) return label;
  const hours = `${s.start}–${s.end}`;
  const room = 18 - hours.length - 2;
  return s.candidates || room < 3 ? `${label.slice(0, 17)}…` : `${dayName(s).slice(0, room)}… ${hours}`;
}
/** "Mon-Fri 09:15–17:15": where a dragged shift would go. */
const dragTimes = (s: { mask: number | null; from: number | null; length: number | null }) =>
  s.from === null || s.length === null ? '' : `${s.mask === null ? '' : `${daysText(s.mask)} `}${clock(s.from)}–${s.from + s.length === 1440 ? '24:00' : clock(s.from + s.length)}`;
/** A shift's head count as its field shows it: what the file has, text that is not a number
 * included (the schema's message under the field quotes it); a range left to the planner as the
 * file writes it, `{ min: 1, max: 30 }`, which the field reads back (agentsValue). */
const agentsText = (a: unknown) =>
  typeof a === 'number' || typeof a === 'string'
    ? String(a)
    : a && typeof a === 'object'
      ? `{ ${Object.entries(a)
          .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
          .join(', ')} }`
      : '';
/** A head count on the bars of the week, where a range must fit a day's bar: `1–30`. */
const barCount = (a: unknown) => {
  const r = a && typeof a === 'object' ? (a as { min?: unknown; max?: unknown }) : null;
  return r && typeof r.min === 'number' && typeof r.max === 'number' ? `${r.min}–${r.max}` : agentsText(a);
};
/** The head count typed in a shift's field: a number, auto, a range `{ min, max }` (as shown, or
 * as JSON), or the text as typed for the schema to name what is wrong. */
function agentsValue(v: string): unknown {
  if (v === '') return null;
  if (v === 'auto') return 'auto';
  if (Number.isFinite(Number(v))) return Number(v);
  if (v.startsWith('{')) {
    try {
      const range: unknown = parseYaml(v);
      if (range && typeof range === 'object' && !Array.isArray(range)) return range;
    } catch {
      // Not a mapping: the text goes to the schema, which says what it expects.
    }
  }
  return v;
}

@customElement('fs-roster-editor')
export class FsRosterEditor extends LitElement {
  private ctl = connect(this, (s) => [s.active, s.shown.result, s.state.history]);
  private width = new WidthController(this, 900);
  @state() private drag: Drag | null = null;
  /** The slot of the week the pointer is over, in the requirement band of a pool. */
  @state() private hover: { pool: number; slot: number; x: number; y: number } | null = null;
  private read: { text: string; pools: RosterPool[] } | null = null;
  /** Values being typed, not yet written: their text and the schema's messages for them. */
  @state() private drafts = new Map<string, { text: string; problems: string[] }>();

  static override styles = [
    baseStyles,
    problemStyles,
    tagStyles,
    css`
      /* One column as wide as the view, not as the week: in a narrow window the week (at least
         640 px) scrolls sideways in its card, and the text around it wraps to the window. */
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.85rem;
      }
      .pool {
        padding: 0.9rem 1rem;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.6rem;
      }
      .pool-head {
        display: flex;
        align-items: baseline;
        gap: 0.4rem 0.8rem;
        flex-wrap: wrap;
      }
      .pool-head h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .facts {
        color: var(--text-muted);
        font-size: 0.88rem;
        font-variant-numeric: tabular-nums;
      }
      .week {
        position: relative;
        overflow-x: auto;
      }
      .tip {
        position: absolute;
        z-index: 5;
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: 6px;
        box-shadow: var(--shadow);
        padding: 0.4rem 0.6rem;
        font-size: 0.82rem;
        line-height: 1.4;
        pointer-events: none;
        white-space: nowrap;
      }
      svg {
        display: block;
        user-select: none;
        touch-action: none;
      }
      svg text {
        font-size: 0.79rem;
        fill: var(--text-muted);
      }
      svg .label {
        fill: var(--text);
        font-size: 0.86rem;
      }
      svg .count {
        fill: #fff;
        font-weight: 600;
        font-size: 0.79rem;
        pointer-events: none;
      }
      .shift {
        outline: none;
      }
      .shift rect.bar {
        cursor: grab;
      }
      .shift:focus-visible rect.bar,
      .shift.dragging rect.bar {
        stroke: var(--focus);
        stroke-width: 2.5;
      }
      svg .drag-times {
        fill: var(--text);
        font-weight: 700;
        font-size: 0.79rem;
        paint-order: stroke;
        stroke: var(--surface);
        stroke-width: 3px;
      }
      .shift:focus-visible .label {
        font-weight: 700;
      }
      .hint {
        color: var(--text-muted);
        font-size: 0.82rem;
        margin: 0;
      }
      table {
        border-collapse: collapse;
        font-size: 0.9rem;
        justify-self: start;
      }
      td:first-child {
        padding-right: 1.2rem;
      }
      th {
        text-align: left;
        font-weight: 600;
        color: var(--text-muted);
        font-size: 0.8rem;
        padding: 0.2rem 0.4rem;
      }
      td {
        padding: 0.2rem 0.4rem;
        vertical-align: top;
        border-top: 1px solid var(--border);
      }
      td input[type='text'] {
        width: 5.2rem;
        min-height: 1.9rem;
        font-variant-numeric: tabular-nums;
      }
      .days {
        display: flex;
        gap: 2px;
      }
      .days label {
        display: grid;
        place-items: center;
        font-size: 0.72rem;
        color: var(--text-muted);
        gap: 0;
      }
      input[aria-invalid='true'] {
        border-color: var(--bad);
        background: var(--bad-soft);
      }
      .error {
        color: var(--bad);
        font-size: 0.8rem;
        line-height: 1.35;
        margin-top: 0.15rem;
      }
      details.settings > summary {
        cursor: pointer;
        font-weight: 600;
        font-size: 0.92rem;
      }
      .form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.5rem 1rem;
        margin-top: 0.5rem;
      }
      .form label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.85rem;
        color: var(--text-muted);
      }
      .form input[type='text'],
      .form select {
        width: 100%;
        color: var(--text);
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        gap: 0.6rem;
        align-items: center;
        flex-wrap: wrap;
        font-size: 0.88rem;
      }
      legend {
        font-size: 0.85rem;
        color: var(--text-muted);
        padding: 0;
        margin-bottom: 0.15rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: center;
      }
      td.candidates {
        color: var(--text);
        padding-top: 0.5rem;
      }
      .empty {
        padding: 2rem;
        text-align: center;
        color: var(--text-muted);
      }
    `,
  ];

  private get store() {
    return this.ctl.store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onShortcut);
  }

  private draftsFor = '';

  /** Values being typed belong to the text they were typed against: another edit drops them. */
  protected override willUpdate(): void {
    const text = this.store?.active?.text ?? '';
    if (text !== this.draftsFor) {
      this.draftsFor = text;
      if (this.drafts.size) this.drafts = new Map();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onShortcut);
  }

  /** Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in the week and on buttons (text fields keep their own undo). */
  private onShortcut = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const target = e.composedPath()[0] as HTMLElement;
    if (target instanceof HTMLInputElement && target.type === 'text') return;
    e.preventDefault();
    this.store?.undo(key === 'y' || e.shiftKey);
  };

  private edit(change: RosterEdit | null): void {
    if (change) this.store?.change(change);
  }

  override render() {
    const doc = this.store?.active;
    if (!doc) return nothing;
    // Read once per text (a drag re-renders on every pointer move).
    if (this.read?.text !== doc.text) this.read = { text: doc.text, pools: rosterPools(doc) };
    const pools = this.read.pools;
    const result = this.store!.shown.result;
    const problems = splitProblems(doc);
    const used = new Set<Problem>();
    const at = (path: string) => {
      const mine = problems.filter((p) => p.path !== null && (p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`)));
      mine.forEach((p) => used.add(p));
      return mine;
    };
    const perFte = (doc.scenario ?? doc.lastValid)?.hoursPerFte ?? 40;
    const cards = pools.map((p, i) => this.renderPool(p, i, pools, result, at, perFte));
    const rest = problems.filter((p) => !used.has(p));
    const languages = [...new Set((doc.scenario ?? doc.lastValid)?.demand.map((d) => d.language) ?? [])];
    const undoable = this.store!.undoable();
    // A file that does not parse cannot be edited structurally (its Source can).
    const readable = rawData(doc) !== null;
    return html`
      ${rest.length
        ? html`<div class="problems" role="alert">
            <b>This scenario cannot run until these are fixed:</b>
            <ul>
              ${rest.map((p) => html`<li>${p.line ? `line ${p.line}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="row toolbar" role="toolbar" aria-label="Roster edits">
        <button ?disabled=${!undoable.undo} aria-keyshortcuts="Control+Z" title="Undo the last edit (Ctrl+Z)" @click=${() => this.store?.undo()}>↶ Undo</button>
        <button ?disabled=${!undoable.redo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)" @click=${() => this.store?.undo(true)}>↷ Redo</button>
        <span class="hint">${undoable.undo ? `${undoable.undo} ${wordFor(undoable.undo, 'edit')} to undo` : 'No edits yet'}</span>
      </div>
      <p class="hint" id="keys">
        Times are each site's local time. Drag a bar to move a shift, its ends to change its hours; or focus a bar (Tab) and use ← → to move it by 15 minutes
        (Shift: an hour), ↑ ↓ to end it later or earlier, + − for the head count, Delete to remove it, Enter for its fields (Escape: back to the bar, what was typed dropped). Shaded hours: one of the pool's queues uncovered (red) or
        below its target (amber), from the last run.
      </p>
      ${!readable
        ? html`<div class="empty card" data-unreadable>The file cannot be read as YAML or JSON: fix it in the Source box (the sidebar's editor) to edit the roster.</div>`
        : html`${cards.length ? cards : html`<div class="empty card">No pool with agents: add one.</div>`}
            <div class="row">
              <button @click=${() => this.edit(addPool(pools.map((p) => p.id), languages.slice(0, 1)))}>+ Add a pool</button>
            </div>`}
    `;
  }

  private renderPool(pool: RosterPool, order: number, pools: RosterPool[], result: ScenarioResult | null, at: (path: string) => Problem[], perFte: number) {
    const base = `staffing[${pool.index}]`;
    const colour = SERIES_COLOURS[order % SERIES_COLOURS.length];
    const hours = pool.shifts.reduce((n, s) => n + shiftWeekHours(s), 0) + (typeof pool.agents === 'number' && !pool.shifts.length ? pool.agents * 168 : 0);
    const profile = result && result.staffing[pool.id] ? profileOf(result, pool, pools) : null;
    return html`<section class="pool card" data-roster-pool=${pool.id} data-roster-index=${pool.index} aria-labelledby=${`pool-${pool.index}`}>
      <div class="pool-head">
        <h3 id=${`pool-${pool.index}`}>${pool.id}</h3>
        <span class="tag ${pool.type}">${pool.type === 'outsourced' ? 'outsourced (BPO)' : pool.type}</span>
        <span class="facts">${pool.timezone} · ${pool.skills.join(', ')}${pool.secondary.length ? ` (+ ${pool.secondary.join(', ')})` : ''} · ${(pool.channels ?? CHANNEL_NAMES).join(', ')}</span>
        <span class="facts" data-paid-hours=${hours}
          >${formatValue(hours, 'count')} paid h a week · ${formatValue(hours / perFte, 'agents')} FTEs at ${perFte} h${pool.shifts.some((s) => s.open) ? ' · open shifts: Plan decides' : ''}</span
        >
      </div>
      ${this.renderWeek(pool, colour, profile)} ${this.renderShifts(pool, base, at)} ${this.renderSettings(pool, base, at)}
    </section>`;
  }

  // --- the week ------------------------------------------------------------------------------------

  private renderWeek(pool: RosterPool, colour: string, profile: WeekProfile | null) {
    const { k, LABEL, HEAD, BAND, ROW } = geometry();
    const total = Math.max(640, this.width.value - 34);
    const plot = total - LABEL - 8;
    const x = (minute: number) => LABEL + (minute / WEEK_MINUTES) * plot;
    const rows = pool.shifts.length ? pool.shifts : [];
    const height = HEAD + BAND + 6 + Math.max(1, rows.length) * ROW + 4;
    const rowsTop = HEAD + BAND + 6;
    const max = profile ? Math.max(1, ...profile.requiredScheduled, ...profile.required, ...profile.onPhonesServing) * 1.1 : 1;
    const y = (v: number) => HEAD + BAND - (v / max) * (BAND - 4);
    // Step lines over the hours the horizon holds (a horizon shorter than a week leaves gaps).
    const held = (h: number) => profile?.inHorizon[h] ?? false;
    const slot = profile?.slotMinutes ?? 60;
    const step = (values: number[]) => values.map((v, h) => (held(h) ? `${h && held(h - 1) ? 'L' : 'M'}${x(h * slot)},${y(v)}H${x((h + 1) * slot)}` : '')).join('');
    const area = (values: number[]) => values.map((v, h) => (held(h) ? `M${x(h * slot)},${y(0)}V${y(v)}H${x((h + 1) * slot)}V${y(0)}Z` : '')).join('');
    const around = !pool.shifts.length && typeof pool.agents === 'number';
    const tip = this.hover?.pool === pool.index && profile ? this.hover : null;
    return html`<div class="week">${tip ? this.renderTip(tip, profile!, pool, total) : nothing}<svg
      width=${total}
      height=${height}
      role="group"
      aria-label=${`${pool.id}: the week in ${pool.timezone}, a row per shift`}
      @pointermove=${(e: PointerEvent) => (this.drag ? this.onPointerMove(e, plot) : this.onHover(e, pool, profile, { LABEL, HEAD, BAND, plot }))}
      @pointerleave=${() => (this.hover = null)}
      @pointerup=${(e: PointerEvent) => this.onPointerUp(e, pool)}
      @pointercancel=${() => (this.drag = null)}
    >
      ${WEEKDAYS.map(
        (d, i) => svg`<text x=${x(i * 1440 + 720)} y=${HEAD - 7 * k} text-anchor="middle">${d}</text>
          <line x1=${x(i * 1440)} x2=${x(i * 1440)} y1=${HEAD} y2=${height} stroke="var(--border)"></line>
          <line x1=${x(i * 1440 + 720)} x2=${x(i * 1440 + 720)} y1=${HEAD + BAND} y2=${height} stroke="var(--border)" stroke-dasharray="2 3" opacity="0.6"></line>`,
      )}
      <line x1=${x(WEEK_MINUTES)} x2=${x(WEEK_MINUTES)} y1=${HEAD} y2=${height} stroke="var(--border)"></line>
      ${profile
        ? svg`<g data-profile aria-hidden="true">
            ${profile.uncovered.map((u, h) =>
              u || profile.below[h]
                ? svg`<rect x=${x(h * 60)} y=${rowsTop - 2} width=${x(60) - x(0)} height=${height - rowsTop + 2} fill=${u ? 'var(--bad)' : 'var(--warn)'} opacity=${u ? 0.16 : 0.12}
                    data-gap-hour=${h}></rect>`
                : nothing,
            )}
            <path d=${area(profile.requiredScheduled)} fill="var(--surface-3)" stroke="var(--surface-3)" stroke-width="0.5"></path>
            ${profile.inHorizon.every(Boolean) ? nothing : svg`<text x=${x(WEEK_MINUTES) - 4} y=${HEAD + 12 * k} text-anchor="end">blank: hours outside the simulated period</text>`}
            <path d=${step(profile.onPhonesServing)} fill="none" stroke="var(--text-muted)" stroke-width="1.2"></path>
            <path d=${step(profile.onPhones)} fill="none" stroke=${colour} stroke-width="2"></path>
            <path d=${step(profile.required)} fill="none" stroke="var(--text)" stroke-width="1.2" stroke-dasharray="4 3"></path>
            <text x=${LABEL - 6} y=${HEAD + 11 * k} text-anchor="end">- - required on phones</text>
            <text x=${LABEL - 6} y=${HEAD + 23 * k} text-anchor="end">▇ required scheduled</text>
            <text x=${LABEL - 6} y=${HEAD + 35 * k} text-anchor="end">— all pools serving</text>
            <text x=${LABEL - 6} y=${HEAD + 47 * k} text-anchor="end" fill=${colour} style="fill:${colour}">— ${pool.id.length > 14 ? 'this pool' : pool.id}</text>
            <text x=${LABEL - 6} y=${HEAD + BAND - 1} text-anchor="end">0 – ${formatValue(max / 1.1, 'agents')} agents</text>
          </g>`
        : svg`<text x=${LABEL + 8} y=${HEAD + BAND / 2}>The requirement appears once the scenario has run.</text>`}
      ${around ? svg`<text class="label" x=${LABEL - 6} y=${rowsTop + ROW * 0.64} text-anchor="end">${pool.agents} around the clock</text><rect x=${x(0)} y=${rowsTop + ROW * 0.15} width=${plot} height=${ROW * 0.7} rx="3" fill=${colour} opacity="0.8"></rect>` : nothing}
      ${rows.map((s, r) => this.renderBars(pool, s, rowsTop + r * ROW, colour, x, LABEL, ROW))}
    </svg></div>`;
  }

  private renderBars(pool: RosterPool, shift: RosterShift, top: number, colour: string, x: (m: number) => number, LABEL: number, ROW: number) {
    const d = this.drag;
    const dragging = d !== null && d.pool === pool.index && d.shift === shift.index;
    const shown = dragging && d.delta ? (adjusted(shift, d.delta, d.part) ?? shift) : shift;
    const fixed = shift.from !== null;
    const c = shift.candidates;
    // Candidate starts: the window from the first start to the end of the last, outlined.
    const bars = c ? shiftBars({ mask: shift.mask, from: c.first, length: Math.min(1440, c.last - c.first + c.length) }) : shiftBars(shown);
    const agents = agentsText(shift.agents);
    const label = shiftName(shift);
    return svg`<g
      class="shift ${dragging ? 'dragging' : ''}"
      tabindex=${fixed ? 0 : -1}
      role=${fixed ? 'button' : 'img'}
      aria-roledescription="shift"
      aria-describedby="keys"
      aria-label=${`${pool.id}, ${label}, ${agents} agents`}
      data-shift=${shift.index}
      data-start=${shift.start}
      data-end=${shift.end}
      data-days=${shift.mask === null ? '' : daysText(shift.mask)}
      data-agents=${agents}
      @keydown=${(e: KeyboardEvent) => this.onKey(e, pool, shift)}
    >
      <text class="label" x=${LABEL - 6} y=${top + ROW * 0.64} text-anchor="end">${weekLabel(shift, label)}<title>${label}</title></text>
      ${dragging && d.delta && bars.length ? svg`<text class="drag-times" x=${x(bars[0].from)} y=${top + ROW * 0.1} data-drag-times>${dragTimes(shown)}</text>` : nothing}
      ${bars.map(({ from, to }) => {
        const w = Math.max(2, x(to) - x(from));
        return svg`<rect class="bar" x=${x(from)} y=${top + ROW * 0.15} width=${w} height=${ROW * 0.7} rx="3" fill=${c ? 'none' : shift.open ? 'var(--text-muted)' : colour}
            stroke=${c ? colour : 'none'} stroke-dasharray=${c ? '4 3' : 'none'} opacity=${c ? 1 : shift.open ? 0.45 : 0.9}
            @pointerdown=${(e: PointerEvent) => fixed && this.onPointerDown(e, pool, shift, x(from), x(to))}><title>${label}: ${agents} agents</title></rect>
          ${w > 18 ? svg`<text class=${c ? 'label' : 'count'} x=${x(from) + w / 2} y=${top + ROW * 0.64} text-anchor="middle">${barCount(shift.agents)}</text>` : nothing}`;
      })}
    </g>`;
  }

  private onKey(e: KeyboardEvent, pool: RosterPool, shift: RosterShift): void {
    const by = e.shiftKey ? 60 : 15;
    let change: RosterEdit | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') change = moveShift(pool.index, shift, e.key === 'ArrowLeft' ? -by : by, 'move');
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') change = moveShift(pool.index, shift, e.key === 'ArrowUp' ? by : -by, 'end');
    else if ((e.key === '+' || e.key === '=' || e.key === '-') && typeof shift.agents === 'number') change = setShift(pool.index, shift.index, { agents: Math.max(0, shift.agents + (e.key === '-' ? -1 : 1)) });
    else if ((e.key === 'Delete' || e.key === 'Backspace') && pool.shifts.length > 1) {
      change = removeShift(pool.index, shift.index);
      // Focus stays in the week: on the shift before (or the new first one).
      const next = Math.max(0, shift.index - 1);
      void this.updateComplete.then(() => this.store?.settled()).then(() => this.updateComplete).then(() => this.barOf(pool.index, next)?.focus());
    } else if (e.key === 'Enter' || e.key === ' ') {
      // To the shift's fields in the form below, the value selected: what is typed replaces it.
      e.preventDefault();
      const input = this.renderRoot.querySelector<HTMLInputElement>(`input[data-path="staffing[${pool.index}].shifts[${shift.index}].start"], input[data-path="staffing[${pool.index}].shifts[${shift.index}].agents"]`);
      input?.focus();
      input?.select();
      return;
    } else return;
    e.preventDefault();
    this.edit(change);
  }

  private barOf(pool: number, shift: number): SVGGElement | null {
    return this.renderRoot.querySelector<SVGGElement>(`[data-roster-index="${pool}"] g.shift[data-shift="${shift}"]`);
  }

  private onPointerDown(e: PointerEvent, pool: RosterPool, shift: RosterShift, left: number, right: number): void {
    if (e.button !== 0) return;
    e.preventDefault();
    const svgEl = (e.currentTarget as SVGElement).ownerSVGElement!;
    svgEl.setPointerCapture(e.pointerId);
    const px = e.clientX - svgEl.getBoundingClientRect().left;
    const edge = Math.min(6, (right - left) / 4);
    const part: Part = px - left < edge ? 'start' : right - px < edge ? 'end' : 'move';
    ((e.currentTarget as SVGElement).parentNode as SVGGElement).focus();
    this.drag = { pool: pool.index, shift: shift.index, part, x0: e.clientX, delta: 0 };
  }

  /** Over the requirement band: which slot of the week the pointer is on (for its figures). */
  private onHover(e: PointerEvent, pool: RosterPool, profile: WeekProfile | null, g: { LABEL: number; HEAD: number; BAND: number; plot: number }): void {
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const px = e.clientX - box.left;
    const py = e.clientY - box.top;
    const inside = profile && px >= g.LABEL && px < g.LABEL + g.plot && py >= g.HEAD && py <= g.HEAD + g.BAND;
    const slot = inside ? Math.floor((((px - g.LABEL) / g.plot) * WEEK_MINUTES) / profile.slotMinutes) : -1;
    const next = inside && profile.inHorizon[slot] ? { pool: pool.index, slot, x: px, y: py } : null;
    if (next?.slot !== this.hover?.slot || next?.pool !== this.hover?.pool) this.hover = next;
  }

  private renderTip(tip: { slot: number; x: number; y: number }, p: WeekProfile, pool: RosterPool, width: number) {
    const from = tip.slot * p.slotMinutes;
    const agents = (v: number) => formatValue(v, 'agents');
    return html`<div class="tip" aria-hidden="true" data-tip style=${tipPosition(tip.x, tip.y + 12, width)}>
      <b>${WEEKDAYS[Math.floor(from / 1440)]} ${clock(from)}–${clock(from + p.slotMinutes)}</b> (${pool.timezone})<br />
      Required on the phones ${agents(p.required[tip.slot])}, scheduled ${agents(p.requiredScheduled[tip.slot])}<br />
      On the phones: ${pool.id} ${agents(p.onPhones[tip.slot])}, all pools serving ${agents(p.onPhonesServing[tip.slot])}
    </div>`;
  }

  private onPointerMove(e: PointerEvent, plot: number): void {
    if (!this.drag) return;
    const delta = Math.round(((e.clientX - this.drag.x0) / plot) * (WEEK_MINUTES / 15)) * 15;
    if (delta !== this.drag.delta) this.drag = { ...this.drag, delta };
  }

  private onPointerUp(e: PointerEvent, pool: RosterPool): void {
    const d = this.drag;
    if (!d) return;
    this.drag = null;
    (e.currentTarget as SVGElement).releasePointerCapture?.(e.pointerId);
    const shift = pool.shifts.find((s) => s.index === d.shift);
    if (shift && d.delta) this.edit(moveShift(pool.index, shift, d.delta, d.part));
  }

  // --- the form ------------------------------------------------------------------------------------

  /** A text field of the roster's form. What is typed is checked at once with the CLI's schema (the
   * edit tried on a copy of the text: its message shows under the field while typing); it is
   * written into the scenario on Enter or when the field is left. Escape drops what was typed and,
   * in a shift's fields (reached from its bar with Enter), goes back to the bar: `back`. */
  private field(path: string, label: string, value: string, at: (path: string) => Problem[], make: (v: string) => RosterEdit | null, fit = false, back?: () => void) {
    const draft = this.drafts.get(path);
    // A value longer than the column's width (a range { min: 1, max: 30 }) widens its field to show it whole.
    const shown = draft?.text ?? value;
    const mine = draft ? draft.problems : at(path).map((p) => p.message);
    const id = `${path.replace(/[^\w]/g, '-')}`;
    return html`<input
        type="text"
        id=${id}
        aria-label=${label}
        data-path=${path}
        style=${fit && shown.length > 7 ? `width: calc(${shown.length}ch + 1.2rem)` : nothing}
        .value=${live(shown)}
        aria-invalid=${mine.length ? 'true' : 'false'}
        aria-describedby=${mine.length ? `${id}-err` : nothing}
        @input=${(e: Event) => this.tryDraft(path, (e.target as HTMLInputElement).value, make)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          this.dropDraft(path, e.target as HTMLInputElement, value);
          back?.();
        }}
        @change=${(e: Event) => {
          const drafts = new Map(this.drafts);
          drafts.delete(path);
          this.drafts = drafts;
          this.edit(make((e.target as HTMLInputElement).value.trim()));
        }}
      />${mine.length ? html`<div class="error" id=${`${id}-err`} role="alert">${mine.join('; ')}</div>` : nothing}`;
  }

  /** Forgets what was typed in a field: it shows the scenario's value again, and leaving it changes nothing. */
  private dropDraft(path: string, input: HTMLInputElement, value: string): void {
    input.value = value;
    if (!this.drafts.has(path)) return;
    const drafts = new Map(this.drafts);
    drafts.delete(path);
    this.drafts = drafts;
  }

  /** Checks a value as it is typed: the edit applied to a copy of the text, validated. */
  private tryDraft(path: string, text: string, make: (v: string) => RosterEdit | null): void {
    const doc = this.store?.active;
    const change = make(text.trim());
    if (!doc || !change) return;
    const problems = splitProblems(changeDoc(doc, change))
      .filter((p) => p.path !== null && (p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`)))
      .map((p) => p.message);
    const drafts = new Map(this.drafts);
    drafts.set(path, { text, problems });
    this.drafts = drafts;
  }

  private renderShifts(pool: RosterPool, base: string, at: (path: string) => Problem[]): TemplateResult {
    const n = pool.shifts.length;
    return html`${n ? this.renderTable(pool, base, at) : nothing}
      ${pool.shifts.length === 0 && typeof pool.agents === 'number' ? html`<p class="hint">${pool.agents} agents around the clock: adding a shift turns them into a daily 00:00–24:00 shift.</p>` : nothing}
      <div class="row">
        <button data-action="add-shift" @click=${() => this.edit(addShift(pool))} aria-label=${`Add a shift to ${pool.id}`}>+ Add a shift</button>
      </div>`;
  }

  private renderTable(pool: RosterPool, base: string, at: (path: string) => Problem[]): TemplateResult {
    const n = pool.shifts.length;
    return html`<table data-shifts=${pool.id}>
        <thead>
          <tr><th scope="col">Days</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Agents</th><th scope="col"><span class="sr-only">Remove</span></th></tr>
        </thead>
        <tbody>
          ${pool.shifts.map((s, r) => {
            const path = `${base}.shifts[${s.index}]`;
            const name = `${pool.id} shift ${r + 1}`;
            const mask = s.mask ?? 0;
            const dayErrors = at(`${path}.days`);
            const toBar = () => this.barOf(pool.index, s.index)?.focus();
            return html`<tr data-shift=${s.index}>
              <td>
                <div class="days" role="group" aria-label=${`${name} days`}>
                  ${WEEKDAYS.map(
                    (d, k) => html`<label
                      >${d.slice(0, 2)}<input
                        type="checkbox"
                        aria-label=${`${name} on ${d}`}
                        .checked=${live(((mask >> k) & 1) === 1)}
                        ?disabled=${s.mask === null}
                        @change=${(e: Event) => this.edit(setShift(pool.index, s.index, { days: daysText((e.target as HTMLInputElement).checked ? mask | (1 << k) : mask & ~(1 << k)) }))}
                    /></label>`,
                  )}
                </div>
                ${dayErrors.length ? html`<div class="error" role="alert">${dayErrors.map((p) => p.message).join('; ')}</div>` : nothing}
              </td>
              ${s.candidates
                ? html`<td colspan="2" class="candidates">${startsText(s.candidates)} <span class="hint">(candidates for Plan; edit them in Source)</span></td>`
                : html`<td>${this.field(`${path}.start`, `${name} start`, s.start, at, (v) => setShift(pool.index, s.index, { start: v }), false, toBar)}</td>
                    <td>${this.field(`${path}.end`, `${name} end`, s.end, at, (v) => setShift(pool.index, s.index, { end: v }), false, toBar)}</td>`}
              <td>
                ${this.field(`${path}.agents`, `${name} agents`, agentsText(s.agents), at, (v) => setShift(pool.index, s.index, { agents: agentsValue(v) }), true, toBar)}
              </td>
              <td>
                <button class="quiet" aria-label=${`Remove ${name}`} title=${n > 1 ? 'Remove this shift' : 'A pool needs a shift: remove the pool instead'} ?disabled=${n <= 1} @click=${() => this.removeRow(pool, r)}>
                  ✕
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  }

  /** Removes the shift of a table row. The button goes with its row: focus moves to the ✕ of the
   * row now in its place (or the last one), or to "Add a shift" when one shift is left (its ✕ is
   * disabled), so that a keyboard user stays in the table instead of on the page's body. */
  private removeRow(pool: RosterPool, row: number): void {
    const left = pool.shifts.length - 1;
    this.edit(removeShift(pool.index, pool.shifts[row].index));
    const next = Math.min(row, left - 1);
    void this.updateComplete
      .then(() => this.store?.settled())
      .then(() => this.updateComplete)
      .then(() => {
        const card = this.renderRoot.querySelector(`[data-roster-index="${pool.index}"]`);
        const target = left > 1 ? card?.querySelectorAll<HTMLButtonElement>(`[data-shifts] tbody tr button`)[next] : card?.querySelector<HTMLButtonElement>('[data-action="add-shift"]');
        target?.focus();
      });
  }

  private renderSettings(pool: RosterPool, base: string, at: (path: string) => Problem[]) {
    const channels = pool.channels ?? [...CHANNEL_NAMES];
    const channelErrors = at(`${base}.channels`);
    return html`<details class="settings">
      <summary>Pool settings: name, type, time zone, languages, channels</summary>
      <div class="form">
        <label>Name${this.field(`${base}.id`, `${pool.id} name`, pool.id, at, (v) => setPoolField(pool, 'id', v))}</label>
        <label
          >Type
          <select aria-label=${`${pool.id} type`} @change=${(e: Event) => this.edit(setPoolField(pool, 'type', (e.target as HTMLSelectElement).value))}>
            ${['in-house', 'outsourced'].map((t) => html`<option value=${t} ?selected=${pool.type === t}>${t === 'outsourced' ? 'outsourced (BPO)' : t}</option>`)}
          </select></label
        >
        <label>Time zone (IANA)${this.field(`${base}.timezone`, `${pool.id} time zone`, pool.timezone, at, (v) => setPoolField(pool, 'timezone', v))}</label>
        <label>Languages (codes, comma-separated)${this.field(`${base}.skills`, `${pool.id} languages`, pool.skills.join(', '), at, (v) => setPoolList(pool, 'skills', splitList(v)))}</label>
        <label
          >Secondary languages (slower)${this.field(`${base}.secondarySkills`, `${pool.id} secondary languages`, pool.secondary.join(', '), at, (v) =>
            setPoolList(pool, 'secondary', splitList(v)),
          )}</label
        >
        <fieldset>
          <legend>Channels</legend>
          ${CHANNEL_NAMES.map(
            (c) => html`<label
              ><input
                type="checkbox"
                aria-label=${`${pool.id} works ${c}`}
                .checked=${live(channels.includes(c))}
                @change=${(e: Event) => this.edit(setPoolList(pool, 'channels', (e.target as HTMLInputElement).checked ? CHANNEL_NAMES.filter((x) => x === c || channels.includes(x)) : channels.filter((x) => x !== c)))}
              />
              ${c}</label
            >`,
          )}
          ${channelErrors.length ? html`<div class="error" role="alert">${channelErrors.map((p) => p.message).join('; ')}</div>` : nothing}
        </fieldset>
      </div>
      <div class="row" style="margin-top:0.6rem">
        <button @click=${() => this.edit(removePool(pool.index))} aria-label=${`Remove the pool ${pool.id}`}>Remove this pool</button>
      </div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-roster-editor': FsRosterEditor;
  }
}
