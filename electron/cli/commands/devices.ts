import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SbiClient } from '../../../native/sbi/SbiClient';
import { parsePortRange } from '../../../native/sbi/SbiClientOptions';
import { TrustStore } from '../../../native/sbi/TrustStore';
import { errorSpec, isErrorCode } from '../../../schemas/errors';
import { BioSubType, Modality } from '../../../schemas/sbi';
import type { CliCommand, CliContext } from '../CliCommand';
import { UsageError } from '../runCli';
import { readCertificatePem, writableFolder } from '../cliFiles';
import { EXIT } from '../exitCodes';

/**
 * `regclient devices list|capture|stream`: the SBI client from the command line, for integrators
 * and support. Trust anchors come from `--trust-ca` (the synced CA store joins later).
 */

const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  'trust-ca': { type: 'string', multiple: true, default: [] as string[] },
  ports: { type: 'string', default: '4501-4600' },
  'hash-chain': { type: 'string', default: 'strict' },
} as const;

const COMMON_USAGE = `  --trust-ca PEM      trust this device CA certificate (repeatable)
  --ports FROM-TO     ports to scan (default 4501-4600; a comma list also works)
  --hash-chain MODE   strict (default) or warn
  --json              machine-readable output`;

async function clientFrom(values: { 'trust-ca': string[]; ports: string; 'hash-chain': string }): Promise<SbiClient> {
  const trust = new TrustStore();
  for (const path of values['trust-ca']) trust.addPem(readCertificatePem('--trust-ca', path));
  let ports: { from: number; to: number } | number[];
  try {
    // FROM-TO, or a comma list (tests pass the simulator's OS-assigned ports)
    ports = values.ports.includes(',') ? values.ports.split(',').map((p) => parsePortRange(`${p}-${p}`).from) : parsePortRange(values.ports);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const policy = values['hash-chain'];
  if (policy !== 'strict' && policy !== 'warn') throw new UsageError('--hash-chain must be strict or warn');
  return new SbiClient({ trust, ports, hashChainPolicy: policy });
}

function write(ctx: CliContext, text: string): void {
  ctx.stdout.write(`${text}\n`);
}

async function runList(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: COMMON_OPTIONS, strict: true });
  const client = await clientFrom(values);
  const result = await client.discover();
  // Nothing usable is not success: a script must not go on to capture with no device.
  const code = result.devices.length === 0 ? EXIT.INCOMPLETE : EXIT.OK;
  if (values.json) {
    write(ctx, JSON.stringify(result, null, 2));
    return code;
  }
  write(ctx, `scanned ${result.scannedPorts} ports in ${result.elapsedMs.toFixed(0)} ms`);
  for (const d of result.devices) {
    write(ctx, `  ${String(d.port).padEnd(5)} ${`${d.digitalId.type}/${d.digitalId.deviceSubType}`.padEnd(16)} ${d.state.padEnd(13)} ${d.digitalId.make} ${d.digitalId.model} serial ${d.digitalId.serialNo} (${d.certification}, subIds ${d.deviceSubIds.join(',')})`);
  }
  for (const r of result.rejected) {
    const action = (isErrorCode(r.code) ? errorSpec(r.code).operatorAction : undefined) ?? 'callSupport';
    write(ctx, `  ${String(r.port).padEnd(5)} rejected: ${r.code} (${r.message}); action: ${action}`);
  }
  if (result.devices.length === 0 && result.rejected.length === 0) write(ctx, '  no device service answered');
  if (values['trust-ca'].length === 0 && result.rejected.some((r) => r.code === 'ERR_SBI_CERT_UNTRUSTED')) write(ctx, 'hint: no trust anchor given; pass --trust-ca with the device CA certificate');
  if (code !== EXIT.OK) write(ctx, `no usable device (exit ${code}): connect the device and start its SBI service, or fix what each rejected line says`);
  return code;
}

/** `left-thumb` / `Left Thumb` / `left-index` → MDS name. */
function exceptionName(text: string): BioSubType {
  const direct = BioSubType.safeParse(text);
  if (direct.success) return direct.data;
  const words = text.toLowerCase().split(/[-_ ]+/);
  const side = words[0] === 'left' ? 'Left' : words[0] === 'right' ? 'Right' : undefined;
  const finger = { index: 'IndexFinger', middle: 'MiddleFinger', ring: 'RingFinger', little: 'LittleFinger', thumb: 'Thumb' }[words[1] ?? ''];
  const name = side && (finger ? `${side} ${finger}` : words.length === 1 || words[1] === 'iris' || words[1] === 'eye' ? side : undefined);
  const parsed = BioSubType.safeParse(name);
  if (!parsed.success) throw new UsageError(`unknown exception ${text}: use e.g. left-thumb, right-index, left (iris)`);
  return parsed.data;
}

async function runCapture(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON_OPTIONS, modality: { type: 'string' }, exception: { type: 'string', multiple: true, default: [] as string[] } }, strict: true });
  const modality = Modality.safeParse(values.modality);
  if (!modality.success || modality.data === 'exception-photo') throw new UsageError('--modality must be left-slap, right-slap, thumbs, iris or face');
  const exceptions = values.exception.map(exceptionName);
  const client = await clientFrom(values);
  // face with exceptions is the exception photo (sbi-protocol.md §5)
  const effective: Modality = modality.data === 'face' && exceptions.length > 0 ? 'exception-photo' : modality.data;
  // on a terminal only: say what is awaited and for how long, so a person at the scanner knows
  if (ctx.stderrIsTTY === true) ctx.stderr.write(`capturing ${effective}: present it to the device now (each attempt times out after ${client.options.captureTimeoutMs / 1000} s)\n`);
  const outcome = await client.captureWithPolicy({ modality: effective, exceptions, previousHash: '' });
  if (values.json) {
    write(ctx, JSON.stringify(outcome, null, 2));
    return EXIT.OK;
  }
  const r = outcome.result;
  write(ctx, `${effective}: attempt ${outcome.attempt} of ${outcome.attempts.length} kept, mean quality ${r.averageQuality.toFixed(1)} (threshold ${outcome.threshold})${outcome.isForceCaptured ? ', FORCE-CAPTURED' : ''}`);
  write(ctx, `device ${r.deviceSerialNo}, transaction ${r.transactionId}`);
  for (const b of r.biometrics) write(ctx, `  ${(b.bioSubType ?? b.bioType).padEnd(18)} quality ${b.qualityScoreText.padEnd(5)} ISO ${Buffer.from(b.bioValue, 'base64url').length} bytes  hash ${b.hash}`);
  if (r.exceptions.length > 0) write(ctx, `exceptions: ${r.exceptions.join(', ')}`);
  for (const w of r.warnings) write(ctx, `warning: ${w}`);
  return EXIT.OK;
}

async function runStream(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON_OPTIONS, modality: { type: 'string', default: 'face' }, frames: { type: 'string', default: '10' }, out: { type: 'string' } }, strict: true });
  const modality = Modality.safeParse(values.modality);
  if (!modality.success || modality.data === 'exception-photo') throw new UsageError('--modality must be left-slap, right-slap, thumbs, iris or face');
  const frames = Number(values.frames);
  if (!Number.isInteger(frames) || frames < 1) throw new UsageError('--frames must be a positive integer');
  if (!values.out) throw new UsageError('--out DIR is required');
  const outDir = writableFolder('--out', values.out);
  const client = await clientFrom(values);
  const written: string[] = [];
  for await (const frame of client.stream({ modality: modality.data, maxFrames: frames })) {
    const path = join(outDir, `frame-${String(frame.index).padStart(4, '0')}.jpg`);
    await writeFile(path, frame.jpeg);
    written.push(path);
  }
  write(ctx, values.json ? JSON.stringify({ frames: written }) : `${written.length} frames written to ${outDir}`);
  return EXIT.OK;
}

export const devicesCommands: CliCommand[] = [
  { words: ['devices', 'list'], summary: 'discover biometric devices (SBI) and show their verified state; exit 4 when none is usable', usage: COMMON_USAGE, run: runList },
  {
    words: ['devices', 'capture'],
    summary: 'capture one modality with every device check and the quality policy',
    usage: `  --modality M        left-slap | right-slap | thumbs | iris | face
  --exception NAME    missing finger/iris, e.g. left-thumb (repeatable); with face: exception photo
${COMMON_USAGE}`,
    run: runCapture,
  },
  {
    words: ['devices', 'stream'],
    summary: 'save N live-preview (MJPEG) frames of a device as JPEG files',
    usage: `  --modality M        device to preview (default face)
  --frames N          frames to save (default 10)
  --out DIR           folder for frame-NNNN.jpg
${COMMON_USAGE}`,
    run: runStream,
  },
];
