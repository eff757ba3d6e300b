import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CANCEL_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../schemas/api/channels';
import type { Reply } from '../../schemas/api/transport';
import type { EventName, EventPayload } from '../../schemas/api/contract';
import { AppError, serializeError } from '../../schemas/errors';
import type { AppServices } from '../host/createAppServices';
import type { EventSink } from '../services/auth/SessionManager';
import { isTrustedSender } from '../host/windowPolicy';
import { IpcCalls } from '../host/IpcCalls';

/**
 * Connects the invoke channel (and its cancel) to the Router. The sender is checked first: only the app's own
 * top-level frame, loaded from app://, may call (VS Code's ipcMain wrapper does the same).
 */
export function wireIpc(services: AppServices): () => void {
  const calls = new IpcCalls<WebContents>(services.router);
  /** the sender's origin when it is not the app's own top-level frame; undefined when trusted */
  const refusedOrigin = (event: IpcMainEvent | IpcMainInvokeEvent): string | undefined => {
    const frame = event.senderFrame;
    const origin = frame?.url ?? '';
    return frame && isTrustedSender(origin, frame === event.sender.mainFrame) ? undefined : origin;
  };
  const handler = async (event: IpcMainInvokeEvent, callId: unknown, method: unknown, input: unknown): Promise<Reply> => {
    const refused = refusedOrigin(event);
    if (refused !== undefined) {
      return { ok: false, error: serializeError(new AppError('ERR_IPC_FORBIDDEN_SENDER', { origin: refused.slice(0, 200) })) };
    }
    return calls.dispatch(event.sender, { connectionId: connectionIdOf(event.sender), sink: sinkFor(event.sender) }, callId, method, input);
  };
  const onCancel = (event: IpcMainEvent, callId: unknown) => {
    if (refusedOrigin(event) === undefined) calls.cancel(event.sender, callId);
  };
  ipcMain.handle(IPC_INVOKE_CHANNEL, handler);
  ipcMain.on(IPC_CANCEL_CHANNEL, onCancel);
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    ipcMain.off(IPC_CANCEL_CHANNEL, onCancel);
  };
}

/** Registers a window with the hub so broadcasts reach it; dispose when it closes. */
export function connectWindow(services: AppServices, contents: WebContents): { dispose(): void } {
  return services.hub.connect(connectionIdOf(contents), sinkFor(contents));
}

export function connectionIdOf(contents: WebContents): string {
  return `window-${contents.id}`;
}

function sinkFor(contents: WebContents): EventSink {
  return <E extends EventName>(name: E, payload: EventPayload<E>) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
  };
}
