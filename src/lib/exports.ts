// What the app offers as downloads besides the scenario file: the result tables as CSV (sim/csv,
// the CLI's --csv tables) and the case report (report/case-report, the page `followsun report`
// writes). Pure functions, no DOM: the app loads this module on first use (it carries the report's
// code), the tests call it in Node.
import type { Comparison } from '../../sim/compare';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { Scenario } from '../../sim/scenario/scenario';
import { coverageCsv, gapHoursCsv, intervalsCsv, summaryCsv } from '../../sim/csv';
import { caseReportHtml } from '../../report/case-report';

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

export type CsvKind = 'summary' | 'intervals' | 'coverage' | 'gap-hours';
export const CSV_KINDS: CsvKind[] = ['summary', 'intervals', 'coverage', 'gap-hours'];

/** The tables, as the CLI's --csv writes them (sim/csv: one definition for both). */
const CSV_TABLES: Record<CsvKind, (r: ScenarioResult, fileName: string) => string> = {
  summary: (r, fileName) => summaryCsv(r, fileName),
  intervals: (r) => intervalsCsv(r),
  coverage: (r) => coverageCsv(r),
  'gap-hours': (r) => gapHoursCsv(r),
};

/** A file name's stem, safe in any file system: "Global follow-the-sun.yaml" → "global-follow-the-sun". */
export function fileStem(fileName: string): string {
  const stem = fileName
    .replace(/\.(ya?ml|json)$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'scenario';
}

/** One result table as CSV: `<file>-summary.csv`, `-intervals.csv`, `-coverage.csv`, `-gap-hours.csv`. */
export function csvExport(kind: CsvKind, result: ScenarioResult, fileName: string): ExportFile {
  return { name: `${fileStem(fileName)}-${kind}.csv`, type: 'text/csv;charset=utf-8', text: CSV_TABLES[kind](result, fileName) };
}

/** `case-<base>-vs-<variant>[-vs-…].html`, kept to a sensible length. */
export function caseReportName(fileNames: string[]): string {
  const stems = fileNames.map(fileStem);
  let joined = stems.join('-vs-');
  if (joined.length > 120) joined = joined.slice(0, 120).replace(/-+$/, '');
  return `case-${joined}.html`;
}

export interface CaseReportExportInput {
  /** The validated scenarios the comparison ran, baseline first. */
  scenarios: Scenario[];
  /** Their file names. */
  files: string[];
  /** Which of them were changed in the app since they were opened (said next to the file name). */
  edited?: boolean[];
  comparison: Comparison;
  generatedAt?: string;
}

/** The case report, the very page `followsun report base.yaml variant.yaml -o case.html` writes. */
export function caseReportExport(input: CaseReportExportInput): ExportFile {
  const { scenarios, files, edited = [], comparison, generatedAt } = input;
  const shown = files.map((f, k) => (edited[k] ? `${f} (edited in the app)` : f));
  return {
    name: caseReportName(files),
    type: 'text/html;charset=utf-8',
    text: caseReportHtml({ scenarios, files: shown, comparison, generatedAt }),
  };
}
