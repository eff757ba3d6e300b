import { createHash, createPublicKey } from 'node:crypto';
import yauzl from 'yauzl';
import type { SimKeyPair } from './simPki';
import { deviceProblem } from './deviceCheck';
import { envelopeDecrypt, rsaSha256Verify, unb64 } from './simCrypto';

const SUBPACKETS = ['id', 'evidence', 'optional'] as const;

export interface PacketCheckResult {
  readonly ok: boolean;
  readonly reason: string | null;
  /** the fields of the subpackets' ID.json, id's first (what the UIN generator stage sends to idrepo) */
  readonly idJson?: Record<string, unknown> | null;
}

/**
 * The simulator's own packet validation, after MOSIP's uploader + PacketKeeper (§1.1, §1.10, §2.3):
 * outer envelope → container zip → for each of id/evidence/optional: `.json` metadata, encryptedhash
 * over the encrypted subpacket, envelope decrypt, machine signature over the plaintext subpacket zip;
 * then the cmd-validator's device timestamps (deviceCheck.ts).
 * It shares no code with the client's packet engine on purpose.
 */
export async function checkPacket(bytes: Buffer, regKey: SimKeyPair, machineSignPublicKey: string | null, rid: string): Promise<PacketCheckResult> {
  try {
    const container = envelopeDecrypt(regKey.privateKey, regKey.certDer, bytes);
    const entries = await unzip(container);
    let idJson: Record<string, unknown> = {};
    for (const name of SUBPACKETS) {
      const zipEntry = [...entries.keys()].find((k) => k.endsWith(`/${rid}_${name}.zip`));
      const jsonEntry = [...entries.keys()].find((k) => k.endsWith(`/${rid}_${name}.json`));
      if (!zipEntry || !jsonEntry) return fail(`subpacket ${rid}_${name} is missing`);
      const encrypted = entries.get(zipEntry)!;
      const meta = JSON.parse(entries.get(jsonEntry)!.toString('utf8')) as Record<string, unknown>;
      const expectedHash = createHash('sha256').update(encrypted).digest();
      if (typeof meta['encryptedhash'] !== 'string' || !unb64(meta['encryptedhash']).equals(expectedHash)) {
        return fail(`${rid}_${name}: encryptedhash does not match the encrypted subpacket`);
      }
      const plain = envelopeDecrypt(regKey.privateKey, regKey.certDer, encrypted);
      if (machineSignPublicKey !== null) {
        const key = createPublicKey({ key: unb64(machineSignPublicKey), format: 'der', type: 'spki' });
        if (typeof meta['signature'] !== 'string' || !rsaSha256Verify(key, plain, unb64(meta['signature']))) {
          return fail(`${rid}_${name}: machine signature does not verify`);
        }
      }
      const files = await unzip(plain); // the subpacket itself must be a readable zip
      const problem = deviceProblem(files);
      if (problem) return fail(problem);
      // the packet reader takes each field from the first subpacket that has it, id first
      idJson = { ...identityOf(files.get('ID.json')), ...idJson };
    }
    return { ok: true, reason: null, idJson };
  } catch (err) {
    return fail(`packet cannot be opened: ${(err as Error).message}`);
  }
}

/** ID.json's `identity` object, or nothing when the file is absent or not that shape. */
function identityOf(file: Buffer | undefined): Record<string, unknown> {
  if (!file) return {};
  const parsed = JSON.parse(file.toString('utf8')) as { identity?: unknown };
  return typeof parsed.identity === 'object' && parsed.identity !== null ? (parsed.identity as Record<string, unknown>) : {};
}

function fail(reason: string): PacketCheckResult {
  return { ok: false, reason };
}

/** Reads every entry of an in-memory zip. */
async function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of stream) chunks.push(chunk as Buffer);
        } catch (streamErr) {
          return reject(streamErr as Error);
        }
        out.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.readEntry();
  });
  return out;
}
