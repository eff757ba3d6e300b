import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import type { AppServices } from '../../../electron/host/createAppServices';
import { inspectPacket } from '../../../electron/services/packets/packetInspector';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { sampleRegistration, SMALL_SAMPLE } from '../../../electron/services/packets/sampleRegistration';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import { makeTestPki, type TestPki } from '../../helpers/packetKeys';
import { openTestServices } from '../../helpers/openTestDataDir';
import { buildSamplePacket } from '../../helpers/buildSamplePacket';
import { rejectsWithCode } from '../../helpers/assertAppError';

describe('the main-side packet builder (real worker, encrypted store); the page has no packets.build', () => {
  let services: AppServices;
  let dataDir: string;
  let close: () => Promise<void>;
  let pki: TestPki;
  const progress: unknown[] = [];
  const ctx = { connectionId: 'window-1', sink: (name: string, payload: unknown) => void (name === 'packets.onDidProgress' && progress.push(payload)) };
  const call = (method: string, input: unknown) => services.router.dispatch(ctx, method, input);
  const login = async (userId: string, password: string) => assert.equal((await call('auth.login', { userId, password })).ok, true);
  const registration = () => {
    const { centreId, machineId, rid, operators, createdAt, ...rest } = sampleRegistration({ now: services.clock.now(), sizes: SMALL_SAMPLE }) as Record<string, unknown>;
    void centreId; void machineId; void rid; void operators; void createdAt;
    return rest;
  };
  const errorCode = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code);

  beforeEach(async () => {
    ({ services, dataDir, close } = await openTestServices());
    pki = makeTestPki(services.clock.now());
    progress.length = 0;
  });
  afterEach(() => close());

  it('builds a packet that inspects clean, with the officer and machine from the main process', async () => {
    mkdirSync(join(dataDir, 'certs'), { recursive: true });
    writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), pki.regCertPem);
    await login('officer1', 'Officer#2026');
    const result = await buildSamplePacket(services, 'draft-1', 'officer1', (p) => progress.push(p));
    assert.match(result.rid, /^1000110002\d{5}\d{14}$/);
    assert.deepEqual(
      [...new Set(progress.map((p) => (p as { stage: string }).stage))].slice(-3),
      ['write', 'commit', 'done'],
    );
    assert.ok(progress.every((p) => (p as { draftId: string }).draftId === 'draft-1'));
    const report = await inspectPacket({
      bytes: readFileSync(result.file),
      fileName: result.file.split('/').pop()!,
      regKey: pki.regKey,
      machinePublicKey: services.data.machineKey.publicKey,
      idSchema: parseIdSchema(SAMPLE_ID_SCHEMA),
    });
    assert.deepEqual(report.checks.filter((c) => !c.ok), []);
    assert.equal(services.data.audit.recent(5).some((e) => e.event === 'PACKET_CREATED' && e.actor === 'officer1'), true);
  });

  it('says the REGISTRATION certificate is missing before the first sync', async () => {
    await rejectsWithCode(buildSamplePacket(services, 'd'), 'ERR_PACKET_REG_CERT_MISSING');
  });

  it('is not on the page\'s contract: a page asking for packets.build, with any role, builds nothing (issue 12)', async () => {
    mkdirSync(join(dataDir, 'certs'), { recursive: true });
    writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), pki.regCertPem);
    for (const [userId, password] of [['officer1', 'Officer#2026'], ['supervisor1', 'Supervisor#2026'], ['viewer1', 'Viewer#2026']] as const) {
      await login(userId, password);
      assert.equal(errorCode(await call('packets.build', { draftId: 'd', registration: registration() })), 'ERR_IPC_UNKNOWN_METHOD', userId);
    }
    assert.equal((services.data.db.prepare('SELECT count(*) AS n FROM packets').get() as { n: number }).n, 0);
    assert.deepEqual(progress, []);
  });
});
