/** The sync feature's public surface: route view `sync` to SyncView. */
export { SyncView } from './components/SyncView';
export { createSyncStore, type SyncStore } from './store/store';
