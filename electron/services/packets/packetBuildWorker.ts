import { isMainThread, parentPort } from 'node:worker_threads';
import { serializeError } from '../../../schemas/errors';
import { runPacketBuild } from './packetBuildJob';
import type { WorkerReply, WorkerRequest } from './packetWorkerProtocol';

// Worker entry (STYLE rule 26): dispatch, catch everything, reply. Logic lives in packetBuildJob.
if (isMainThread || !parentPort) throw new Error('packetBuildWorker: must run in a worker thread');
const port = parentPort;
/** the builds running now, so a cancel message can reach its build */
const running = new Map<number, AbortController>();
port.on('message', async (message: WorkerRequest) => {
  const { seq } = message;
  if (message.type === 'cancel') return running.get(seq)?.abort();
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  const controller = new AbortController();
  running.set(seq, controller);
  try {
    const value = await runPacketBuild(message.job, { signal: controller.signal, onStage: (stage, fraction) => post({ seq, type: 'progress', stage, fraction }) });
    post({ seq, type: 'result', ok: true, value }, [value.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    post({ seq, type: 'result', ok: false, error: serializeError(err) });
  } finally {
    running.delete(seq);
  }
});
