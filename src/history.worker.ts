// The browser's history thread: reads a records file, fits the scenario and back-tests it with the
// very same sim/history code as `followsun import` and `followsun backtest`, posting progress. The
// page cancels by terminating this worker. Bad records are answered with the CLI's lines (file,
// line, what was expected), never a stack trace; anything else is a bug and says so.
import { RecordsError } from '../sim/history/records';
import { ScenarioError } from '../sim/scenario/scenario';
import { checkRecordsSize, loadRecords } from './history/load-records';
import { recordsText } from '../sim/history/records';
import { importRecords } from './history/import-job';
import type { HistoryReply, HistoryRequest } from './history/protocol';

const post = (message: HistoryReply) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<HistoryRequest>) => {
  const { id, file, options } = event.data;
  const started = performance.now();
  try {
    post({ type: 'progress', id, step: 'reading', done: 0, total: 0 });
    checkRecordsSize(file.name, file.size);
    const text = recordsText(new Uint8Array(await file.arrayBuffer()), file.name);
    const loaded = loadRecords(text, file.name, options.timezone);
    const job = importRecords(loaded, file.name, options, (step) => post({ type: 'progress', id, step, done: 0, total: 0 }));
    post({ type: 'fitted', id, report: job.report });
    const result = job.backtest((done, total) => post({ type: 'progress', id, step: 'simulating', done, total }));
    post({ type: 'backtested', id, result, ms: performance.now() - started });
  } catch (e) {
    const problems =
      e instanceof RecordsError || e instanceof ScenarioError
        ? e.problems
        : [`${file.name}: the import failed (${e instanceof Error ? e.message : String(e)}) — a bug in followsun; please report it with the file's first lines`];
    post({ type: 'error', id, problems });
  }
};
