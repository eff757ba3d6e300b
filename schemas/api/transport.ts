import { z } from 'zod';
import { SerializedError } from '../errors';
import { base64Length, MAX_UPLOAD_BYTES } from './registrationApi';

/**
 * The largest call frame the browser host accepts: the biggest thing the page sends is one
 * `drafts.attachDocument` (its files' base64, at most MAX_UPLOAD_BYTES before encoding), plus
 * room for the JSON around it. A larger frame closes that socket only.
 */
export const MAX_FRAME_BYTES = base64Length(MAX_UPLOAD_BYTES) + 64 * 1024;

/** A call's reply as it crosses any boundary: errors travel as data (STYLE rule 20). */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: SerializedError }),
]);
export type Reply = z.infer<typeof Reply>;

/** The page's number for one call: a reply and a cancel name the call by it. */
export const CallId = z.number().int().nonnegative();

/** Browser-host WebSocket frames: a call, or the cancel of a call still under way. */
export const CallFrame = z.object({
  type: z.literal('call'),
  seq: CallId,
  method: z.string(),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

/** Stops the call numbered `seq`; a number with no call under way is ignored. */
export const CancelFrame = z.object({ type: z.literal('cancel'), seq: CallId }).strict();
export type CancelFrame = z.infer<typeof CancelFrame>;

export const ClientFrame = z.discriminatedUnion('type', [CallFrame, CancelFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), seq: z.number().int().nonnegative(), reply: Reply }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/**
 * What `window.regclient` exposes, in Electron (preload) and in the browser host (WebSocket):
 * an untyped transport. The renderer wraps it in one typed Proxy over the contract.
 */
export interface RegclientBridge {
  /** `callId`: the caller's number for this call, unique per bridge, which `cancel` names */
  invoke(callId: number, method: string, input: unknown): Promise<Reply>;
  /** Asks the main process to stop a call under way; harmless when it already ended. */
  cancel(callId: number): void;
  /** returns an unsubscribe function */
  on(listener: (name: string, payload: unknown) => void): () => void;
}
