/**
 * `npm run bench -- packet [--runs 30] [--forge-runs 5]`: builds the sample registration scaled to
 * about 5 MB (realistic ISO sizes, two scanned PDFs) through the real service (worker build,
 * durable write, SQLite commit) and prints p50/p95 wall time, MB/s, peak RSS and the largest
 * main-thread event-loop stall; then the same build with node-forge doing AES-GCM, in process,
 * as the baseline. Prints figures; not a test.
 */
import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import forge from 'node-forge';
import { SAMPLE_ID_SCHEMA } from '../../schemas/registrationSampleIdSchema';
import { computeKeyIndex } from '../../native/keystore/keyIndex';
import { systemClock } from '../../native/time/Clock';
import { AuditLog } from '../../electron/services/audit/AuditLog';
import { migrate } from '../../electron/services/db/migrations';
import { openDatabase } from '../../electron/services/db/openDatabase';
import { encryptEnvelope, type EnvelopeRecipient } from '../../electron/services/packets/mosipEnvelope';
import { assemblePacket } from '../../electron/services/packets/packetAssembler';
import { PacketBuilderPool } from '../../electron/services/packets/PacketBuilderPool';
import { PacketService } from '../../electron/services/packets/PacketService';
import { fixedIdSchema } from '../../electron/services/packets/IdSchemaProvider';
import { fixedRegistrationCert } from '../../electron/services/packets/RegistrationCertProvider';
import { packetRequest } from '../helpers/packetRequest';
import { loadRegistrationCertificate } from '../../electron/services/packets/registrationCert';
import { parseIdSchema, validateRegistration } from '../../electron/services/packets/registrationValidator';
import { formatRid } from '../../electron/services/packets/rid';
import { BENCH_SAMPLE, sampleRegistration } from '../../electron/services/packets/sampleRegistration';
import { makeTestPki } from '../helpers/packetKeys';

const MB = 1024 * 1024;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The envelope with AES-256-GCM done by node-forge (RSA-OAEP and layout unchanged): the baseline. */
function forgeEnvelope(recipient: EnvelopeRecipient, plain: Buffer): Buffer {
  const reference = encryptEnvelope(recipient, Buffer.alloc(0)); // node RSA-OAEP wrap of a throwaway key: same cost
  const key = randomBytes(32);
  const nonce = reference.subarray(0, 12);
  const aad = reference.subarray(12, 44);
  const cipher = forge.cipher.createCipher('AES-GCM', forge.util.createBuffer(key.toString('binary')));
  cipher.start({ iv: forge.util.createBuffer(nonce.toString('binary')), additionalData: aad.toString('binary'), tagLength: 128 });
  cipher.update(forge.util.createBuffer(plain.toString('binary')));
  cipher.finish();
  const ct = Buffer.from(cipher.output.getBytes(), 'binary');
  const tag = Buffer.from(cipher.mode.tag.getBytes(), 'binary');
  return Buffer.concat([reference.subarray(0, 346), ct, tag]);
}

export default async function packetBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '30' }, 'forge-runs': { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const forgeRuns = Number(values['forge-runs']);
  const now = systemClock.now();
  const pki = makeTestPki(now);
  const input = sampleRegistration({ now, sizes: BENCH_SAMPLE });
  const dir = await mkdtemp(join(tmpdir(), 'packet-bench-'));
  const db = openDatabase(join(dir, 'regclient.db'), randomBytes(32));
  migrate(db);
  const pool = new PacketBuilderPool();
  const service = new PacketService({
    db, audit: new AuditLog(db, systemClock), clock: systemClock, packetsDir: join(dir, 'packets'), builder: pool.build,
    idSchemas: fixedIdSchema(parseIdSchema(SAMPLE_ID_SCHEMA)), regCert: fixedRegistrationCert(pki.regCertPem), machineKeyPkcs8: pki.machineKey.export({ format: 'der', type: 'pkcs8' }),
    host: { hostName: 'bench', hostIp: '127.0.0.1' },
  });
  try {
    await service.build(packetRequest('warmup', input));
    const times: number[] = [];
    let size = 0;
    const stall = monitorEventLoopDelay({ resolution: 1 });
    let worstStall = 0;
    for (let i = 0; i < runs; i++) {
      stall.reset();
      stall.enable();
      const start = performance.now();
      const result = await service.build(packetRequest(`bench-${i}`, input));
      times.push(performance.now() - start);
      stall.disable();
      worstStall = Math.max(worstStall, stall.max / 1e6);
      size = result.size;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    // Read before the forge baseline, whose binary strings would dominate the peak.
    const peakRss = process.resourceUsage().maxRSS / 1024;

    const schema = parseIdSchema(SAMPLE_ID_SCHEMA);
    const parsed = validateRegistration(input, schema);
    const recipient = loadRegistrationCertificate(pki.regCertPem, now);
    const forgeTimes: number[] = [];
    for (let i = 0; i < forgeRuns; i++) {
      const start = performance.now();
      await assemblePacket({
        input: parsed, idSchema: schema, rid: formatRid('10001', '10002', 90000 + i, now), now, recipient, machineKey: pki.machineKey,
        machineKeyIndex: computeKeyIndex(createPublicKey(pki.machineKey)), host: { hostName: 'bench', hostIp: '127.0.0.1' }, envelope: forgeEnvelope,
      });
      forgeTimes.push(performance.now() - start);
    }
    forgeTimes.sort((a, b) => a - b);
    const forgeP50 = percentile(forgeTimes, 50);
    const rows = [
      ['packet size', `${(size / MB).toFixed(2)} MiB (limit 5 MiB)`],
      ['builds', `${runs} (worker, durable write, SQLite commit)`],
      ['p50 wall time', `${p50.toFixed(1)} ms`],
      ['p95 wall time', `${percentile(times, 95).toFixed(1)} ms`],
      ['throughput (p50)', `${(size / MB / (p50 / 1000)).toFixed(1)} MiB/s`],
      ['peak RSS (process, incl. worker)', `${peakRss.toFixed(0)} MiB`],
      ['max main-thread stall', `${worstStall.toFixed(1)} ms`],
      ['node-forge AES-GCM baseline p50', `${forgeP50.toFixed(1)} ms (${forgeRuns} builds, in process)`],
      ['speed-up vs baseline', `${(forgeP50 / p50).toFixed(1)}×`],
    ];
    for (const [k, v] of rows) console.log(`${k!.padEnd(34)} ${v}`);
  } finally {
    await pool.dispose();
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
