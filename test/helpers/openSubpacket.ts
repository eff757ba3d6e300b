import type { KeyObject } from 'node:crypto';
import { decryptEnvelope } from '../../electron/services/packets/mosipEnvelope';
import { unzipEntries } from '../../electron/services/packets/unzipEntries';

/**
 * The JSON files of one decrypted subpacket of a packet (ID.json, packet_meta_info.json,
 * audit.json), opened with the registration processor's key for this machine.
 */
export async function openSubpacket(file: Buffer, regKey: KeyObject, name: 'id' | 'evidence'): Promise<Map<string, { identity: unknown }>> {
  const container = await unzipEntries(decryptEnvelope(regKey, file).plain);
  const entry = [...container.keys()].find((k) => k.endsWith(`_${name}.zip`))!;
  const files = await unzipEntries(decryptEnvelope(regKey, container.get(entry)!).plain);
  return new Map([...files].filter(([n]) => n.endsWith('.json')).map(([n, b]) => [n, JSON.parse(b.toString('utf8')) as { identity: unknown }]));
}
