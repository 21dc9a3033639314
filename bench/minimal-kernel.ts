// The machine's own answer to "what can two worker threads give?": an M/M/c+M queue in a few
// dozen lines — typed arrays, no allocation per event, nothing to compile beyond its loop — run
// as a batch on 1 and on 2 worker threads, as the real batches are. Beside the simulator's
// speed-up, `npm run bench` prints this one: the gap between them is what each thread's own
// compiling and collecting of the simulator costs (README, "Performance"). Not a model of
// anything the product simulates.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** One replication: `arrivals` calls at 1,000 an hour, 55 agents, handle 180 s, patience 120 s
 * (FIFO; a caller whose patience ran out is counted when an agent reaches them). Returns the
 * calls answered, so that the work cannot be optimised away. */
function replication(seed: number, arrivals: number): number {
  // xoshiro128+ (Blackman & Vigna), seeded by the replication.
  let s0 = seed >>> 0 || 1;
  let s1 = 0x9e3779b9;
  let s2 = 0x243f6a88;
  let s3 = 0xb7e15162;
  const uniform = () => {
    const r = (s0 + s3) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (r + 0.5) / 4294967296;
  };
  const agents = 55;
  const perSecond = 1000 / 3600;
  const busyUntil = new Float64Array(agents); // a min-heap of the busy agents' finishing times
  let busy = 0;
  const push = (x: number) => {
    let i = busy++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (busyUntil[p] <= x) break;
      busyUntil[i] = busyUntil[p];
      i = p;
    }
    busyUntil[i] = x;
  };
  const pop = () => {
    const top = busyUntil[0];
    const x = busyUntil[--busy];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= busy) break;
      if (c + 1 < busy && busyUntil[c + 1] < busyUntil[c]) c++;
      if (busyUntil[c] >= x) break;
      busyUntil[i] = busyUntil[c];
      i = c;
    }
    busyUntil[i] = x;
    return top;
  };
  const RING = 1 << 16;
  const givesUpAt = new Float64Array(RING);
  let head = 0;
  let tail = 0;
  let now = 0;
  let answered = 0;
  for (let n = 0; n < arrivals; n++) {
    now += -Math.log(uniform()) / perSecond;
    while (busy > 0 && busyUntil[0] <= now) {
      const free = pop();
      while (head !== tail) {
        const gaveUp = givesUpAt[head++ & (RING - 1)] < free;
        if (gaveUp) continue;
        answered++;
        push(free - Math.log(uniform()) * 180);
        break;
      }
    }
    if (busy < agents && head === tail) {
      answered++;
      push(now - Math.log(uniform()) * 180);
    } else givesUpAt[tail++ & (RING - 1)] = now - Math.log(uniform()) * 120;
  }
  return answered;
}

/** `replications` replications of `arrivals` calls on `workers` worker threads: wall seconds. */
export async function timeMinimalKernel(workers: number, replications: number, arrivals: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(new URL('./minimal-kernel.js', import.meta.url), { workerData: arrivals });
      try {
        while (next < replications) {
          const r = next++;
          await new Promise((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(r);
          });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (r: number) => port.postMessage(replication(r + 1, workerData as number)));
}
