// The header: the brand, which scenario is on screen (its name in full on up to two lines — the
// examples share a long prefix, so cutting the end would hide what tells them apart — and what it
// is: a variant, an edited example, a file), and the scenario actions, which it asks of the app's
// store (src/state/app-store.ts).
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { displayName, isModified, type ScenarioDoc } from '../lib/scenario-doc';
import { connect } from '../state/app-store';
import { baseStyles } from './shared-styles';

/** What a scenario is, in a word or two: "variant 2", "example, edited", "file". */
export function scenarioKind(doc: ScenarioDoc): { kind: string; text: string } {
  const variant = / \((variant \d+)\)$/.exec(displayName(doc))?.[1];
  if (doc.origin === 'variant') return { kind: 'variant', text: isModified(doc) ? `${variant ?? 'variant'}, edited` : (variant ?? 'variant') };
  if (isModified(doc)) return { kind: 'edited', text: doc.origin === 'example' ? 'example, edited' : `${doc.origin === 'link' ? 'from a link' : doc.origin}, edited` };
  return { kind: doc.origin, text: doc.origin === 'link' ? 'from a link' : doc.origin };
}

@customElement('fs-header')
export class FsHeader extends LitElement {
  private ctl = connect(this, (s) => [s.active, s.state.theme, s.state.present, s.state.sidebar]);

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.55rem 1rem;
        background: var(--surface);
        border-bottom: 1px solid var(--border);
        min-width: 0;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 700;
        font-size: 1.08rem;
        letter-spacing: -0.01em;
        margin-right: 0.4rem;
        flex: none;
        white-space: nowrap;
      }
      .brand svg {
        flex: none;
      }
      .brand small {
        font-weight: 400;
        color: var(--text-muted);
        font-size: 0.82rem;
      }
      .scenario {
        display: flex;
        align-items: center;
        gap: 0.45rem;
        min-width: 4rem;
        /* Takes the room the buttons leave; the buttons wrap (not clip) when even 4rem is too much. */
        flex: 1 1 0;
      }
      .scenario-title {
        font-weight: 600;
        font-size: 0.98rem;
        line-height: 1.2;
        min-width: 0;
        overflow: hidden;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow-wrap: anywhere;
      }
      .scenario-kind {
        flex: none;
        font-size: 0.75rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
        background: var(--surface-3);
        color: var(--text-muted);
        white-space: nowrap;
      }
      .scenario-kind.variant,
      .scenario-kind.edited {
        background: var(--accent-soft);
        color: var(--text);
      }
      .actions {
        display: flex;
        gap: 0.4rem;
        flex: 0 1 auto;
        flex-wrap: wrap;
        justify-content: flex-end;
        min-width: 0;
      }
      /* Presenting: the scenario's name on a line of its own, legible from the back of the room. */
      header.present {
        flex-wrap: wrap;
      }
      header.present .scenario {
        order: 1;
        flex-basis: 100%;
      }
      header.present .actions {
        margin-left: auto;
      }
      /* Below the widest screens the tagline gives its room to the scenario's name. */
      @media (max-width: 1500px) {
        .brand small {
          display: none;
        }
      }
      /* Narrower, the brand, the panel toggle and the actions (~900 px) leave the name less than
         ~15rem: squeezed between them it was cut to "A u." at 1024 px. It takes a line of its own
         under them instead, as when presenting. */
      @media (max-width: 1180px) {
        header {
          flex-wrap: wrap;
        }
        .scenario {
          order: 1;
          flex-basis: 100%;
        }
        .actions {
          margin-left: auto;
        }
      }
    `,
  ];

  private onFileInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.ctl.store?.openFiles(files);
  };

  override render() {
    const store = this.ctl.store;
    if (!store) return nothing;
    const doc = store.active;
    const { theme, present, sidebar } = store.state;
    const themeLabel = theme === 'auto' ? 'Auto' : theme === 'light' ? 'Light' : 'Dark';
    const kind = doc ? scenarioKind(doc) : null;
    return html`<header class=${present ? 'present' : ''}>
      <div class="brand">
        <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
          <circle cx="16" cy="16" r="15" fill="#f59e0b"></circle>
          <path d="M1 16h30" stroke="#fff" stroke-width="2"></path>
          <path d="M16 1a22 22 0 0 1 0 30a22 22 0 0 1 0-30" fill="none" stroke="#fff" stroke-width="2"></path>
        </svg>
        followsun <small>coverage planner</small>
      </div>
      <button class="quiet" aria-pressed=${String(sidebar)} @click=${() => store.toggleSidebar()} title="Show or hide the scenario panel">
        ☰ Scenarios
      </button>
      <div class="scenario" title=${doc ? `${displayName(doc)} (${doc.fileName})` : ''}>
        <span class="sr-only">Scenario on screen:</span>
        <span class="scenario-title">${doc ? displayName(doc) : ''}</span>
        ${kind ? html`<span class="scenario-kind ${kind.kind}" data-kind=${kind.kind}>${kind.text}</span>` : nothing}
      </div>
      <div class="actions" role="toolbar" aria-label="Scenario actions">
        <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#file')?.click()} title="Open a YAML or JSON scenario file (or drop one anywhere)">Open file…</button>
        <button @click=${() => store.duplicate()} ?disabled=${!doc}>Duplicate as variant</button>
        <button @click=${() => store.download()} ?disabled=${!doc}>Download YAML</button>
        <button @click=${() => void store.copyLink()}>Copy link</button>
        <button class="quiet" aria-pressed=${String(present)} @click=${() => store.togglePresent()} title="Larger text, no side panel">Present</button>
        <button class="quiet" @click=${() => store.cycleTheme()} aria-label=${`Theme: ${themeLabel}. Change theme`} title="Theme: auto (system), light or dark">
          ${theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'} ${themeLabel}
        </button>
      </div>
      <input id="file" type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" multiple hidden @change=${this.onFileInput} />
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-header': FsHeader;
  }
}
