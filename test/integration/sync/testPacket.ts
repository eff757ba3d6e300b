import { createHash, createSign, type KeyObject } from 'node:crypto';
import yazl from 'yazl';
import type { SimKeyPair } from '../../sims/mosip/simPki';
import { envelopeEncrypt } from '../../sims/mosip/simCrypto';

async function zip(entries: Readonly<Record<string, Buffer>>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(data, name, { mtime: new Date(Date.UTC(2026, 0, 1)) });
  z.end();
  const chunks: Buffer[] = [];
  for await (const chunk of z.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface TestPacket {
  readonly rid: string;
  readonly packetId: string;
  readonly bytes: Buffer;
  /** uppercase hex SHA-256, as sent in the RID sync */
  readonly hash: string;
}

/**
 * A minimal but structurally real 1.2 packet (§1.1, §1.10), built by the test with the simulator's
 * crypto — not by the packet engine — so the outbox pieces can be tested before the engine lands.
 * `tamper` breaks one subpacket's signature to exercise rejection.
 */
export async function buildTestPacket(reg: SimKeyPair, machinePrivateKey: KeyObject, rid: string, options: { tamper?: boolean } = {}): Promise<TestPacket> {
  const refId = '10001_10002';
  const packetId = `${rid}-${refId}-20261122090000`;
  const container: Record<string, Buffer> = {};
  for (const name of ['id', 'evidence', 'optional']) {
    const plain = await zip({ 'ID.json': Buffer.from(JSON.stringify({ identity: { IDSchemaVersion: 0.1, name } })) });
    const encrypted = envelopeEncrypt(reg.publicKey, reg.certDer, plain);
    const signed = options.tamper && name === 'evidence' ? Buffer.concat([plain, Buffer.from('x')]) : plain;
    const meta = {
      id: packetId,
      packetname: `${rid}_${name}`,
      source: 'REGISTRATION_CLIENT',
      process: 'NEW',
      schemaversion: '0.1',
      signature: createSign('sha256').update(signed).sign(machinePrivateKey).toString('base64url'),
      encryptedhash: createHash('sha256').update(encrypted).digest('base64url'),
      providername: 'PacketWriterImpl',
      providerversion: 'v1.0',
      creationdate: '2026-11-22T09:00:00.000Z',
      refid: refId,
    };
    container[`REGISTRATION_CLIENT/NEW/${rid}_${name}.zip`] = encrypted;
    container[`REGISTRATION_CLIENT/NEW/${rid}_${name}.json`] = Buffer.from(JSON.stringify(meta));
  }
  const bytes = envelopeEncrypt(reg.publicKey, reg.certDer, await zip(container));
  return { rid, packetId, bytes, hash: createHash('sha256').update(bytes).digest('hex').toUpperCase() };
}
