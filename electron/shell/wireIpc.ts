import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../schemas/api/channels';
import type { Reply } from '../../schemas/api/transport';
import type { EventName, EventPayload } from '../../schemas/api/contract';
import { AppError, serializeError } from '../../schemas/errors';
import type { AppServices } from '../host/createAppServices';
import type { EventSink } from '../services/auth/SessionManager';
import { isTrustedSender } from '../host/windowPolicy';

/**
 * Connects the one invoke channel to the Router. The sender is checked first: only the app's own
 * top-level frame, loaded from app://, may call (VS Code's ipcMain wrapper does the same).
 */
export function wireIpc(services: AppServices): () => void {
  const handler = async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Reply> => {
    const frame = event.senderFrame;
    const origin = frame?.url ?? '';
    if (!frame || !isTrustedSender(origin, frame === event.sender.mainFrame)) {
      return { ok: false, error: serializeError(new AppError('ERR_IPC_FORBIDDEN_SENDER', { origin: origin.slice(0, 200) })) };
    }
    return services.router.dispatch({ connectionId: connectionIdOf(event.sender), sink: sinkFor(event.sender) }, method, input);
  };
  ipcMain.handle(IPC_INVOKE_CHANNEL, handler);
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
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
