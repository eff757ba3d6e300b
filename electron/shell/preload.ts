import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CANCEL_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../schemas/api/channels';
import type { RegclientBridge, Reply } from '../../schemas/api/transport';

/**
 * The whole preload: one generic invoke, its cancel and one event stream, exposed as window.regclient. The
 * renderer wraps it in a typed Proxy over the contract; ipcRenderer itself never leaks.
 */
const bridge: RegclientBridge = {
  invoke: (callId, method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, callId, method, input) as Promise<Reply>,
  cancel: (callId) => ipcRenderer.send(IPC_CANCEL_CHANNEL, callId),
  on(listener) {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('regclient', bridge);
