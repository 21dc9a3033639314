// The page around a report: one self-contained HTML document (inline CSS, inline SVG, no
// scripts, no fonts or other files to fetch), light and legible on a projector, and printable
// to PDF (landscape A4, charts kept whole, colours kept).
import { esc } from './format';
import { SCENARIO_COLOURS } from './svg';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f6f8fa; color: #1f2328; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; background: #ffffff; box-shadow: 0 0 0 1px #d0d7de; }
header.report-head { border-bottom: 3px solid #0969da; padding-bottom: 14px; margin-bottom: 8px; }
.eyebrow { font-size: 13px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: #0969da; margin: 0 0 4px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 8px; font-weight: 700; }
h2 { font-size: 22px; margin: 34px 0 6px; padding-top: 6px; border-top: 1px solid #d0d7de; }
h3 { font-size: 17px; margin: 22px 0 6px; }
p { margin: 6px 0 10px; }
.meta { color: #59636e; font-size: 14px; margin: 0; }
.muted { color: #59636e; }
.nowrap { white-space: nowrap; }
table.data.cost-table, table.data.efficiency-table { width: auto; min-width: 60%; }
.small { font-size: 13.5px; }
.wide-table { overflow-x: auto; margin: 10px 0 14px; }
.wide-table > table.data { margin: 0; }
.lead { font-size: 17px; color: #3d444d; max-width: 70em; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
.summary { margin: 16px 0 8px; }
.summary .variant { border-left: 6px solid #0969da; background: #f1f7ff; padding: 14px 18px; margin: 0 0 14px; border-radius: 0 8px 8px 0; }
.summary .headline { font-size: 19px; line-height: 1.5; font-weight: 400; margin: 0 0 10px; }
.summary .headline strong { font-weight: 700; }
.summary ul { margin: 0; padding-left: 20px; }
.summary li { margin: 3px 0; }
figure { margin: 16px 0 8px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 13.5px; color: #59636e; margin-top: 4px; }
svg.chart { max-width: 100%; overflow: visible; }
table.data { border-collapse: collapse; width: 100%; margin: 10px 0 14px; font-size: 14.5px; font-variant-numeric: tabular-nums; }
table.data th, table.data td { border-bottom: 1px solid #d8dee4; padding: 6px 8px; text-align: left; vertical-align: top; }
table.data thead th { background: #f6f8fa; font-size: 13px; font-weight: 650; color: #3d444d; border-bottom: 2px solid #afb8c1; }
table.data tbody th { font-weight: 600; background: #fbfcfd; width: 14em; }
table.data .num { text-align: right; white-space: nowrap; }
table.data thead th.num { white-space: normal; }
table.data tr.total td { font-weight: 650; border-top: 2px solid #afb8c1; }
table.data tbody tr.section th { background: #eef2f6; width: auto; font-size: 13.5px; font-weight: 700; color: #3d444d; padding-top: 9px; }
table.data td.below { color: #a40e26; }
table.data td.num .ns { display: table; margin: 2px 0 0 auto; }
table.data .flag { font-size: 12px; font-weight: 600; margin-left: 4px; }
table.data .parts { font-size: 12.5px; color: #59636e; font-weight: 400; margin-left: 4px; }
table.data .parts.stacked { display: block; margin-left: 0; }
table.data td.gap.strong { font-weight: 650; }
table.data.language-table tbody tr.language th, table.data.language-table tbody tr.language td { border-top: 2px solid #afb8c1; }
table.data.language-table tbody th { width: 10em; }
table.data.language-table tfoot tr.channel-total:first-child th, table.data.language-table tfoot tr.channel-total:first-child td { border-top: 3px double #8c959f; }
table.data.language-table tfoot th { font-weight: 650; background: #fbfcfd; }
table.data .ci { display: block; font-size: 12.5px; color: #59636e; font-weight: 400; white-space: normal; }
table.data td.delta.good { color: #116329; }
table.data td.delta.bad { color: #a40e26; }
table.data .scenario-col { text-align: center; }
table.data .badge { white-space: normal; border-radius: 10px; text-align: center; }
.ns { display: inline-block; font-size: 11.5px; font-weight: 650; color: #6e4b00; background: #fff8c5; border: 1px solid #eac54f; border-radius: 999px; padding: 0 6px; margin-left: 4px; }
.badge { display: inline-block; font-size: 12.5px; font-weight: 650; color: #ffffff; border-radius: 999px; padding: 1px 8px; margin: 1px 0; white-space: nowrap; }
${SCENARIO_COLOURS.map((c, k) => `.badge.s${k} { background: ${c}; }`).join('\n')}
.type { font-size: 12.5px; font-weight: 650; border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.type.in-house { background: #ddf4ff; color: #0550ae; }
.type.outsourced { background: #fff1e5; color: #953800; }
.type.ai { background: #fbefff; color: #6639ba; }
.verdict { font-weight: 650; margin: 10px 0 4px; }
.verdict.met { color: #116329; }
.verdict.unmet { color: #a40e26; }
ul.unmet { margin: 0 0 12px; padding-left: 20px; font-size: 14.5px; }
.summary .plan-lead { border-left-color: #1a7f37; background: #f0fbf3; }
.summary .plan-lead ul { list-style: none; padding-left: 0; }
.summary .plan-lead li { margin: 4px 0 8px; }
table.data.roster { width: auto; min-width: 70%; }
table.data.roster tbody.pool tr:first-child th, table.data.roster tbody.pool tr:first-child td { border-top: 2px solid #afb8c1; }
table.data.roster tr.subtotal td { font-size: 13.5px; color: #3d444d; background: #fbfcfd; }
table.data.iterations { width: auto; min-width: 60%; }
table.data.iterations tr.chosen td { font-weight: 650; }
table.data.pools { width: auto; min-width: 60%; }
.note { font-size: 14px; color: #3d444d; background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 14px; }
dl.defs { display: grid; grid-template-columns: 12em 1fr; gap: 4px 16px; font-size: 14.5px; }
dl.defs dt { font-weight: 650; }
dl.defs dd { margin: 0; }
footer { margin-top: 28px; font-size: 13px; color: #59636e; border-top: 1px solid #d0d7de; padding-top: 10px; }
@page { size: A4 landscape; margin: 11mm 12mm; }
@media print {
  html, body { background: #ffffff; font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; box-shadow: none; }
  h1 { font-size: 22pt; }
  h2 { font-size: 15pt; margin-top: 0; border-top: none; }
  section.page { break-before: page; page-break-before: always; }
  figure, table.data tr, .summary .variant, dl.defs { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .lead { font-size: 10pt; margin: 2px 0 4px; }
  figure { margin: 6px 0; }
  /* Tables fit the paper: smaller type, and a wide one scaled down (wideTable). */
  .wide-table { overflow: visible; }
  table.data { font-size: 9.5pt; }
  table.data th, table.data td { padding: 4px 5px; }
  table.data thead th, table.data .ci, table.data .parts, table.data .ns, table.data .badge { font-size: 8pt; }
  .wide-table > table.data { zoom: var(--print-zoom, 1); }
  /* Two charts to a landscape page; two heatmaps with the section's heading and lead. */
  svg.chart { max-height: 84mm; }
  svg.chart.heatmap { max-height: 76mm; }
  footer { break-inside: avoid; }
}
`;

/** A table too wide for the page when many scenarios stand side by side scrolls on its own, so
 * that the page never scrolls sideways (a keyboard can scroll it once focused). In print, where
 * nothing scrolls, a table of more than `fitsInPrint` columns (landscape A4) is set smaller. */
export function wideTable(table: string, label: string, columns: number, fitsInPrint = Infinity): string {
  const zoom = Math.min(1, fitsInPrint / columns);
  const style = zoom < 1 ? ` style="--print-zoom: ${zoom.toFixed(2)}"` : '';
  return `<div class="wide-table" role="region" tabindex="0" aria-label="${esc(label)}"${style}>${table}</div>`;
}

/** A complete HTML document with the report's style sheet. */
export function page(title: string, body: string, options: { lang?: string } = {}): string {
  return (
    `<!DOCTYPE html>\n<html lang="${esc(options.lang ?? 'en')}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="followsun">\n` +
    `<title>${esc(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}

/** "2026-03-16T00:00:00.000Z" → "2026-03-16 00:00 UTC"; other text as is. */
export function displayTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso;
}
