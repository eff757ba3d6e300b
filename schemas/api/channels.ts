/** Electron IPC channel names (kept apart so the preload bundles no schema code). */
export const IPC_INVOKE_CHANNEL = 'regclient:invoke';
export const IPC_EVENT_CHANNEL = 'regclient:event';
/** one-way: the page's number of a call to stop */
export const IPC_CANCEL_CHANNEL = 'regclient:cancel';
