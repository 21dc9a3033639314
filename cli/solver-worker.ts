// A worker thread that solves the planner's programmes with HiGHS for `followsun plan`
// (cli/plan.ts), so that the main thread hears Ctrl-C during a solve of up to the time limit.
import { parentPort } from 'node:worker_threads';
import { solveWithHighs, type HighsResult, type SolveSettings } from '../sim/plan/programme';

export interface SolverReply {
  result?: HighsResult;
  error?: string;
}

parentPort?.on('message', async ({ text, settings }: { text: string; settings: SolveSettings }) => {
  let reply: SolverReply;
  try {
    reply = { result: await solveWithHighs(text, settings) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
