import { after, before, beforeEach } from 'node:test';
import { createRegistrationStore, type RegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { openRealBackEnd, type RealBackEnd } from '../../../../../helpers/realBackEnd';

/** What a store test reads; set by useNewDraftStore's hooks, so read it inside tests only. */
export interface NewDraftStoreHandle {
  readonly backEnd: RealBackEnd;
  readonly store: RegistrationStore;
}

/**
 * Registers the hooks the store files that watch what the page sends wrote for themselves: one real
 * back end for the file (opening one costs seconds), and per test a new registration store on a new
 * NEW draft (Português + English) with the back end's call list emptied after the draft was made,
 * so a test sees only the calls it caused. Call it inside `describe`.
 */
export function useNewDraftStore(): NewDraftStoreHandle {
  let backEnd: RealBackEnd | undefined;
  let store: RegistrationStore | undefined;
  const handle: NewDraftStoreHandle = {
    get backEnd() {
      if (!backEnd) throw new Error('useNewDraftStore: the back end is read before its hook ran');
      return backEnd;
    },
    get store() {
      if (!store) throw new Error('useNewDraftStore: the store is read before its hook ran');
      return store;
    },
  };
  before(async () => {
    backEnd = await openRealBackEnd();
  });
  after(() => backEnd?.close());
  beforeEach(async () => {
    const { backEnd: opened } = handle;
    store = createRegistrationStore(opened.api, () => opened.clock.now());
    await store.getState().open();
    await store.getState().start('NEW', ['por', 'eng']);
    opened.calls.length = 0;
  });
  return handle;
}
