import assert from 'node:assert/strict';
import { constants, createHash, createPublicKey, generateKeyPairSync, privateDecrypt, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { encryptEnvelope, decryptEnvelope } from '../../../electron/services/packets/mosipEnvelope';
import { inspectPacket, type InspectReport } from '../../../electron/services/packets/packetInspector';
import { loadRegistrationCertificate } from '../../../electron/services/packets/registrationCert';
import { unzipEntries } from '../../../electron/services/packets/unzipEntries';
import { zipEntries } from '../../../electron/services/packets/zipWriter';
import { compileJavaOracle, opensslUnwrap, runJavaOracle } from '../../oracles/javaOracle';
import { buildTestPacket, TEST_ID_SCHEMA } from '../../helpers/packetFixture';
import { makeTestPki, type TestPki } from '../../helpers/packetKeys';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

describe('packet oracles (JDK + openssl) and packet inspect', () => {
  let dir: string;
  let classDir: string;
  let pki: TestPki;
  let regKeyFile: string;
  let machineCertFile: string;
  let good: { file: string; bytes: Buffer };
  let other: { file: string; bytes: Buffer };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'packet-oracle-test-'));
    pki = makeTestPki(NOW);
    [classDir] = await Promise.all([compileJavaOracle()]);
    regKeyFile = join(dir, 'reg.key.pem');
    machineCertFile = join(dir, 'machine.crt.pem');
    await writeFile(regKeyFile, pki.regKeyPem);
    await writeFile(machineCertFile, pki.machineCertPem);
    const a = await buildTestPacket(pki, dir, NOW, 1);
    const b = await buildTestPacket(pki, dir, NOW + 1000, 2);
    good = { file: a.file, bytes: a.packet.bytes };
    other = { file: b.file, bytes: b.packet.bytes };
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(classDir, { recursive: true, force: true });
  });

  const inspect = async (bytes: Buffer, fileName: string, regKey = pki.regKey): Promise<InspectReport> =>
    inspectPacket({
      bytes,
      fileName,
      regKey,
      regThumbprint: loadRegistrationCertificate(pki.regCertPem, NOW).thumbprint,
      machinePublicKey: createPublicKey(pki.machineKey),
      idSchema: TEST_ID_SCHEMA,
    });
  const failed = (r: InspectReport) => r.checks.filter((c) => !c.ok).map((c) => c.check);
  const writeVariant = async (name: string, bytes: Buffer) => {
    const sub = await mkdtemp(join(dir, `${name}-`));
    const file = join(sub, good.file.split('/').pop()!);
    await writeFile(file, bytes);
    return file;
  };

  /** Decrypts the outer layer, lets `edit` change the container entries, re-encrypts with the real certificate. */
  const rewrap = async (edit: (entries: Map<string, Buffer>) => Promise<void> | void): Promise<Buffer> => {
    const entries = await unzipEntries(decryptEnvelope(pki.regKey, good.bytes).plain);
    await edit(entries);
    const zip = await zipEntries([...entries].map(([name, bytes]) => ({ name, bytes, deflate: name.endsWith('.json') })), new Date(NOW), 1);
    return encryptEnvelope(loadRegistrationCertificate(pki.regCertPem, NOW), zip);
  };
  const subKey = (entries: Map<string, Buffer>, sub: string) => [...entries.keys()].find((k) => k.endsWith(`_${sub}.zip`))!;

  /**
   * Every check the oracle runs on a sound packet. packet_operations_hash only in `id`: MOSIP's writer puts
   * it in the default subpacket alone (packet-manager PacketWriterImpl.addOtherFilesToZip, release-1.2.0.x).
   */
  const allOk = (): Record<string, 'OK' | 'FAIL'> => {
    const v: Record<string, 'OK' | 'FAIL'> = { 'outer.decrypt': 'OK', 'outer.zip': 'OK' };
    for (const sub of ['id', 'evidence', 'optional']) {
      for (const check of ['metadata', 'encryptedhash', 'decrypt', 'signature', 'packet_data_hash']) v[`${sub}.${check}`] = 'OK';
      if (sub === 'id') v['id.packet_operations_hash'] = 'OK';
    }
    return v;
  };

  /**
   * Rewrites one subpacket's files and seals it again as the machine would (signature with the machine
   * key, encryption to the real certificate, encryptedhash), so that only the file edit can be caught.
   */
  const resealSubpacket = (sub: string, edit: (files: Map<string, Buffer>) => void) =>
    rewrap(async (e) => {
      const k = subKey(e, sub);
      const files = await unzipEntries(decryptEnvelope(pki.regKey, e.get(k)!).plain);
      edit(files);
      const zip = await zipEntries([...files].map(([name, b]) => ({ name, bytes: b, deflate: true })), new Date(NOW), 1);
      const enc = encryptEnvelope(loadRegistrationCertificate(pki.regCertPem, NOW), zip);
      e.set(k, enc);
      const jsonKey = k.replace(/\.zip$/, '.json');
      const meta = JSON.parse(e.get(jsonKey)!.toString('utf8')) as Record<string, string>;
      meta.encryptedhash = createHash('sha256').update(enc).digest('base64url');
      meta.signature = sign('sha256', zip, pki.machineKey).toString('base64url');
      e.set(jsonKey, Buffer.from(JSON.stringify(meta)));
    });
  const oracleOn = async (name: string, bytes: Buffer) => runJavaOracle(classDir, await writeVariant(name, bytes), regKeyFile, machineCertFile);

  it('the JDK oracle accepts a built packet: its exact verdict on every check', async () => {
    const r = await runJavaOracle(classDir, good.file, regKeyFile, machineCertFile);
    assert.deepEqual(r.verdicts, allOk());
    assert.equal(r.exitCode, 0);
  });

  it('the JDK oracle fails a subpacket whose packet_data_hash.txt was removed, even re-signed', async () => {
    const bytes = await resealSubpacket('evidence', (files) => assert.ok(files.delete('packet_data_hash.txt')));
    const r = await oracleOn('nodatahash', bytes);
    assert.deepEqual(r.verdicts, { ...allOk(), 'evidence.packet_data_hash': 'FAIL' });
    assert.equal(r.reasons['evidence.packet_data_hash'], 'missing');
    assert.notEqual(r.exitCode, 0);
  });

  it('the JDK oracle fails the default subpacket without packet_operations_hash.txt', async () => {
    const bytes = await resealSubpacket('id', (files) => assert.ok(files.delete('packet_operations_hash.txt')));
    const r = await oracleOn('noopshash', bytes);
    assert.deepEqual(r.verdicts, { ...allOk(), 'id.packet_operations_hash': 'FAIL' });
    assert.equal(r.reasons['id.packet_operations_hash'], 'missing');
    assert.notEqual(r.exitCode, 0);
  });

  it('the JDK oracle fails a packet_data_hash.txt that names another hash, and an operations hash over other audits', async () => {
    const wrongData = await resealSubpacket('optional', (files) => files.set('packet_data_hash.txt', Buffer.from(createHash('sha256').update('other').digest('hex').toUpperCase())));
    const r1 = await oracleOn('wrongdatahash', wrongData);
    assert.deepEqual(r1.verdicts, { ...allOk(), 'optional.packet_data_hash': 'FAIL' });
    assert.match(r1.reasons['optional.packet_data_hash']!, /^recomputed [0-9A-F]{64} but file says [0-9A-F]{64}$/);
    const auditName = (files: Map<string, Buffer>) => [...files.keys()].find((n) => n.startsWith('audit'))!;
    const wrongOps = await resealSubpacket('id', (files) => files.set(auditName(files), Buffer.from('[]')));
    const r2 = await oracleOn('wrongopshash', wrongOps);
    assert.deepEqual(r2.verdicts, { ...allOk(), 'id.packet_operations_hash': 'FAIL' });
  });

  it('the JDK oracle reads a packet whose large entries are deflated in parallel chunks', async () => {
    const sub = await mkdtemp(join(dir, 'large-'));
    const { file } = await buildTestPacket(pki, sub, NOW + 2000, 3, { fingerBytes: 40_000, irisBytes: 60_000, faceBytes: 200_000, documentBytes: 1_300_000, exceptionPhotoBytes: 700_000 });
    const r = await runJavaOracle(classDir, file, regKeyFile, machineCertFile);
    assert.deepEqual(r.failed, []);
    assert.equal(r.exitCode, 0);
    assert.ok(r.ok.includes('id.packet_data_hash') && r.ok.includes('evidence.packet_data_hash'));
  });

  it('openssl unwraps the same outer session key as the JDK', async () => {
    const wrapped = join(dir, 'wrapped.bin');
    const unwrapped = join(dir, 'key.bin');
    await writeFile(wrapped, good.bytes.subarray(76, 332));
    await opensslUnwrap(wrapped, regKeyFile, unwrapped);
    const key = await readFile(unwrapped);
    assert.equal(key.length, 32);
    const r = await runJavaOracle(classDir, good.file, regKeyFile, machineCertFile);
    assert.equal(key.toString('hex'), r.outerKey);
  });

  it('every envelope of two built packets has its own whole session key, nonce and aad', async () => {
    // 2 packets × (outer + 3 subpackets); keys unwrapped with the test's RSA key as the server would
    const envelopes: Buffer[] = [];
    for (const bytes of [good.bytes, other.bytes]) {
      envelopes.push(bytes);
      const container = await unzipEntries(decryptEnvelope(pki.regKey, bytes).plain);
      for (const [name, entry] of container) if (name.endsWith('.zip')) envelopes.push(entry);
    }
    assert.equal(envelopes.length, 8);
    const unwrap = (e: Buffer) => privateDecrypt({ key: pki.regKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, e.subarray(76, 332));
    const distinct = (pick: (e: Buffer) => Buffer) => new Set(envelopes.map((e) => pick(e).toString('hex'))).size;
    assert.equal(distinct(unwrap), 8, 'a session key is reused');
    assert.equal(distinct((e) => e.subarray(0, 12)), 8, 'a GCM nonce is reused');
    assert.equal(distinct((e) => e.subarray(12, 44)), 8, 'an aad is reused');
  });

  it('packet inspect accepts the built packet with every check passing', async () => {
    const r = await inspect(good.bytes, good.file);
    assert.deepEqual(failed(r), []);
    assert.equal(r.ok, true);
    assert.ok(r.checks.length >= 30);
  });

  it('rejects a flipped byte in the outer layer', async () => {
    const bytes = Buffer.from(good.bytes);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    assert.deepEqual(failed(await inspect(bytes, good.file)), ['outer.decrypt']);
    const r = await runJavaOracle(classDir, await writeVariant('outerflip', bytes), regKeyFile, machineCertFile);
    assert.deepEqual(r.failed, ['outer.decrypt']);
    assert.notEqual(r.exitCode, 0);
  });

  it('rejects a flipped byte in a subpacket layer', async () => {
    const bytes = await rewrap((e) => {
      const k = subKey(e, 'evidence');
      const b = Buffer.from(e.get(k)!);
      b[b.length - 50] = b[b.length - 50]! ^ 0x01;
      e.set(k, b);
    });
    assert.deepEqual(failed(await inspect(bytes, good.file)), ['evidence.encryptedhash', 'evidence.decrypt']);
    const r = await runJavaOracle(classDir, await writeVariant('innerflip', bytes), regKeyFile, machineCertFile);
    assert.deepEqual(r.failed, ['evidence.encryptedhash', 'evidence.decrypt']);
  });

  it('rejects a subpacket swapped in from another packet', async () => {
    const donor = await unzipEntries(decryptEnvelope(pki.regKey, other.bytes).plain);
    const bytes = await rewrap((e) => {
      const k = subKey(e, 'id');
      const d = subKey(donor, 'id');
      e.set(k, donor.get(d)!);
      e.set(k.replace(/\.zip$/, '.json'), donor.get(d.replace(/\.zip$/, '.json'))!);
    });
    assert.deepEqual(failed(await inspect(bytes, good.file)), ['id.metadata', 'id.metaInfo']);
    const r = await runJavaOracle(classDir, await writeVariant('swap', bytes), regKeyFile, machineCertFile);
    assert.deepEqual(r.failed, ['id.metadata']);
  });

  it('rejects an edited ID.json even when the attacker recomputes encryptedhash', async () => {
    const cert = loadRegistrationCertificate(pki.regCertPem, NOW);
    const bytes = await rewrap(async (e) => {
      const k = subKey(e, 'id');
      const files = await unzipEntries(decryptEnvelope(pki.regKey, e.get(k)!).plain);
      files.set('ID.json', Buffer.from(files.get('ID.json')!.toString('utf8').replace('1990/05/17', '1991/05/17')));
      const zip = await zipEntries([...files].map(([name, b]) => ({ name, bytes: b, deflate: true })), new Date(NOW), 1);
      const enc = encryptEnvelope(cert, zip);
      e.set(k, enc);
      const jsonKey = k.replace(/\.zip$/, '.json');
      const meta = JSON.parse(e.get(jsonKey)!.toString('utf8')) as Record<string, string>;
      meta.encryptedhash = createHash('sha256').update(enc).digest('base64url');
      e.set(jsonKey, Buffer.from(JSON.stringify(meta)));
    });
    assert.deepEqual(failed(await inspect(bytes, good.file)), ['id.signature', 'id.dataHash']);
    const r = await runJavaOracle(classDir, await writeVariant('idjson', bytes), regKeyFile, machineCertFile);
    assert.deepEqual(r.failed, ['id.signature', 'id.packet_data_hash']);
  });

  it('rejects the wrong registration-processor key', async () => {
    const wrong = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    assert.deepEqual(failed(await inspect(good.bytes, good.file, wrong)), ['outer.decrypt']);
    const wrongFile = join(dir, 'wrong.key.pem');
    await writeFile(wrongFile, wrong.export({ format: 'pem', type: 'pkcs8' }));
    const r = await runJavaOracle(classDir, good.file, wrongFile, machineCertFile);
    assert.deepEqual(r.failed, ['outer.decrypt']);
  });

  it('rejects envelopes made for another REGISTRATION certificate (thumbprint)', async () => {
    const otherCert = makeTestPki(NOW).regCertPem;
    const r = await inspectPacket({
      bytes: good.bytes, fileName: good.file, regKey: pki.regKey, regThumbprint: loadRegistrationCertificate(otherCert, NOW).thumbprint,
      machinePublicKey: createPublicKey(pki.machineKey), idSchema: TEST_ID_SCHEMA,
    });
    assert.deepEqual(failed(r), ['outer.thumbprint', 'id.thumbprint', 'evidence.thumbprint', 'optional.thumbprint']);
  });

  it('rejects a packet renamed to another packet id', async () => {
    const renamed = good.file.replace(/-(\d{14})\.zip$/, '-20000101000000.zip');
    const r = await inspect(good.bytes, renamed);
    assert.deepEqual(failed(r), ['id.metadata', 'evidence.metadata', 'optional.metadata']);
  });
});
