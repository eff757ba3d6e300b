import { isMainThread, parentPort } from 'node:worker_threads';
import { serializeError } from '../../../schemas/errors';
import { runPacketBuild } from './packetBuildJob';
import type { WorkerReply, WorkerRequest } from './packetWorkerProtocol';

// Worker entry (STYLE rule 26): dispatch, catch everything, reply. Logic lives in packetBuildJob.
if (isMainThread || !parentPort) throw new Error('packetBuildWorker: must run in a worker thread');
const port = parentPort;
port.on('message', async ({ seq, request }: WorkerRequest) => {
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  try {
    const value = await runPacketBuild(request, (stage, fraction) => post({ seq, type: 'progress', stage, fraction }));
    post({ seq, type: 'result', ok: true, value }, [value.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    post({ seq, type: 'result', ok: false, error: serializeError(err) });
  }
});
