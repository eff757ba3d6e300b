import assert from 'node:assert/strict';
import { createPublicKey, randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { AppError } from '../../../schemas/errors';
import type { PacketBuildProgress } from '../../../schemas/packet';
import type { RegistrationInputDraft } from '../../../schemas/registration';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { ManualClock } from '../../../native/time/ManualClock';
import { AuditLog } from '../../../electron/services/audit/AuditLog';
import type { DB } from '../../../electron/services/db/Database';
import { migrate } from '../../../electron/services/db/migrations';
import { openDatabase } from '../../../electron/services/db/openDatabase';
import { listPackets } from '../../../electron/services/db/repos/packets';
import { outboxJobs } from '../../../electron/services/db/repos/outbox';
import { nodeDurableFs, type DurableFs } from '../../../electron/services/packets/durableFile';
import { cleanupPacketLeftovers } from '../../../electron/services/packets/leftoverCleanup';
import { fixedIdSchema } from '../../../electron/services/packets/IdSchemaProvider';
import { runPacketBuild, type PacketBuilder } from '../../../electron/services/packets/packetBuildJob';
import { PacketBuilderPool } from '../../../electron/services/packets/PacketBuilderPool';
import { inspectPacket } from '../../../electron/services/packets/packetInspector';
import { PacketService } from '../../../electron/services/packets/PacketService';
import { fixedRegistrationCert } from '../../../electron/services/packets/RegistrationCertProvider';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { TEST_ID_SCHEMA } from '../../helpers/packetFixture';
import { issueCertificate, makeTestPki } from '../../helpers/packetKeys';
import { packetRequest } from '../../helpers/packetRequest';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const pki = makeTestPki(NOW);
const sample = sampleRegistration({ now: NOW });

describe('PacketService', () => {
  let dir: string;
  let db: DB;
  let audit: AuditLog;
  let clock: ManualClock;
  let key: Buffer;
  const pool = new PacketBuilderPool();

  before(() => undefined);
  after(async () => pool.dispose());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'packet-service-'));
    key = randomBytes(32);
    db = openDatabase(join(dir, 't.db'), key);
    migrate(db);
    clock = new ManualClock(NOW);
    audit = new AuditLog(db, clock);
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const service = (o: { builder?: PacketBuilder; regCertPem?: string; maxPacketBytes?: number; fs?: DurableFs } = {}) =>
    new PacketService({
      db, audit, clock, packetsDir: join(dir, 'packets'), builder: o.builder ?? runPacketBuild, idSchemas: fixedIdSchema(parseIdSchema(SAMPLE_ID_SCHEMA)),
      regCert: fixedRegistrationCert(o.regCertPem ?? pki.regCertPem),
      machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }),
      host: { hostName: 'test', hostIp: '127.0.0.1' },
      ...(o.maxPacketBytes ? { maxPacketBytes: o.maxPacketBytes } : {}),
      ...(o.fs ? { fs: o.fs } : {}),
    });
  const filesLeft = async () => (await readdir(join(dir, 'packets')).catch(() => [] as string[])).sort();
  const events = () => audit.recent(50).map((e) => e.event);

  /** Asserts the build fails with `code` and leaves no file, no row and no job behind. */
  const assertRejectsCleanly = async (s: PacketService, input: unknown, code: string) => {
    await assert.rejects(s.build(packetRequest('draft-1', input, 'operator1')), (e: unknown) => e instanceof AppError && e.code === code);
    assert.deepEqual(await filesLeft(), []);
    assert.deepEqual(listPackets(db), []);
    assert.ok(events().includes('PACKET_BUILD_FAILED'));
  };

  it('builds in the worker, reports progress, stores the file, row, outbox job and audit entry', async () => {
    const progress: PacketBuildProgress[] = [];
    const result = await service({ builder: pool.build }).build(packetRequest('draft-1', sample, 'operator1'), { onProgress: (p) => progress.push(p) });
    assert.match(result.packetId, /^10001100020000120261122090000-10001_10002-20261122090000$/);
    assert.deepEqual(await filesLeft(), [`${result.packetId}.zip`]);
    const bytes = await readFile(result.file);
    assert.equal(bytes.length, result.size);
    const [row] = listPackets(db);
    assert.equal(row?.sha256, result.sha256);
    assert.deepEqual(outboxJobs(db, result.packetId), [{ state: 'PENDING', attempts: 0 }]);
    assert.ok(events().includes('PACKET_CREATED'));
    assert.deepEqual([...new Set(progress.map((p) => p.stage))], ['validate', 'layout', 'zip', 'encrypt', 'container', 'write', 'commit', 'done']);
    const report = await inspectPacket({ bytes, fileName: result.file, regKey: pki.regKey, machinePublicKey: createPublicKey(pki.machineKey), idSchema: TEST_ID_SCHEMA });
    assert.deepEqual(report.checks.filter((c) => !c.ok), []);
  });

  it('commits what the caller adds in the packet transaction, and rolls the packet back when it throws', async () => {
    const committed: string[] = [];
    const result = await service().build(packetRequest('draft-1', sample, 'operator1'), { inCommit: (p) => committed.push(p.rid) });
    assert.deepEqual(committed, [result.rid]);
    await assert.rejects(
      service().build(packetRequest('draft-2', sampleRegistration({ now: NOW + 1000 }), 'operator1'), { inCommit: () => { throw new Error('summary store failed'); } }),
      (e: unknown) => e instanceof AppError && e.code === 'ERR_PACKET_WRITE_FAILED',
    );
    assert.deepEqual(listPackets(db).map((p) => p.rid), [result.rid], 'no packet row without what the caller commits with it');
    assert.deepEqual(await filesLeft(), [`${result.packetId}.zip`]);
  });

  it('takes consecutive RID sequence values', async () => {
    const s = service();
    const a = await s.build(packetRequest('d1', sample));
    const b = await s.build(packetRequest('d2', sample));
    assert.equal(a.rid.slice(10, 15), '00001');
    assert.equal(b.rid.slice(10, 15), '00002');
  });

  it('rejects a schema-invalid registration with the field and rule, storing nothing', async () => {
    const bad: RegistrationInputDraft = structuredClone(sample);
    bad.demographics.phone = '12';
    await assert.rejects(service({ builder: pool.build }).build(packetRequest('d', bad)), (e: unknown) => {
      assert.ok(e instanceof AppError && e.is('ERR_PACKET_INPUT_INVALID'));
      assert.deepEqual(e.details.issues.map((i) => [i.field, i.rule]), [['demographics.phone', 'regex']]);
      return true;
    });
    assert.deepEqual(listPackets(db), []);
    assert.deepEqual(await filesLeft(), []);
  });

  it('rejects a capture whose signed payload does not match its image', async () => {
    const bad: RegistrationInputDraft = structuredClone(sample);
    bad.biometrics!.individualBiometrics!.captures[2]!.iso = randomBytes(100).toString('base64');
    await assertRejectsCleanly(service(), bad, 'ERR_PACKET_CAPTURE_MISMATCH');
  });

  it('rejects an expired REGISTRATION certificate', async () => {
    const expired = issueCertificate({
      subjectCn: 'REGISTRATION-10001_10002', subjectKeyPem: pki.regKeyPem, issuerCn: 'Test ROOT', issuerKeyPem: pki.regKeyPem,
      notBefore: new Date(NOW - 20 * 86_400_000), notAfter: new Date(NOW - 86_400_000),
    });
    await assertRejectsCleanly(service({ regCertPem: expired }), sample, 'ERR_PACKET_REG_CERT_EXPIRED');
  });

  it('rejects a packet over the configured limit before storing anything', async () => {
    await assertRejectsCleanly(service({ maxPacketBytes: 20_000 }), sample, 'ERR_PACKET_TOO_LARGE');
  });

  it('reports a full disk (ENOSPC) and removes the partial file', async () => {
    let partialSeen = false;
    const fullDisk: DurableFs = {
      ...nodeDurableFs,
      async open(path, flags, mode) {
        const handle = await open(path, flags, mode);
        partialSeen = path.endsWith('.part');
        handle.write = (async () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        }) as typeof handle.write;
        return handle;
      },
    };
    await assertRejectsCleanly(service({ fs: fullDisk }), sample, 'ERR_PACKET_DISK_FULL');
    assert.ok(partialSeen);
  });

  it('reports a full disk met by the database commit (SQLITE_FULL) and removes the written packet file', async () => {
    // the file fitted, the row did not: the commit's first write inside the transaction meets a full disk
    const sqliteFull = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    await assert.rejects(service().build(packetRequest('draft-1', sample, 'operator1'), { inCommit: sqliteFull }), (e: unknown) => e instanceof AppError && e.code === 'ERR_PACKET_DISK_FULL');
    assert.deepEqual(await filesLeft(), []);
    assert.deepEqual(listPackets(db), []);
    assert.ok(events().includes('PACKET_BUILD_FAILED'));
  });

  it('refuses to build a RID that already has a packet, leaving the first one intact', async () => {
    const s = service();
    const first = await s.build(packetRequest('d1', sample));
    const again = { ...structuredClone(sample), rid: first.rid };
    await assert.rejects(s.build(packetRequest('d2', again)), (e: unknown) => e instanceof AppError && e.code === 'ERR_PACKET_WRITE_FAILED');
    assert.deepEqual(await filesLeft(), [`${first.packetId}.zip`]);
    assert.equal((await readFile(first.file)).length, first.size);
    assert.equal(listPackets(db).length, 1);
  });

  it('startup cleanup removes partial and uncommitted files, keeps committed ones, and audits it', async () => {
    const kept = await service().build(packetRequest('d', sample));
    const packets = join(dir, 'packets');
    await writeFile(join(packets, '.x.zip.1234.part'), 'half');
    await writeFile(join(packets, '10001100020000920261122090000-10001_10002-20261122090000.zip'), 'orphan');
    const report = await cleanupPacketLeftovers(db, audit, packets);
    assert.deepEqual(report.partials, ['.x.zip.1234.part']);
    assert.deepEqual(report.orphans, ['10001100020000920261122090000-10001_10002-20261122090000.zip']);
    assert.deepEqual(await filesLeft(), [`${kept.packetId}.zip`]);
    assert.equal(audit.recent(10).filter((e) => e.event === 'PACKET_LEFTOVER_REMOVED').length, 2);
  });

  it('startup cleanup never deletes a packet whose commit a power cut rolled back: it moves it to quarantine', async () => {
    const dbPath = join(dir, 't.db');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    await copyFile(dbPath, join(dir, 'before-commit.db'));
    const reopen = () => {
      db = openDatabase(dbPath, key);
      audit = new AuditLog(db, clock);
    };
    reopen();
    const built = await service().build(packetRequest('d', sample)); // the receipt names this RID now
    const bytes = await readFile(built.file);
    db.close();
    // The power cut: the file was fsynced, the commit never reached the disk.
    await copyFile(join(dir, 'before-commit.db'), dbPath);
    await rm(`${dbPath}-wal`, { force: true });
    await rm(`${dbPath}-shm`, { force: true });
    reopen();
    assert.deepEqual(listPackets(db), []);
    const fileName = `${built.packetId}.zip`;
    const report = await cleanupPacketLeftovers(db, audit, join(dir, 'packets'));
    assert.deepEqual([report.orphans, report.quarantineDir], [[fileName], join(dir, 'quarantine')]);
    assert.deepEqual(await filesLeft(), []);
    assert.deepEqual(await readdir(join(dir, 'quarantine')), [fileName]);
    assert.deepEqual(await readFile(join(dir, 'quarantine', fileName)), bytes);
    const [entry] = audit.recent(5).filter((e) => e.event === 'PACKET_LEFTOVER_REMOVED');
    assert.deepEqual(entry?.details, { file: fileName, reason: 'uncommitted', movedTo: join(dir, 'quarantine', fileName) });
    // a second orphan of the same name never replaces the first one in quarantine
    await writeFile(join(dir, 'packets', fileName), 'another');
    await cleanupPacketLeftovers(db, audit, join(dir, 'packets'));
    assert.deepEqual((await readdir(join(dir, 'quarantine'))).sort(), [fileName, `${fileName}.1`]);
    assert.deepEqual(await readFile(join(dir, 'quarantine', fileName)), bytes);
    assert.equal(await readFile(join(dir, 'quarantine', `${fileName}.1`), 'utf8'), 'another');
  });
});
