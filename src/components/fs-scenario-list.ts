// The scenarios of this session: shipped examples, opened files and variants. Pick one to view and
// edit; remove the ones you no longer need.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { wordFor } from '../lib/format';
import { displayName, isModified, type ScenarioDoc } from '../lib/scenario-doc';
import { connect } from '../state/app-store';
import { baseStyles } from './shared-styles';

const ORIGIN: Record<string, string> = { example: 'example', file: 'file', variant: 'variant', link: 'shared' };

@customElement('fs-scenario-list')
export class FsScenarioList extends LitElement {
  private ctl = connect(this, (s) => [s.state.docs, s.state.activeId, s.state.run.phase === 'running' ? s.state.run.docId : null]);

  private get docs(): ScenarioDoc[] {
    return this.ctl.store?.state.docs ?? [];
  }

  private get activeId(): string {
    return this.ctl.store?.state.activeId ?? '';
  }

  private get running(): string | null {
    const run = this.ctl.store?.state.run;
    return run?.phase === 'running' ? run.docId : null;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
      }
      li {
        display: flex;
        align-items: stretch;
        border-radius: 6px;
      }
      li[aria-current='true'] {
        background: var(--accent-soft);
        box-shadow: inset 3px 0 0 var(--accent);
      }
      .pick {
        flex: 1;
        text-align: left;
        border: 0;
        background: transparent;
        padding: 0.4rem 0.55rem;
        display: block;
        white-space: normal;
        line-height: 1.3;
        min-width: 0;
      }
      .pick:hover {
        background: var(--surface-3);
      }
      li[aria-current='true'] .pick:hover {
        background: transparent;
      }
      .name {
        display: block;
        font-size: 0.9rem;
        font-weight: 500;
      }
      .meta {
        display: flex;
        gap: 0.35rem;
        font-size: 0.74rem;
        color: var(--text-muted);
        margin-top: 0.1rem;
        flex-wrap: wrap;
      }
      .flag {
        color: var(--warn);
      }
      .flag.bad {
        color: var(--bad);
      }
      .remove {
        border: 0;
        background: transparent;
        color: var(--text-muted);
        padding: 0 0.5rem;
      }
    `,
  ];

  override render() {
    return html`<ul aria-label="Scenarios">
      ${this.docs.map(
        (d) => html`<li aria-current=${String(d.id === this.activeId)} data-doc=${d.id}>
          <button class="pick" @click=${() => this.emit('select-doc', d.id)} aria-pressed=${String(d.id === this.activeId)}>
            <span class="name">${displayName(d)}</span>
            <span class="meta">
              <span>${ORIGIN[d.origin]} · ${d.fileName}</span>
              ${isModified(d) && d.origin !== 'variant' ? html`<span class="flag">● edited</span>` : nothing}
              ${d.problems.length ? html`<span class="flag bad">⚠ ${d.problems.length} ${wordFor(d.problems.length, 'problem')}</span>` : nothing}
              ${this.running === d.id ? html`<span>running…</span>` : nothing}
            </span>
          </button>
          ${d.origin === 'example'
            ? nothing
            : html`<button class="remove" title="Remove from this session" aria-label=${`Remove ${displayName(d)}`} @click=${() => this.emit('remove-doc', d.id)}>✕</button>`}
        </li>`,
      )}
    </ul>`;
  }

  private emit(type: 'select-doc' | 'remove-doc', id: string) {
    if (type === 'select-doc') this.ctl.store?.select(id);
    else this.ctl.store?.remove(id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-scenario-list': FsScenarioList;
  }
}
