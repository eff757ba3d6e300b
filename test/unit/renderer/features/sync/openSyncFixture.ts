import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManualClock } from '../../../../../native/time/ManualClock';
import type { RegclientBridge } from '../../../../../schemas/api/transport';
import type { AppServices, AppServicesOptions } from '../../../../../electron/host/createAppServices';
import { applyMasterDataRows } from '../../../../../electron/services/db/repos/masterData';
import { REGISTRATION_CERT_PATH } from '../../../../../electron/services/packets/RegistrationCertProvider';
import { buildSamplePacket } from '../../../../helpers/buildSamplePacket';
import { createApiClient, type ApiClient } from '../../../../../renderer/api/createApiClient';
import { inMemoryBridge } from '../../../../helpers/inMemoryBridge';
import { openTestServices } from '../../../../helpers/openTestDataDir';
import { makeTestPki } from '../../../../helpers/packetKeys';

/** The renderer's bridge to the real Router, also connected to the EventHub so broadcasts arrive. */
function hubBridge(services: AppServices, connectionId: string): RegclientBridge {
  const base = inMemoryBridge(services, connectionId);
  const listeners = new Set<(name: string, payload: unknown) => void>();
  services.hub.connect(connectionId, (name, payload) => {
    for (const listener of listeners) listener(name, structuredClone(payload));
  });
  return {
    invoke: base.invoke,
    cancel: base.cancel,
    on(listener) {
      const off = base.on(listener);
      listeners.add(listener);
      return () => {
        off();
        listeners.delete(listener);
      };
    },
  };
}

export interface SyncFixture {
  readonly services: AppServices;
  readonly clock: ManualClock;
  readonly dataDir: string;
  /** the officer's window, and a supervisor's window */
  readonly officer: ApiClient;
  readonly supervisor: ApiClient;
  /** builds one small packet as the officer; resolves to its RID */
  buildPacket(draftId: string): Promise<string>;
  close(): Promise<void>;
}

/** Real services in a temp data dir, the REGISTRATION certificate in place, two reasons synced, both operators logged in. */
export async function openSyncFixture(app: Partial<AppServicesOptions> = {}): Promise<SyncFixture> {
  const { services, clock, dataDir, close } = await openTestServices({ app });
  mkdirSync(join(dataDir, 'certs'), { recursive: true });
  writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), makeTestPki(clock.now()).regCertPem);
  const reason = (code: string, name: string, langCode: string) => ({ rowKey: `${code}|CLR`, langCode, isActive: true, deleted: false, data: { code, name, rsnCatCode: 'CLR' } });
  applyMasterDataRows(services.data.db, 'ReasonList', [reason('APM', 'Foto não corresponde', 'por'), reason('DMD', 'Documentos ilegíveis', 'por'), reason('APM', 'Photo does not match', 'eng')], clock.now());
  const officer = createApiClient(hubBridge(services, 'officer-window'));
  const supervisor = createApiClient(hubBridge(services, 'supervisor-window'));
  await officer['auth.login']({ userId: 'officer1', password: 'Officer#2026' });
  await supervisor['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
  return {
    services,
    clock,
    dataDir,
    officer,
    supervisor,
    async buildPacket(draftId) {
      return (await buildSamplePacket(services, draftId)).rid;
    },
    close,
  };
}
