import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportResult } from '../../../../schemas/api/syncApi';
import { AppError } from '../../../../schemas/errors';
import { ExportManifest } from '../../../../schemas/outbox';
import type { MachineKey } from '../../../../native/keystore/machineKeyStore';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { listOutboxInStates, patchOutbox } from '../../db/repos/outbox';
import { checkExportDestination, nodeExportFs, placeDurably, type ExportFs } from './exportDestination';
import { fileSha256 } from './fileSha256';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.sig';

export interface PacketExportOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly packetsDir: string;
  readonly machineKey: MachineKey;
  readonly centreId: string;
  readonly machineId: string;
  /** the data dir an export may not go into; default: the parent of `packetsDir` */
  readonly dataDir?: string;
  /** file operations (tests see their order or make one fail) */
  readonly fs?: ExportFs;
}

/**
 * "Save to device" (incumbent §4.4): copies every decided, not yet uploaded packet to a folder or
 * USB stick with `manifest.json` (RID, packetId, hash, size, supervisor decision) and a detached
 * RSA-SHA256 signature by the machine key, then marks them EXPORTED. Status reconcile later asks
 * the server about them by RID (OutboxService.pollStatuses); an EXPORTED packet still goes up by
 * the network when the centre is online (OutboxService.run) or after a requeue.
 * Each file is written under a temp name, fsynced, renamed; the folder is fsynced after the last
 * rename, and only then are the rows marked EXPORTED: a stick pulled out or a power cut mid-export
 * leaves the packets in the outbox, never "exported" with no complete copy anywhere.
 */
export class PacketExportService {
  readonly #o: PacketExportOptions;

  constructor(options: PacketExportOptions) {
    this.#o = options;
  }

  /**
   * @throws AppError ERR_SYNC_EXPORT_DIR_MISSING / _NOT_A_DIRECTORY / _NOT_WRITABLE / _IN_DATA_DIR
   *   (checked before anything is written), ERR_SYNC_EXPORT_FAILED
   */
  async export(dir: string, actor: string | null): Promise<ExportResult> {
    const { db, clock } = this.#o;
    const fs = this.#o.fs ?? nodeExportFs;
    await checkExportDestination(dir, this.#o.dataDir ?? dirname(this.#o.packetsDir), fs);
    const items = listOutboxInStates(db, ['READY', 'SYNCED']);
    const entries: ExportManifest['packets'] = [];
    const skipped: ExportResult['skipped'] = [];
    try {
      for (const item of items) {
        const source = join(this.#o.packetsDir, item.fileName);
        const actual = await fileSha256(source).catch((err: unknown) => `unreadable: ${(err as Error).message}`);
        if (actual !== item.sha256.toUpperCase()) {
          skipped.push({ rid: item.rid, reason: actual.startsWith('unreadable') ? actual : 'hash mismatch' });
          continue;
        }
        await placeDurably(fs, dir, item.fileName, { source });
        entries.push({ packetId: item.packetId, rid: item.rid, fileName: item.fileName, registrationType: item.process, sha256: item.sha256, size: item.size, supervisorStatus: item.supervisorStatus === 'REJECTED' ? 'REJECTED' : 'APPROVED', supervisorComment: item.supervisorComment });
      }
      const manifest: ExportManifest = {
        format: 'regclient-export/1', centreId: this.#o.centreId, machineId: this.#o.machineId, keyIndex: this.#o.machineKey.keyIndex,
        machinePublicKey: this.#o.machineKey.spkiDer.toString('base64'), exportedAt: new Date(clock.now()).toISOString(), exportedBy: actor, packets: entries,
      };
      const bytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
      await placeDurably(fs, dir, MANIFEST_FILE, { bytes });
      await placeDurably(fs, dir, SIGNATURE_FILE, { bytes: Buffer.from(`${sign('sha256', bytes, this.#o.machineKey.privateKey).toString('base64')}\n`) });
      await fs.syncDir(dir);
    } catch (cause) {
      throw new AppError('ERR_SYNC_EXPORT_FAILED', { dir, reason: (cause as Error).message }, { cause });
    }
    const now = clock.now();
    db.transaction(() => {
      for (const e of entries) {
        const item = items.find((i) => i.packetId === e.packetId)!;
        patchOutbox(db, item.packetId, item.state, { state: 'EXPORTED', exportedAt: now }, now);
        this.#o.audit.append('PACKET_EXPORTED', actor, { packetId: e.packetId, rid: e.rid, dir });
      }
    })();
    return { dir, rids: entries.map((e) => e.rid), skipped };
  }
}

/**
 * Checks an export folder: the manifest's signature with the machine key it names (and, when
 * given, that this is the expected key), then every packet file's size and SHA-256.
 * @throws AppError ERR_SYNC_MANIFEST_INVALID
 */
export async function verifyExport(dir: string, expectedKey?: KeyObject): Promise<ExportManifest> {
  const fail = (reason: string): never => {
    throw new AppError('ERR_SYNC_MANIFEST_INVALID', { dir, reason });
  };
  let bytes: Buffer;
  let signature: Buffer;
  let json: unknown;
  try {
    bytes = await readFile(join(dir, MANIFEST_FILE));
    signature = Buffer.from((await readFile(join(dir, SIGNATURE_FILE), 'utf8')).trim(), 'base64');
    json = JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (cause) {
    return fail(`cannot read the manifest: ${(cause as Error).message}`);
  }
  const parsed = ExportManifest.safeParse(json);
  if (!parsed.success) return fail(`manifest shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const key = createPublicKey({ key: Buffer.from(parsed.data.machinePublicKey, 'base64'), format: 'der', type: 'spki' });
  if (expectedKey && !key.equals(expectedKey)) fail('signed by another machine key');
  if (!verify('sha256', bytes, key, signature)) fail('signature does not match the manifest');
  for (const p of parsed.data.packets) {
    const actual = await fileSha256(join(dir, p.fileName)).catch(() => 'missing');
    if (actual !== p.sha256.toUpperCase()) fail(`${p.fileName}: ${actual === 'missing' ? 'missing' : 'hash mismatch'}`);
  }
  return parsed.data;
}
