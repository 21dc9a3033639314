// The knobs people turn: head count per shift and pool, BPO and AI prices, AI containment, volume,
// handle time, replications and seed. Each edit goes into the scenario's text and is validated
// with sim/'s schema; the message for a field appears next to it. The source itself can be edited.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { editDoc, rawData, splitProblems, pathKey, withText, type FieldPath, type Problem, type ScenarioDoc } from '../lib/scenario-doc';
import { counted } from '../lib/format';
import { connect } from '../state/app-store';
import { baseStyles, problemStyles, tagStyles } from './shared-styles';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

const COST_FIELDS: [string, string, string][] = [
  ['perHour', 'Per paid hour', 'per agent hour'],
  ['perProductiveHour', 'Per productive hour', 'per hour on the phones'],
  ['perContact', 'Per contact', 'per handled contact'],
  ['perHandledMinute', 'Per handled minute', 'per minute'],
  ['monthlyMinimum', 'Monthly minimum', 'per month'],
];

let fieldIds = 0;

@customElement('fs-scenario-editor')
export class FsScenarioEditor extends LitElement {
  private ctl = connect(this, (s) => [s.active]);

  /** The scenario on screen: what this editor changes. */
  private get doc(): ScenarioDoc | null {
    return this.ctl.store?.active ?? null;
  }
  @state() private sourceDraft: string | null = null;

  static override styles = [
    baseStyles,
    problemStyles,
    tagStyles,
    css`
      :host {
        display: block;
        font-size: 0.93rem;
      }
      details {
        border-top: 1px solid var(--border);
        padding: 0.55rem 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.15rem 0;
        /* The marker sits outside the text (wrapped lines align): leave it room in the sidebar. */
        list-style-position: outside;
        margin-left: 1rem;
      }
      summary .count {
        font-weight: 400;
        color: var(--text-muted);
        font-size: 0.85rem;
      }
      .block {
        margin: 0.55rem 0 0.2rem;
        padding: 0.55rem 0.65rem;
        background: var(--surface-2);
        border: 1px solid var(--border);
        border-radius: 6px;
      }
      .block-head {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 0.35rem;
      }
      .block-head b {
        font-size: 0.95rem;
      }
      .sub {
        color: var(--text-muted);
        font-size: 0.8rem;
        margin-bottom: 0.3rem;
      }
      .field {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 6.2rem;
        align-items: center;
        gap: 0.15rem 0.5rem;
        margin: 0.25rem 0;
      }
      .field label {
        color: var(--text);
        font-size: 0.88rem;
      }
      .field label .unit {
        color: var(--text-muted);
        font-size: 0.78rem;
      }
      .field input {
        width: 100%;
        text-align: right;
        font-variant-numeric: tabular-nums;
        min-height: 1.9rem;
      }
      .field.wide {
        grid-template-columns: minmax(0, 1fr);
      }
      .field.wide input {
        text-align: left;
      }
      .field input[aria-invalid='true'] {
        border-color: var(--bad);
        background: var(--bad-soft);
      }
      .error {
        grid-column: 1 / -1;
        color: var(--bad);
        font-size: 0.8rem;
        line-height: 1.35;
      }
      textarea {
        width: 100%;
        min-height: 22rem;
        font-family: var(--mono);
        font-size: 0.78rem;
        line-height: 1.45;
        border: 1px solid var(--border);
        border-radius: 6px;
        background: var(--surface);
        color: var(--text);
        padding: 0.5rem;
        resize: vertical;
        tab-size: 2;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.4rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .hint {
        color: var(--text-muted);
        font-size: 0.8rem;
      }
      button.line {
        all: unset;
        cursor: pointer;
        text-decoration: underline;
        font-weight: 600;
      }
      button.line:focus-visible {
        outline: 2px solid var(--focus);
      }
    `,
  ];

  override render() {
    const doc = this.doc;
    if (!doc) return nothing;
    const data = rawData(doc);
    const problems = splitProblems(doc);
    const used = new Set<Problem>();
    const field = (path: FieldPath, label: string | TemplateResult, value: unknown, opts: { unit?: string; step?: string; wide?: boolean; text?: boolean; min?: string } = {}) => {
      const key = pathKey(path);
      const committed = problems.filter((p) => p.path === key || (p.path?.startsWith(`${key}.`) ?? false) || (p.path?.startsWith(`${key}[`) ?? false));
      committed.forEach((p) => used.add(p));
      // A value being typed is shown with the schema's verdict on it (not yet written).
      const draft = this.drafts.get(key);
      const mine = draft ? draft.problems.map((message) => ({ message })) : committed;
      const id = `f${++fieldIds}`;
      const shown = draft ? draft.text : value === undefined || value === null ? '' : String(value);
      return html`<div class="field ${opts.wide ? 'wide' : ''}">
        <label for=${id}>${label}${opts.unit ? html` <span class="unit">${opts.unit}</span>` : nothing}</label>
        <input
          id=${id}
          type=${opts.text ? 'text' : 'number'}
          inputmode=${opts.text ? 'text' : 'decimal'}
          step=${opts.step ?? 'any'}
          min=${opts.min ?? nothing}
          .value=${live(shown)}
          data-path=${key}
          aria-invalid=${mine.length ? 'true' : 'false'}
          aria-describedby=${mine.length ? `${id}-err` : nothing}
          @input=${(e: Event) => this.tryDraft(path, (e.target as HTMLInputElement).value, !!opts.text)}
          @change=${(e: Event) => this.commit(path, (e.target as HTMLInputElement).value, !!opts.text)}
        />
        ${mine.length ? html`<div class="error" id=${`${id}-err`} role="alert">${mine.map((p) => p.message).join('; ')}</div>` : nothing}
      </div>`;
    };
    if (!data) {
      return html`${this.renderProblems(problems)} ${this.renderSource(doc)}`;
    }
    const demand = Array.isArray(data.demand) ? (data.demand as Raw[]) : [];
    const staffing = Array.isArray(data.staffing) ? (data.staffing as Raw[]) : [];
    const currency = typeof data.currency === 'string' ? data.currency : 'EUR';
    const sections = html`
      <details open>
        <summary>Scenario</summary>
        ${field(['name'], 'Name', data.name, { wide: true, text: true })}
        ${field(['replications'], 'Replications', data.replications ?? 10, { step: '1', min: '1' })}
        ${field(['hoursPerFte'], 'Hours per FTE', data.hoursPerFte ?? 40, { unit: 'a week', step: '0.5', min: '1' })}
        ${field(['seed'], 'Seed', data.seed ?? 1, { step: '1', min: '0' })}
      </details>
      <details open>
        <summary>Staffing <span class="count">(${counted(staffing.length, 'pool')})</span></summary>
        ${staffing.map((p, i) => this.renderPool(p, i, field, currency))}
      </details>
      <details>
        <summary>Demand <span class="count">(${counted(demand.length, 'stream')})</span></summary>
        ${demand.map((d, i) => this.renderStream(d, i, field))}
      </details>
    `;
    const rest = problems.filter((p) => !used.has(p));
    return html`${this.renderProblems(rest)} ${sections} ${this.renderSource(doc)}`;
  }

  private renderPool(p: Raw, i: number, field: (path: FieldPath, label: string | TemplateResult, value: unknown, opts?: Record<string, unknown>) => TemplateResult, currency: string) {
    const type = typeof p.type === 'string' ? p.type : 'in-house';
    const base: FieldPath = ['staffing', i];
    const skills = Array.isArray(p.skills) ? (p.skills as string[]).join(', ') : '';
    const channels = Array.isArray(p.channels) ? (p.channels as string[]).join(', ') : type === 'ai' ? 'chat' : 'all channels';
    const cost = isObject(p.cost) ? p.cost : {};
    let body: TemplateResult[];
    if (type === 'ai') {
      const containment = isObject(p.containment) ? p.containment : {};
      body = [
        ...Object.entries(containment).map(([k, v]) =>
          field([...base, 'containment', k], html`Containment ${k === 'default' ? '(default)' : k}`, v, { unit: '0–1', step: '0.05', min: '0' }),
        ),
        field([...base, 'cost', 'perConversation'], 'Price per conversation', cost.perConversation ?? 0, { unit: currency, step: '0.05', min: '0' }),
        field([...base, 'cost', 'perResolution'], 'Price per resolution', cost.perResolution ?? 0, { unit: currency, step: '0.05', min: '0' }),
      ];
    } else {
      const shifts = Array.isArray(p.shifts) ? (p.shifts as Raw[]) : null;
      const heads = shifts
        ? shifts.map((s, k) =>
            field([...base, 'shifts', k, 'agents'], html`${String(Array.isArray(s.days) ? s.days.join(',') : s.days)} ${shiftTimes(s)}`, typeof s.agents === 'number' ? s.agents : null, {
              unit: openAgents(s.agents),
              step: '1',
              min: '0',
            }),
          )
        : [field([...base, 'agents'], 'Agents around the clock', p.agents, { unit: 'agents', step: '1', min: '0' })];
      const present = COST_FIELDS.filter(([k]) => cost[k] !== undefined);
      const costs = (present.length ? present : COST_FIELDS.slice(0, 1)).map(([k, label, unit]) =>
        field([...base, 'cost', k], label, cost[k] ?? 0, { unit: `${currency} ${unit}`, step: k === 'monthlyMinimum' ? '1000' : '0.5', min: '0' }),
      );
      body = [...heads, ...costs, field([...base, 'shrinkage'], 'Shrinkage', p.shrinkage ?? 0, { unit: '0–1', step: '0.05', min: '0' })];
    }
    return html`<div class="block" data-pool=${String(p.id)}>
      <div class="block-head"><b>${String(p.id)}</b><span class="tag ${type}">${type === 'outsourced' ? 'outsourced (BPO)' : type}</span></div>
      <div class="sub">${skills} · ${channels}${typeof p.timezone === 'string' ? ` · ${p.timezone}` : ''}</div>
      ${body}
    </div>`;
  }

  private renderStream(d: Raw, i: number, field: (path: FieldPath, label: string | TemplateResult, value: unknown, opts?: Record<string, unknown>) => TemplateResult) {
    const base: FieldPath = ['demand', i];
    const volume = isObject(d.volume) ? d.volume : {};
    const key = (['perWeek', 'perDay', 'perHour'] as const).find((k) => volume[k] !== undefined) ?? 'perWeek';
    const handle = isObject(d.handleTime) ? d.handleTime : {};
    const patience = isObject(d.patience) ? d.patience : null;
    return html`<div class="block" data-stream=${String(d.id)}>
      <div class="block-head"><b>${String(d.id)}</b><span class="tag">${String(d.language)} · ${String(d.channel ?? 'voice')}</span></div>
      ${field([...base, 'volume', key], 'Volume', volume[key], { unit: `contacts ${key.replace('per', 'per ').toLowerCase()}`, step: '100', min: '0' })}
      ${field([...base, 'handleTime', 'mean'], 'Handle time', handle.mean, { unit: 's (mean)', step: '10', min: '0' })}
      ${patience ? field([...base, 'patience', 'mean'], 'Patience', patience.mean, { unit: 's (mean)', step: '10', min: '0' }) : nothing}
    </div>`;
  }

  private renderProblems(problems: Problem[]) {
    if (!problems.length) return nothing;
    return html`<div class="problems" role="alert">
      <b>This scenario cannot run until these are fixed:</b>
      <ul>
        ${problems.map((p) => html`<li>${p.line ? `line ${p.line}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}</li>`)}
      </ul>
    </div>`;
  }

  private renderSource(doc: ScenarioDoc) {
    const draft = this.sourceDraft ?? doc.text;
    // The draft is checked as it is typed (the schema of the CLI); its problems show under the box.
    const checked = this.sourceDraft === null ? doc : this.draftDoc(doc, this.sourceDraft);
    const problems = splitProblems(checked);
    return html`<details ?open=${this.sourceOpen} @toggle=${this.onSourceToggle}>
      <summary>Source <span class="count">(${doc.format.toUpperCase()}, every field)</span></summary>
      <p class="hint">Everything the file can say (patterns, shifts, pricing, AI…). See the README for the format.</p>
      <textarea
        aria-label="Scenario source"
        wrap="off"
        aria-invalid=${problems.length ? 'true' : 'false'}
        aria-describedby=${problems.length ? 'source-problems' : nothing}
        spellcheck="false"
        .value=${live(draft)}
        @input=${(e: Event) => (this.sourceDraft = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${problems.length
        ? html`<div class="problems" id="source-problems" role="alert" data-source-problems>
            <b>${this.sourceDraft === null ? 'This text cannot run:' : 'Not applied yet; as typed, this text cannot run:'}</b>
            <ul>
              ${problems.map(
                (p) =>
                  html`<li>
                    ${p.line ? html`<button class="line" @click=${() => this.goToLine(p.line!)} title="Put the cursor on this line">line ${p.line}</button>: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}
                  </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <div class="row">
        <button class="primary" ?disabled=${this.sourceDraft === null || this.sourceDraft === doc.text} @click=${this.applySource}>Apply</button>
        <button ?disabled=${this.sourceDraft === null} @click=${() => (this.sourceDraft = null)}>Discard changes</button>
      </div>
    </details>`;
  }

  @state() private sourceOpen = false;
  private checkedDraft: { text: string; doc: ScenarioDoc } | null = null;

  private onSourceToggle = (e: Event) => {
    this.sourceOpen = (e.target as HTMLDetailsElement).open;
    if (!this.sourceOpen) this.sourceDraft = null;
  };

  /** The draft validated (once per text). */
  private draftDoc(doc: ScenarioDoc, text: string): ScenarioDoc {
    if (this.checkedDraft?.text !== text || this.checkedDraft.doc.id !== doc.id) this.checkedDraft = { text, doc: withText(doc, text) };
    return this.checkedDraft.doc;
  }

  private goToLine(line: number): void {
    const area = this.renderRoot.querySelector('textarea');
    if (!area) return;
    const at = area.value.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(at, at + (area.value.indexOf('\n', at) < 0 ? 0 : area.value.indexOf('\n', at) - at));
    // Lines do not wrap in the box: the line is a line height apart, scroll it into the upper third.
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 16;
    area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 3);
    area.scrollLeft = 0;
  }

  private applySource = () => {
    if (this.sourceDraft === null) return;
    this.ctl.store?.editText(this.sourceDraft);
    this.sourceDraft = null;
  };

  private commit(path: FieldPath, raw: string, text: boolean) {
    if (this.drafts.has(pathKey(path))) {
      const drafts = new Map(this.drafts);
      drafts.delete(pathKey(path));
      this.drafts = drafts;
    }
    this.ctl.store?.editField(path, fieldValue(raw, text));
  }

  /** Values being typed (not yet written), with the schema's messages for them. */
  @state() private drafts = new Map<string, { text: string; problems: string[] }>();
  private draftsFor = '';

  /** Checks a value as it is typed: the edit made on a copy of the text and validated. */
  private tryDraft(path: FieldPath, raw: string, text: boolean): void {
    const doc = this.doc;
    if (!doc) return;
    const key = pathKey(path);
    const problems = splitProblems(editDoc(doc, path, fieldValue(raw, text)))
      .filter((p) => p.path === key || (p.path?.startsWith(`${key}.`) ?? false) || (p.path?.startsWith(`${key}[`) ?? false))
      .map((p) => p.message);
    this.drafts = new Map(this.drafts).set(key, { text: raw, problems });
  }

  /** Drafts belong to the text they were typed against: another edit drops them. */
  protected override willUpdate(): void {
    const text = this.doc?.text ?? '';
    if (text !== this.draftsFor) {
      this.draftsFor = text;
      if (this.drafts.size) this.drafts = new Map();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-scenario-editor': FsScenarioEditor;
  }
}

/** A field's text as the value to write: text as typed, numbers as numbers, empty as null. */
function fieldValue(raw: string, text: boolean): unknown {
  if (text) return raw;
  if (raw.trim() === '') return null;
  return Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

/** "07:00–15:30", or for candidate shifts "starts 10:00–12:00, 8 h". */
function shiftTimes(s: Raw): string {
  if (Array.isArray(s.startBetween)) return `starts ${s.startBetween.map(String).join('–')}${s.every !== undefined ? ` every ${String(s.every)} min` : ''}, ${String(s.hours)} h`;
  return `${String(s.start)}–${String(s.end)}`;
}

/** The head count's unit, saying when it is left to the planner (auto, or a range). */
function openAgents(agents: unknown): string {
  if (agents === 'auto') return 'agents · open (auto), Plan decides';
  if (isObject(agents)) return `agents · open (${String(agents.min ?? 0)}–${String(agents.max ?? '∞')}), Plan decides`;
  return 'agents';
}
