import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../schemas/errors';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { packetBuildJob, type PacketBuildJob } from '../../../electron/services/packets/packetBuildJob';
import { PacketBuilderPool } from '../../../electron/services/packets/PacketBuilderPool';
import { loadRegistrationCertificate } from '../../../electron/services/packets/registrationCert';
import { parseIdSchema } from '../../../electron/services/packets/registrationValidator';
import { formatRid } from '../../../electron/services/packets/rid';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { makeTestPki } from '../../helpers/packetKeys';
import { packetRequest } from '../../helpers/packetRequest';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const pki = makeTestPki(NOW);
const request = (sequence: number, maxPacketBytes = 5 * 1024 * 1024): PacketBuildJob => packetBuildJob(packetRequest('d', sampleRegistration({ now: NOW })), {
  idSchema: parseIdSchema(SAMPLE_ID_SCHEMA), cert: loadRegistrationCertificate(pki.regCertPem, NOW), now: NOW, allocateRid: () => formatRid('10001', '10002', sequence, NOW),
  machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: 'h', hostIp: '127.0.0.1' }, maxPacketBytes,
});

describe('PacketBuilderPool', () => {
  it('matches concurrent replies to their requests and transfers the bytes', async () => {
    const pool = new PacketBuilderPool();
    try {
      const [a, b] = await Promise.all([pool.build(request(7)), pool.build(request(8))]);
      assert.equal(a.rid.slice(10, 15), '00007');
      assert.equal(b.rid.slice(10, 15), '00008');
      assert.ok(a.bytes instanceof Uint8Array && a.bytes.length > 10_000);
      // each call is timed, from the post to the reply
      assert.ok(a.durationMs > 0 && b.durationMs > 0);
    } finally {
      await pool.dispose();
    }
  });

  it('turns an error in the worker into the same AppError', async () => {
    const pool = new PacketBuilderPool();
    try {
      // the size limit is checked in the worker, so this error crosses the thread
      await assert.rejects(pool.build(request(9, 1000)), (e: unknown) => e instanceof AppError && e.is('ERR_PACKET_TOO_LARGE') && e.details.limit === 1000);
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
