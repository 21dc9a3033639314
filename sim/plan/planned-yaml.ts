// The scenario file with every open head count decided, written back as YAML: only the shift
// lists the planner decided are replaced, in place, so the rest of the file (comments, order,
// formatting) stays exactly as the analyst wrote it. Candidate starts left at 0 are dropped.
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { Scenario } from '../scenario/scenario';

export function plannedYaml(originalText: string, planned: Scenario): string {
  const doc = parseDocument(originalText);
  const staffing = doc.get('staffing');
  if (!isSeq(staffing)) return originalText;
  const edits: { from: number; to: number; text: string }[] = [];
  staffing.items.forEach((item, index) => {
    const pool = planned.staffing[index];
    if (!isMap(item) || !pool || pool.type === 'ai' || !pool.shifts) return;
    const shifts = (item as YAMLMap).get('shifts', true);
    if (!isSeq(shifts) || !shifts.range) return;
    if (!shifts.items.some((s) => isMap(s) && typeof (s as YAMLMap).toJSON().agents !== 'number')) return;
    const [from, to] = shifts.range;
    const lineStart = originalText.lastIndexOf('\n', from - 1) + 1;
    const indent = originalText.slice(lineStart, from).replace(/\S.*$/, '');
    const days = (d: string | string[]) => (Array.isArray(d) ? `[${d.join(', ')}]` : d);
    const lines = pool.shifts.map((s) => `- { days: ${days(s.days)}, start: "${s.start}", end: "${s.end}", agents: ${s.agents} }`);
    edits.push({ from, to, text: lines.join(`\n${indent}`) + (originalText[to - 1] === '\n' ? '\n' : '') });
  });
  let text = originalText;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return text;
}
