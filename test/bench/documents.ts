/**
 * `npm run bench -- documents [--runs 3]`: one ~15 MB camera photo (6000 × 4000, noisy, JPEG
 * quality 95, made deterministically by sharp) becomes the stored one-page PDF, by the libvips
 * path (documentToPdf, as the app runs it) and by the pure-JS path it replaced (jpeg-js decode,
 * area-average downscale, jpeg-js encode). Each run is its own Node process, so the peak RSS
 * printed is that path's alone. A figure, not a test.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { documentToPdf } from '../../electron/services/registration/documentToPdf';
import { downscale } from '../../electron/services/registration/review/rgbaDownscale';

const run = promisify(execFile);
/** `baseline`: the same process, file read, nothing converted (Node, tsx and the loaded modules). */
type Path = 'sharp' | 'purejs' | 'baseline';
const PATHS: readonly Path[] = ['sharp', 'purejs', 'baseline'];
const WIDTH = 6000;
const HEIGHT = 4000;
const SIDE = 2000;
const QUALITY = 75;

/** Fine grain over a gradient: a camera photo's texture, which JPEG at quality 95 cannot shrink much. */
async function cameraPhoto(): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let s = 13;
  for (let i = 0; i < raw.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (Math.floor(((i / 3) % WIDTH) / WIDTH * 160) + (s >>> 25)) & 0xff;
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
}

/** The path before issue 13, kept here only to compare. */
async function pureJs(bytes: Uint8Array): Promise<number> {
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 60, maxMemoryUsageInMB: 1024 });
  const small = downscale({ width: img.width, height: img.height, data: img.data }, SIDE);
  const encoded = jpeg.encode({ width: small.width, height: small.height, data: small.data }, QUALITY);
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  page.drawImage(await pdf.embedJpg(new Uint8Array(encoded.data)), { x: 0, y: 0, width: 595.28, height: 841.89 });
  return (await pdf.save()).length;
}

/** Child process: one conversion, then its time and peak RSS as one JSON line. */
async function child(path: Path, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const start = process.hrtime.bigint();
  const size = path === 'baseline' ? 0 : path === 'sharp'
    ? (await documentToPdf([{ name: 'camera.jpg', bytes }], { documentName: 'bench', maxBytes: 50_000_000, maxPixelSide: SIDE, jpegQuality: QUALITY })).bytes.length
    : await pureJs(bytes);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, size, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function measure(path: Path, file: string, runs: number): Promise<{ ms: number[]; size: number; peakRssMb: number }> {
  const results: { ms: number; size: number; peakRssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'run.ts'), 'documents', '--child', path, '--file', file], { env: process.env, maxBuffer: 1 << 20 });
    results.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; size: number; peakRssMb: number });
  }
  return { ms: results.map((r) => r.ms).sort((a, b) => a - b), size: results[0]!.size, peakRssMb: Math.max(...results.map((r) => r.peakRssMb)) };
}

export default async function documentsBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '3' }, child: { type: 'string' }, file: { type: 'string' } } });
  const asChild = PATHS.find((p) => p === values.child);
  if (asChild) return child(asChild, values.file!);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'bench-documents-'));
  try {
    const file = join(dir, 'camera.jpg');
    const photo = await cameraPhoto();
    writeFileSync(file, photo);
    console.log(`camera photo ${WIDTH} × ${HEIGHT}, JPEG q95, ${(photo.length / 1e6).toFixed(1)} MB → one PDF page, longest side ${SIDE} px, JPEG q${QUALITY}; ${runs} runs each, one process per run`);
    for (const [label, path] of [['libvips (sharp), now', 'sharp'], ['jpeg-js + JS downscale, before', 'purejs'], ['baseline: read the file only', 'baseline']] as const) {
      const r = await measure(path, file, runs);
      console.log(`  ${label.padEnd(32)} median ${r.ms[Math.floor(r.ms.length / 2)]!.toFixed(0)} ms, fastest ${r.ms[0]!.toFixed(0)} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB, PDF ${(r.size / 1024).toFixed(0)} KB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
