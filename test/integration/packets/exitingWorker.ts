/** A packet worker that dies on its first request, for the pool's crash test. Not a test file. */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => process.exit(3));
