import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../schemas/errors';
import { DEFAULT_MAX_PACKET_BYTES, type PacketBuildRequest, type PacketBuildResult } from '../../../schemas/packet';
import type { IdSchemaJson } from '../../../schemas/registrationIdSchema';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import { systemClock } from '../../../native/time/Clock';
import { createPacketService } from '../../host/createPacketService';
import { openCliDataDir } from '../cliDataDir';
import { writeFileDurably } from '../../services/packets/durableFile';
import { fixedIdSchema } from '../../services/packets/IdSchemaProvider';
import { packetBuildJob, runPacketBuild } from '../../services/packets/packetBuildJob';
import { inspectPacket } from '../../services/packets/packetInspector';
import { parsePacketBuildRequest } from '../../services/packets/parsePacketBuildRequest';
import { REGISTRATION_CERT_PATH, RegistrationCertFile } from '../../services/packets/RegistrationCertProvider';
import { loadRegistrationCertificate } from '../../services/packets/registrationCert';
import { parseIdSchema } from '../../services/packets/registrationValidator';
import { formatRid } from '../../services/packets/rid';
import { BENCH_SAMPLE, sampleRegistration, SMALL_SAMPLE } from '../../services/packets/sampleRegistration';
import type { CliCommand, CliContext } from '../CliCommand';
import { UsageError } from '../runCli';
import { EXIT } from '../exitCodes';
import { existingFile, readPrivateKeyPem, writableFolder } from '../cliFiles';

function readText(path: string, missing: () => Error): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ENOENT') throw missing();
    throw cause;
  }
}

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new UsageError(`${what} file not found: ${path}`);
    throw new UsageError(`${what} file is not JSON: ${path}`);
  }
}

function withRouting(input: unknown, centre: string | undefined, machine: string | undefined): unknown {
  if (!centre && !machine) return input;
  if (typeof input !== 'object' || input === null) return input;
  return { ...input, ...(centre ? { centreId: centre } : {}), ...(machine ? { machineId: machine } : {}) };
}

const sampleInput: CliCommand = {
  words: ['packet', 'sample-input'],
  summary: 'print a valid sample registration (por+eng, 2 documents, 10 fingers, 2 irises, face, 1 exception)',
  usage: '  --scale small|bench   payload sizes (default small; bench ≈ 5 MB as the benchmark uses)',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { scale: { type: 'string', default: 'small' } }, strict: true });
    if (values.scale !== 'small' && values.scale !== 'bench') throw new UsageError('--scale must be small or bench');
    const sample = sampleRegistration({ now: systemClock.now(), sizes: values.scale === 'bench' ? BENCH_SAMPLE : SMALL_SAMPLE });
    ctx.stdout.write(`${JSON.stringify(sample, null, 2)}\n`);
    return EXIT.OK;
  },
};

const BUILD_OPTIONS = {
  input: { type: 'string' },
  out: { type: 'string' },
  centre: { type: 'string' },
  machine: { type: 'string' },
  'reg-cert': { type: 'string' },
  'machine-key': { type: 'string' },
  'id-schema': { type: 'string' },
  'max-bytes': { type: 'string' },
  sequence: { type: 'string' },
} as const;

const build: CliCommand = {
  words: ['packet', 'build'],
  summary: 'build and encrypt one packet from a registration JSON; prints {rid, packetId, file, sha256, size}',
  usage: [
    '  --input FILE          registration JSON (see `packet sample-input`)',
    '  --out DIR             where <packetId>.zip goes (default <data-dir>/packets)',
    '  --centre 10001 --machine 10002   override the centre/machine of the input',
    '  --reg-cert PEM --machine-key PEM  build without a data dir (nothing recorded; RID sequence from --sequence, default 1)',
    '  --id-schema FILE      ID schema JSON (default: MOSIP sample schema)',
    '  --max-bytes N         server packet size limit (default 5242880)',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: BUILD_OPTIONS, strict: true });
    if (!values.input) throw new UsageError('--input FILE is required');
    if (!!values['reg-cert'] !== !!values['machine-key']) throw new UsageError('give both --reg-cert and --machine-key, or neither (data dir keys)');
    const input = withRouting(await readJson(resolve(values.input), 'input'), values.centre, values.machine);
    const idSchema = parseIdSchema(values['id-schema'] ? await readJson(resolve(values['id-schema']), 'ID schema') : SAMPLE_ID_SCHEMA);
    // the one parse of this registration: everything after takes the typed request
    const request = parsePacketBuildRequest({ draftId: 'cli', actor: 'cli', registration: input });
    const maxPacketBytes = values['max-bytes'] ? Number(values['max-bytes']) : DEFAULT_MAX_PACKET_BYTES;
    if (!Number.isInteger(maxPacketBytes) || maxPacketBytes <= 0) throw new UsageError('--max-bytes must be a positive integer');
    const result = values['reg-cert']
      ? await buildWithFlags(values as BuildFlags, request, idSchema, maxPacketBytes)
      : await buildInDataDir(ctx, values.out, request, idSchema, maxPacketBytes);
    ctx.stdout.write(`${JSON.stringify(result)}\n`);
    return EXIT.OK;
  },
};

type BuildFlags = { 'reg-cert': string; 'machine-key': string; out?: string; sequence?: string };

async function buildWithFlags(flags: BuildFlags, request: PacketBuildRequest, idSchema: IdSchemaJson, maxPacketBytes: number): Promise<PacketBuildResult> {
  if (!flags.out) throw new UsageError('--out DIR is required with --reg-cert/--machine-key');
  // before the build: a bad --out must fail in a moment, not after (or instead of) the work
  const dir = writableFolder('--out', flags.out);
  const regCertPem = readText(resolve(flags['reg-cert']), () => new AppError('ERR_PACKET_REG_CERT_MISSING', { path: resolve(flags['reg-cert']) }));
  const keyPath = resolve(flags['machine-key']);
  let machineKey: KeyObject;
  try {
    machineKey = createPrivateKey(readText(keyPath, () => new AppError('ERR_PACKET_MACHINE_KEY_MISSING', { path: keyPath })));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('ERR_PACKET_MACHINE_KEY_MISSING', { path: keyPath }, { cause: err });
  }
  const now = systemClock.now();
  const sequence = flags.sequence ? Number(flags.sequence) : 1;
  const { centreId, machineId } = request.registration;
  const job = packetBuildJob(request, {
    idSchema, cert: loadRegistrationCertificate(regCertPem, now), now, allocateRid: () => formatRid(centreId, machineId, sequence, now),
    machineKeyPkcs8: machineKey.export({ format: 'der', type: 'pkcs8' }), host: { hostName: hostname(), hostIp: '127.0.0.1' }, maxPacketBytes,
  });
  const out = await runPacketBuild(job);
  const file = await writeFileDurably(dir, `${out.packetId}.zip`, out.bytes);
  return { rid: out.rid, packetId: out.packetId, file, sha256: out.sha256, size: out.bytes.length };
}

async function buildInDataDir(ctx: CliContext, outDir: string | undefined, request: PacketBuildRequest, idSchema: IdSchemaJson, maxPacketBytes: number): Promise<PacketBuildResult> {
  // before the data dir: a machine that never synced is told so, whatever else is missing
  const regCert = new RegistrationCertFile(join(ctx.dataDir, REGISTRATION_CERT_PATH));
  regCert.current(systemClock.now());
  const packetsDir = outDir ? writableFolder('--out', outDir) : undefined;
  const data = openCliDataDir(ctx);
  try {
    const service = createPacketService(data, { builder: runPacketBuild, idSchemas: fixedIdSchema(idSchema), regCert, maxPacketBytes, ...(packetsDir ? { packetsDir } : {}) });
    return await service.build(request);
  } finally {
    data.close();
  }
}

const inspect: CliCommand = {
  words: ['packet', 'inspect'],
  summary: 'decrypt a packet and run every server check; exit 1 when any fails',
  usage: [
    '  --packet FILE         the <packetId>.zip to check',
    '  --reg-key PEM         registration-processor private key (PKCS#8) for REGISTRATION/<centre>_<machine>',
    '  --machine-cert PEM    machine certificate or public key (signatures are not checked without it)',
    '  --reg-cert PEM        REGISTRATION certificate: checks the envelope thumbprints',
    '  --id-schema FILE      ID schema JSON (default: MOSIP sample schema)',
    '  --json                print the report as JSON',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { packet: { type: 'string' }, 'reg-key': { type: 'string' }, 'machine-cert': { type: 'string' }, 'reg-cert': { type: 'string' }, 'id-schema': { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.packet || !values['reg-key']) throw new UsageError('--packet FILE and --reg-key PEM are required');
    const packetPath = existingFile('--packet', values.packet, (path) => new AppError('ERR_PACKET_NOT_FOUND', { path }));
    const regKey = readPrivateKeyPem('--reg-key', values['reg-key']);
    const bytes = await readFile(packetPath);
    const machineCert = values['machine-cert'];
    const regCert = values['reg-cert'];
    const report = await inspectPacket({
      bytes,
      fileName: basename(packetPath),
      regKey,
      ...(machineCert ? { machinePublicKey: createPublicKey(readText(resolve(machineCert), () => new UsageError(`--machine-cert file not found: ${machineCert}`))) } : {}),
      // Thumbprint only: an expired certificate must not hide what is in an old packet.
      ...(regCert ? { regThumbprint: loadRegistrationCertificate(readText(resolve(regCert), () => new UsageError(`--reg-cert file not found: ${regCert}`)), certValidityMidpoint(regCert)).thumbprint } : {}),
      idSchema: parseIdSchema(values['id-schema'] ? await readJson(resolve(values['id-schema']), 'ID schema') : SAMPLE_ID_SCHEMA),
    });
    if (values.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else for (const c of report.checks) ctx.stdout.write(`${c.ok ? 'OK  ' : 'FAIL'} ${c.check}${c.detail ? `  ${c.detail}` : ''}\n`);
    const failed = report.checks.filter((c) => !c.ok);
    if (failed.length > 0) throw new AppError('ERR_PACKET_VERIFY_FAILED', { failed: failed.length, first: failed[0]!.check });
    if (!values.json) ctx.stdout.write(`packet ${report.packetId} passes all ${report.checks.length} checks\n`);
    return EXIT.OK;
  },
};

/** A time inside the certificate's validity, so inspect can read packets made under an expired one. */
function certValidityMidpoint(path: string): number {
  const cert = new X509Certificate(readFileSync(resolve(path)));
  return (Date.parse(cert.validFrom) + Date.parse(cert.validTo)) / 2;
}

/** `regclient packet …` commands. */
export const packetCommands: CliCommand[] = [sampleInput, build, inspect];
