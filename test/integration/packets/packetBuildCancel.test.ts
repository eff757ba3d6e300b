import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { PacketBuildStage } from '../../../schemas/packet';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { ManualClock } from '../../../native/time/ManualClock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import type { DB } from '../../../electron/services/db/Database';
import { migrate } from '../../../electron/services/db/migrations';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { listPackets } from '../../../electron/services/db/repos/packets';
import { fixedIdSchema } from '../../../electron/services/packets/IdSchemaProvider';
import { packetBuildJob, runPacketBuild } from '../../../electron/services/packets/packetBuildJob';
import { PacketBuilderPool } from '../../../electron/services/packets/PacketBuilderPool';
import { PacketService } from '../../../electron/services/packets/PacketService';
import { fixedRegistrationCert } from '../../../electron/services/packets/RegistrationCertProvider';
import { loadRegistrationCertificate } from '../../../electron/services/packets/registrationCert';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { formatRid } from '../../../electron/services/packets/rid';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { rejectsWithCode } from '../../helpers/assertAppError';
import { makeTestPki } from '../../helpers/packetKeys';
import { packetRequest } from '../../helpers/packetRequest';
import { makeTempDir } from '../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const pki = makeTestPki(NOW);
const sample = sampleRegistration({ now: NOW });
const idSchema = parseIdSchema(SAMPLE_ID_SCHEMA);
const job = (draftId: string, sequence: number) => packetBuildJob(packetRequest(draftId, sample), {
  idSchema, cert: loadRegistrationCertificate(pki.regCertPem, NOW), now: NOW, allocateRid: () => formatRid('10001', '10002', sequence, NOW),
  machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: 'test', hostIp: '127.0.0.1' }, maxPacketBytes: 5 * 1024 * 1024,
});

describe('cancelling a packet build', () => {
  const pool = new PacketBuilderPool();
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  let audit: AuditLog;
  let service: PacketService;
  after(async () => pool.dispose());
  beforeEach(() => {
    temp = makeTempDir('packet-cancel-');
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
    const clock = new ManualClock(NOW);
    audit = new AuditLog(db, clock);
    service = new PacketService({
      db, audit, clock, packetsDir: join(temp.path, 'packets'), builder: pool.build, idSchemas: fixedIdSchema(idSchema), regCert: fixedRegistrationCert(pki.regCertPem),
      machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: 'test', hostIp: '127.0.0.1' },
    });
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });
  const filesLeft = async () => readdir(join(temp.path, 'packets')).catch(() => [] as string[]);

  /** Builds `draftId` and aborts it when the build reports `at`; returns the stages seen. */
  const buildAbortedAt = async (draftId: string, at: PacketBuildStage) => {
    const controller = new AbortController();
    const stages: PacketBuildStage[] = [];
    await rejectsWithCode(service.build(packetRequest(draftId, sample, 'operator1'), {
      signal: controller.signal,
      onProgress: (p) => {
        stages.push(p.stage);
        if (p.stage === at) controller.abort();
      },
    }), 'ERR_PACKET_BUILD_CANCELLED', { draftId });
    return stages;
  };

  it('mid-way in the worker leaves no packet file and no row, audits it, and the pool serves the next build', async () => {
    const stages = await buildAbortedAt('draft-1', 'zip');
    assert.ok(!stages.includes('write') && !stages.includes('done'), stages.join());
    assert.deepEqual(await filesLeft(), []);
    assert.deepEqual(listPackets(db), []);
    const failed = audit.recent(10).find((e) => e.event === 'PACKET_BUILD_FAILED');
    assert.deepEqual(failed?.details, { draftId: 'draft-1', rid: formatRid('10001', '10002', 1, NOW), code: 'ERR_PACKET_BUILD_CANCELLED' });
    const next = await service.build(packetRequest('draft-2', sample, 'operator1'));
    assert.deepEqual(await filesLeft(), [`${next.packetId}.zip`]);
    assert.deepEqual(listPackets(db).map((p) => p.packet_id), [next.packetId]);
  });

  it('while the file is written removes the file and commits nothing', async () => {
    await buildAbortedAt('draft-1', 'write');
    assert.deepEqual(await filesLeft(), []);
    assert.deepEqual(listPackets(db), []);
  });

  it('before the build starts sends nothing to the worker', async () => {
    const controller = new AbortController();
    controller.abort();
    const stages: string[] = [];
    await rejectsWithCode(service.build(packetRequest('draft-1', sample), { signal: controller.signal, onProgress: (p) => stages.push(p.stage) }), 'ERR_PACKET_BUILD_CANCELLED');
    assert.deepEqual(stages, []);
    assert.deepEqual(listPackets(db), []);
  });

  it('the worker stops a build on its cancel message, and the pool says the call was cancelled', async () => {
    const controller = new AbortController();
    const stages: string[] = [];
    const build = pool.build(job('draft-9', 9), { signal: controller.signal, onStage: (stage) => stages.push(stage) });
    // the cancel message is queued behind the build: the worker gets it during the first zip, long before encrypting
    controller.abort();
    await rejectsWithCode(build, 'ERR_PACKET_BUILD_CANCELLED', { draftId: 'draft-9' });
    assert.ok(!stages.includes('encrypt') && !stages.includes('container'), `stages after the cancel: ${stages.join()}`);
    const next = await pool.build(job('draft-10', 10));
    assert.equal(next.rid, formatRid('10001', '10002', 10, NOW));
  });

  it('stops the build itself at its next stage (what the worker runs on a cancel message)', async () => {
    const controller = new AbortController();
    const stages: string[] = [];
    const build = runPacketBuild(job('draft-1', 3), { signal: controller.signal, onStage: (stage) => {
      stages.push(stage);
      if (stage === 'layout') controller.abort();
    } });
    await rejectsWithCode(build, 'ERR_PACKET_BUILD_CANCELLED', { draftId: 'draft-1' });
    assert.deepEqual(stages, ['layout'], 'no stage runs after the cancel');
  });
});
