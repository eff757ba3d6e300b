import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadStpIdSchema } from '../../../schemas/data/stpDemoSpecs';
import type { RegistrationInputDraft } from '../../../schemas/registration';
import { computeKeyIndex } from '../../../native/keystore/keyIndex';
import { decryptEnvelope } from '../../../electron/services/packets/mosipEnvelope';
import { assemblePacket } from '../../../electron/services/packets/packetAssembler';
import { loadRegistrationCertificate } from '../../../electron/services/packets/registrationCert';
import { parseIdSchema, validateRegistration } from '../../../electron/services/packets/registrationValidator';
import { formatRid } from '../../../electron/services/packets/rid';
import { sampleRegistration, syntheticCapture } from '../../../electron/services/packets/sampleRegistration';
import { unzipEntries } from '../../../electron/services/packets/unzipEntries';
import { compileJavaOracle, runJavaOracle } from '../../oracles/javaOracle';
import { makeTestPki, type TestPki } from '../../helpers/packetKeys';
import { PARENT_UIN } from '../app/crvsFixtures';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

/**
 * A CRVS_NEW packet (a child from a registered birth, the parent as introducer with face and thumbs,
 * no biometrics of the child) built on the STP ID schema and judged by the JDK-only oracle: every
 * envelope, hash and signature check MOSIP's packet reader would make passes, and the packet sits
 * under `REGISTRATION_CLIENT/CRVS_NEW/` with `registrationType` CRVS_NEW, as regproc routes it.
 */
describe('a CRVS_NEW packet under the JDK oracle', () => {
  let dir: string;
  let classDir: string;
  let pki: TestPki;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crvs-oracle-'));
    pki = makeTestPki(NOW);
    classDir = await compileJavaOracle();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(classDir, { recursive: true, force: true });
  });

  function crvsNew(): RegistrationInputDraft {
    const base = sampleRegistration({ now: NOW });
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const por = (value: string) => [{ language: 'por', value }];
    return {
      ...base,
      process: 'CRVS_NEW',
      langCodes: ['por'],
      demographics: {
        fullName: por('Ana Quaresma Trovoada'), dateOfBirth: '2026/11/02', gender: por('Feminino'), region: por('São Tomé'), province: por('Água Grande'),
        birthCertificateNumber: 'AG-2026/00123', birthRegistrationDate: '2026/11/17',
        introducerName: por('Maria da Graça Quaresma'), introducerUIN: PARENT_UIN,
      },
      documents: {},
      biometrics: { introducerBiometrics: { captures: (['face', 'leftThumb', 'rightThumb'] as const).map((a) => syntheticCapture(a, 2000, NOW, key)), exceptions: [] } },
    };
  }

  it('passes every check of the oracle, under its process path and registration type', async () => {
    const schema = parseIdSchema(loadStpIdSchema());
    const input = validateRegistration(crvsNew(), schema);
    const packet = await assemblePacket({
      input, idSchema: schema, rid: formatRid(input.centreId, input.machineId, 1, NOW), now: NOW,
      recipient: loadRegistrationCertificate(pki.regCertPem, NOW), machineKey: pki.machineKey,
      machineKeyIndex: computeKeyIndex(createPublicKey(pki.machineKey)), host: { hostName: 'test-host', hostIp: '127.0.0.1' },
    });
    const file = join(dir, `${packet.packetId}.zip`);
    await writeFile(file, packet.bytes);
    const [regKeyFile, certFile] = [join(dir, 'reg.key.pem'), join(dir, 'machine.crt.pem')];
    await writeFile(regKeyFile, pki.regKeyPem);
    await writeFile(certFile, pki.machineCertPem);

    const verdict = await runJavaOracle(classDir, file, regKeyFile, certFile);
    assert.deepEqual(verdict.failed, [], JSON.stringify(verdict.reasons));
    assert.ok(verdict.ok.includes('id.signature') && verdict.ok.includes('evidence.packet_data_hash') && verdict.ok.includes('id.packet_operations_hash'), verdict.ok.join(', '));
    assert.equal(verdict.exitCode, 0);

    const container = await unzipEntries(decryptEnvelope(pki.regKey, packet.bytes).plain);
    const names = [...container.keys()].sort();
    assert.deepEqual(names.filter((n) => n.endsWith('.zip')), ['id', 'evidence', 'optional'].map((s) => `REGISTRATION_CLIENT/CRVS_NEW/${packet.rid}_${s}.zip`).sort());
    const idFiles = await unzipEntries(decryptEnvelope(pki.regKey, container.get(`REGISTRATION_CLIENT/CRVS_NEW/${packet.rid}_id.zip`)!).plain);
    const meta = JSON.parse(idFiles.get('packet_meta_info.json')!.toString('utf8')) as { identity: { metaData: { label: string; value: string }[] } };
    assert.equal(meta.identity.metaData.find((m) => m.label === 'registrationType')?.value, 'CRVS_NEW');
    const evidence = await unzipEntries(decryptEnvelope(pki.regKey, container.get(`REGISTRATION_CLIENT/CRVS_NEW/${packet.rid}_evidence.zip`)!).plain);
    const idJson = JSON.parse(evidence.get('ID.json')!.toString('utf8')) as { identity: Record<string, unknown> };
    assert.deepEqual([idJson.identity['birthCertificateNumber'], idJson.identity['introducerUIN']], ['AG-2026/00123', PARENT_UIN]);
  });
});
