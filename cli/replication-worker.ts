// A worker thread (cli/parallel.ts): runs replications of the compiled models of the batch under
// way, on request (sim/batch.ts).
//
// The figures are copied, not transferred: transferring detaches the worker's ArrayBuffers, and
// once any buffer has been detached V8 checks for detachment on every typed-array access in
// optimised code (its "array buffer detaching" protector is invalidated for the isolate). The
// kernel then ran ~20 % slower for the rest of the worker's life (mm55, 260–280 → 310–340 ms
// of thread CPU per replication); the copy costs less than a millisecond.
import { parentPort } from 'node:worker_threads';
import { replicationThreadMain } from '../sim/batch';

parentPort!.on('message', replicationThreadMain((message) => parentPort!.postMessage(message)));
