import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../schemas/errors';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import type { PacketBuildRequest } from '../../../electron/services/packets/packetBuildJob';
import { PacketBuilderPool } from '../../../electron/services/packets/PacketBuilderPool';
import { formatRid } from '../../../electron/services/packets/rid';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { makeTestPki } from '../../helpers/packetKeys';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const pki = makeTestPki(NOW);
const request = (sequence: number, input: unknown = sampleRegistration({ now: NOW })): PacketBuildRequest => ({
  input, idSchema: SAMPLE_ID_SCHEMA, rid: formatRid('10001', '10002', sequence, NOW), now: NOW, regCertPem: pki.regCertPem,
  machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: 'h', hostIp: '127.0.0.1' }, maxPacketBytes: 5 * 1024 * 1024,
});

describe('PacketBuilderPool', () => {
  it('matches concurrent replies to their requests and transfers the bytes', async () => {
    const pool = new PacketBuilderPool();
    try {
      const [a, b] = await Promise.all([pool.build(request(7)), pool.build(request(8))]);
      assert.equal(a.rid.slice(10, 15), '00007');
      assert.equal(b.rid.slice(10, 15), '00008');
      assert.ok(a.bytes instanceof Uint8Array && a.bytes.length > 10_000);
    } finally {
      await pool.dispose();
    }
  });

  it('turns an error in the worker into the same AppError', async () => {
    const pool = new PacketBuilderPool();
    try {
      await assert.rejects(pool.build(request(9, { nonsense: true })), (e: unknown) => e instanceof AppError && e.code === 'ERR_PACKET_INPUT_INVALID');
    } finally {
      await pool.dispose();
    }
  });

  it('fails pending builds with ERR_PACKET_BUILD_FAILED when the worker dies', async () => {
    const pool = new PacketBuilderPool(new URL('./exitingWorker.ts', import.meta.url));
    try {
      await assert.rejects(pool.build(request(10)), (e: unknown) => e instanceof AppError && e.is('ERR_PACKET_BUILD_FAILED') && /code 3/.test(e.details.reason));
    } finally {
      await pool.dispose();
    }
  });
});
