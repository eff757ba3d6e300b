import type { KeyObject } from 'node:crypto';
import { decryptEnvelope } from '../../electron/services/packets/mosipEnvelope';
import { unzipEntries } from '../../electron/services/packets/unzipEntries';

/**
 * The JSON files of one decrypted subpacket of a packet (ID.json, packet_meta_info.json,
 * audit.json), opened with the registration processor's key for this machine.
 */
export async function openSubpacket(file: Buffer, regKey: KeyObject, name: 'id' | 'evidence'): Promise<Map<string, { identity: unknown }>> {
  const files = await openSubpacketFiles(file, regKey, name);
  return new Map([...files].filter(([n]) => n.endsWith('.json')).map(([n, b]) => [n, JSON.parse(b.toString('utf8')) as { identity: unknown }]));
}

/** Every file of one decrypted subpacket (documents, CBEFF, JSON) by its name in the zip. */
export async function openSubpacketFiles(file: Buffer, regKey: KeyObject, name: 'id' | 'evidence' | 'optional'): Promise<Map<string, Buffer>> {
  const container = await unzipEntries(decryptEnvelope(regKey, file).plain);
  const entry = [...container.keys()].find((k) => k.endsWith(`_${name}.zip`))!;
  return unzipEntries(decryptEnvelope(regKey, container.get(entry)!).plain);
}
