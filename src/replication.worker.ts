// One of the simulation worker's replication threads (src/replication-pool.ts): runs the
// replications it is handed of the batch under way (sim/batch.ts). Figures are posted copied, not
// transferred: a transfer would detach buffers and slow this thread's kernel (cli/replication-worker.ts).
import { replicationThreadMain, type ModelsMessage, type TaskMessage } from '../sim/batch';

const received = replicationThreadMain((message) => (self as unknown as Worker).postMessage(message));
self.onmessage = (event: MessageEvent<ModelsMessage | TaskMessage>) => received(event.data);
