// Styles shared by the components: controls, cards, focus rings, chart axes.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    font-family: var(--font);
    color: var(--text);
    box-sizing: border-box;
  }
  /* border-box everywhere, set directly: <details> has its own (user-agent) shadow root, so
     'inherit' would pick up content-box from inside it. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    border: 1px solid var(--border);
    background: var(--surface);
    border-radius: 6px;
    padding: 0.35rem 0.75rem;
    cursor: pointer;
    line-height: 1.3;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--surface-3);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-text);
  }
  button.primary:hover:not(:disabled) {
    filter: brightness(1.08);
    background: var(--accent);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
  }
  button.quiet:hover:not(:disabled) {
    background: var(--surface-3);
  }
  /* A quiet toggle (the header's Scenarios and Present) that is on looks pressed, not only says
     so to a screen reader: the accent's soft fill and its border, in either theme. */
  button.quiet[aria-pressed='true'],
  button.quiet[aria-pressed='true']:hover:not(:disabled) {
    background: var(--accent-soft);
    border-color: var(--accent);
  }
  select,
  input[type='text'],
  input[type='number'] {
    border: 1px solid var(--border);
    background: var(--surface);
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
    min-height: 2rem;
  }
  select:hover,
  input:hover {
    border-color: var(--border-strong);
  }
  .muted {
    color: var(--text-muted);
  }
  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
  }
`;

export const chartStyles = css`
  figure {
    margin: 0;
  }
  figcaption {
    color: var(--text-muted);
    font-size: 0.93rem;
    line-height: 1.45;
    margin: 0.35rem 0 0;
  }
  h3 {
    font-size: 1rem;
    font-weight: 600;
    margin: 0 0 0.15rem;
  }
  .chart {
    position: relative;
  }
  svg {
    display: block;
    overflow: visible;
    font-family: var(--font);
  }
  .axis text {
    fill: var(--text-muted);
    font-size: 0.8rem;
  }
  .axis line,
  .axis path {
    stroke: var(--border-strong);
  }
  .grid line {
    stroke: var(--grid);
  }
  .grid path {
    display: none;
  }
  .axis-label {
    fill: var(--text-muted);
    font-size: 0.8rem;
  }
  /* A target or threshold line across a chart, and its label (haloed to stay readable). */
  .reference {
    stroke: var(--bad);
    stroke-width: 1.5;
    stroke-dasharray: 6 4;
  }
  .reference-label {
    fill: var(--bad);
    font-size: 0.78rem;
    font-weight: 600;
    paint-order: stroke;
    stroke: var(--surface);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .tip {
    position: absolute;
    pointer-events: none;
    z-index: 5;
    background: var(--surface);
    color: var(--text);
    border: 1px solid var(--border-strong);
    border-radius: 6px;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
    padding: 0.45rem 0.6rem;
    font-size: 0.85rem;
    line-height: 1.4;
    white-space: nowrap;
  }
  .tip b {
    font-weight: 600;
  }
  .tip .row {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1rem;
    font-size: 0.85rem;
    color: var(--text-muted);
    margin: 0.3rem 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .swatch {
    width: 0.85rem;
    height: 0.85rem;
    border-radius: 2px;
    display: inline-block;
    flex: none;
  }
  .swatch.line {
    height: 3px;
    border-radius: 0;
  }
  .swatch.dashed {
    height: 0;
    border-top: 2px dashed currentColor;
    background: none !important;
  }
  table.data {
    border-collapse: collapse;
    font-size: 0.9rem;
    width: 100%;
  }
  table.data th,
  table.data td {
    padding: 0.3rem 0.6rem;
    border-bottom: 1px solid var(--border);
    text-align: right;
    white-space: nowrap;
  }
  table.data th:first-child,
  table.data td:first-child {
    text-align: left;
  }
  table.data th {
    color: var(--text-muted);
    font-weight: 500;
  }
`;

/** Charts read point by point (focus the chart, then the arrow keys): the focus ring and the
 * dashed line at the highlighted point. */
export const pointChartStyles = css`
  :host {
    display: block;
  }
  svg:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 4px;
    border-radius: 4px;
  }
  .hover-line {
    stroke: var(--text-muted);
    stroke-width: 1;
    stroke-dasharray: 3 3;
  }
`;

/** A row of figures, each a label, its value and its 95% CI (estimateFigure renders one). */
export const figureStyles = css`
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.6rem;
  }
  .figures div {
    display: grid;
  }
  .figures .label {
    font-size: 0.78rem;
    color: var(--text-muted);
  }
  .figures .value {
    font-size: 1.15rem;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .figures .ci {
    font-size: 0.72rem;
    color: var(--text-muted);
  }
`;

/** A figure's value that always fits its card on one line: the card is a size container and the
 * value's font shrinks with the number of characters (a long currency such as MX$4,406,903 in a
 * narrow card), never below 60% of its size. Put `fitted(text)` on the value's style. */
export const fitStyles = css`
  .fit-card {
    container-type: inline-size;
  }
  .fit {
    white-space: nowrap;
    /* ~0.66 em a character: the widest digits of the fallback fonts, bold. */
    font-size: max(calc(var(--fit-max, 1.6rem) * 0.6), min(var(--fit-max, 1.6rem), calc(100cqi / (var(--fit-chars, 8) * 0.66))));
  }
`;

/** The style that sizes a `.fit` value for its text. */
export const fitted = (text: string) => `--fit-chars: ${Math.max(4, [...text].length)}`;

/** The layout every results view shares: a column of panels, two side by side where there is room. */
export const viewStyles = css`
  :host {
    display: grid;
    /* A wide table scrolls inside its panel instead of widening the view. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  .panel {
    padding: 1rem 1.1rem 0.9rem;
    min-width: 0;
  }
  .two {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(26rem, 100%), 1fr));
    gap: 1rem;
  }
`;

/** A view of a result that is no longer the scenario's (edited, or its re-run cancelled) is dimmed,
 * the same in every view (AppStore.staleReason says why in the status). */
export const staleStyles = css`
  :host([stale]) {
    opacity: 0.55;
    transition: opacity 0.2s;
  }
`;

/** A row of buttons acting as one control (the channel switch): the pressed one highlighted. */
export const segmentedStyles = css`
  .seg {
    display: inline-flex;
    border: 1px solid var(--border);
    border-radius: 6px;
    overflow: hidden;
  }
  .seg button {
    border: 0;
    border-radius: 0;
  }
  .seg button[aria-pressed='true'] {
    background: var(--accent-soft);
    color: var(--text);
    font-weight: 600;
  }
`;

/** A list of a scenario's problems (the schema's messages), in the colours of an error. */
export const problemStyles = css`
  .problems {
    background: var(--bad-soft);
    color: var(--bad);
    border: 1px solid var(--bad);
    border-radius: 6px;
    padding: 0.5rem 0.7rem;
    margin: 0.4rem 0;
    font-size: 0.84rem;
  }
  .problems ul {
    margin: 0.25rem 0 0;
    padding-left: 1.1rem;
  }
`;

/** A small label of a pool's kind: in-house, outsourced (BPO), AI. */
export const tagStyles = css`
  .tag {
    font-size: 0.72rem;
    border-radius: 999px;
    padding: 0.05rem 0.45rem;
    background: var(--surface-3);
    color: var(--text-muted);
    white-space: nowrap;
  }
  .tag.outsourced {
    background: #fef3c7;
    color: #92400e;
  }
  .tag.ai {
    background: #f3e8ff;
    color: #6b21a8;
  }
  .tag.in-house {
    background: #dbeafe;
    color: #1e40af;
  }
`;
