// The scenario file with every open head count decided, written back as YAML: the file's own
// comments, order and formatting are kept; only the shifts the planner decided are rewritten
// (candidate starts left at 0 are dropped).
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Scenario } from '../scenario';

export function plannedYaml(originalText: string, planned: Scenario): string {
  const doc = parseDocument(originalText);
  const staffing = doc.get('staffing');
  if (!isSeq(staffing)) return doc.toString();
  (staffing as YAMLSeq).items.forEach((item, index) => {
    if (!isMap(item)) return;
    const pool = planned.staffing[index];
    if (!pool || pool.type === 'ai' || !pool.shifts) return;
    const shifts = (item as YAMLMap).get('shifts');
    if (!isSeq(shifts) || !shifts.items.some((s) => isMap(s) && typeof (s as YAMLMap).toJSON().agents !== 'number')) return;
    const node = doc.createNode(pool.shifts.map((s) => ({ days: s.days, start: s.start, end: s.end, agents: s.agents })));
    // One shift per line, as analysts write them, with quoted times ("07:00", not 07:00).
    for (const shift of (node as YAMLSeq).items) {
      if (!isMap(shift)) continue;
      shift.flow = true;
      for (const key of ['start', 'end']) {
        const value = shift.get(key, true);
        if (isScalar(value)) value.type = 'QUOTE_DOUBLE';
      }
    }
    (item as YAMLMap).set('shifts', node);
  });
  return doc.toString({ lineWidth: 0 });
}
