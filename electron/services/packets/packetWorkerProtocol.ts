import type { SerializedError } from '../../../schemas/errors';
import type { PacketBuildStage } from '../../../schemas/packet';
import type { PacketBuildOutput, PacketBuildRequest } from './packetBuildJob';

/** main → worker */
export interface WorkerRequest {
  readonly seq: number;
  readonly request: PacketBuildRequest;
}

/** worker → main: progress of one request, then exactly one result (STYLE rules 20, 25). */
export type WorkerReply =
  | { readonly seq: number; readonly type: 'progress'; readonly stage: PacketBuildStage; readonly fraction: number }
  | { readonly seq: number; readonly type: 'result'; readonly ok: true; readonly value: PacketBuildOutput }
  | { readonly seq: number; readonly type: 'result'; readonly ok: false; readonly error: SerializedError };
