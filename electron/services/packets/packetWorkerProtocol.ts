import type { SerializedError } from '../../../schemas/errors';
import type { PacketBuildStage } from '../../../schemas/packet';
import type { PacketBuildJob, PacketBuildOutput } from './packetBuildJob';

/** main → worker: build a job, or stop the build `seq` at its next stage. */
export type WorkerRequest =
  | { readonly type: 'build'; readonly seq: number; readonly job: PacketBuildJob }
  | { readonly type: 'cancel'; readonly seq: number };

/** worker → main: progress of one request, then exactly one result (STYLE rules 20, 25). */
export type WorkerReply =
  | { readonly seq: number; readonly type: 'progress'; readonly stage: PacketBuildStage; readonly fraction: number }
  | { readonly seq: number; readonly type: 'result'; readonly ok: true; readonly value: PacketBuildOutput }
  | { readonly seq: number; readonly type: 'result'; readonly ok: false; readonly error: SerializedError };
