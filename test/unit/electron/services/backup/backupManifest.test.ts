import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import type { BackupManifest } from '../../../../../schemas/backup';
import { checkManifestMac, parseManifest, sealManifest } from '../../../../../electron/services/backup/backupManifest';
import { checkBackupPassphrase, deriveBackupSecret, openWithBackupSecret, parseBackupSecret, sealWithBackupSecret, serializeBackupSecret } from '../../../../../electron/services/backup/backupSecret';

const body: Omit<BackupManifest, 'mac'> = {
  format: 'regclient-backup',
  version: 1,
  createdAt: Date.UTC(2026, 10, 22, 18, 0, 0),
  appVersion: '0.1.0',
  schemaVersion: 80,
  machine: { centreId: '10001', machineId: '10002', keyIndex: 'ab:cd' },
  auditHead: { seq: 12, hash: 'f'.repeat(64) },
  packets: 1,
  files: [
    { path: 'regclient.db', kind: 'database', size: 4096, sha256: 'a'.repeat(64) },
    { path: 'packets/p1.zip', kind: 'packet', size: 10, sha256: 'b'.repeat(64) },
  ],
  missingPackets: [],
};
const isCode = (code: string, reason?: RegExp) => (e: unknown) => e instanceof AppError && e.code === code && (reason === undefined || reason.test(String((e.details as { reason?: string }).reason)));

describe('backupManifest and backupSecret', () => {
  it('seals a manifest whose MAC checks under the same passphrase and salt, whatever the key order', async () => {
    const secret = await deriveBackupSecret('Praia-das-Conchas-2026');
    const manifest = parseManifest(sealManifest(secret, body), 'manifest.json');
    checkManifestMac(await deriveBackupSecret('Praia-das-Conchas-2026', secret.kdf), { ...manifest }, 'manifest.json');
    const reordered = Object.fromEntries(Object.entries(manifest).reverse()) as BackupManifest;
    checkManifestMac(secret, reordered, 'manifest.json');
  });

  it('refuses a manifest with one changed field, or checked under another passphrase', async () => {
    const secret = await deriveBackupSecret('Praia-das-Conchas-2026');
    const manifest = parseManifest(sealManifest(secret, body), 'manifest.json');
    assert.throws(() => checkManifestMac(secret, { ...manifest, packets: 2 }, 'manifest.json'), isCode('ERR_BACKUP_MANIFEST_INVALID', /not sealed/));
    const other = await deriveBackupSecret('Praia-das-Conchas-2025', secret.kdf);
    assert.throws(() => checkManifestMac(other, manifest, 'manifest.json'), isCode('ERR_BACKUP_MANIFEST_INVALID'));
  });

  it('names the broken rule of a malformed manifest: a path out of the folder, a bad hash, truncated JSON', async () => {
    const text = sealManifest(await deriveBackupSecret('Praia-das-Conchas-2026'), body);
    const parsed = JSON.parse(text) as BackupManifest;
    assert.throws(() => parseManifest(JSON.stringify({ ...parsed, files: [body.files[0], { ...body.files[1], path: 'packets/../../etc/passwd' }] }), 'm'), isCode('ERR_BACKUP_MANIFEST_INVALID', /^files\.1\.path: no \. or \.\./));
    assert.throws(() => parseManifest(JSON.stringify({ ...parsed, mac: 'xyz' }), 'm'), isCode('ERR_BACKUP_MANIFEST_INVALID', /^mac: a SHA-256/));
    assert.throws(() => parseManifest(text.slice(0, -20), 'm'), isCode('ERR_BACKUP_MANIFEST_INVALID', /truncated/));
  });

  it('seals bytes a wrong passphrase or one flipped bit cannot open, and keeps the derived keys round-trip', async () => {
    const secret = await deriveBackupSecret('Praia-das-Conchas-2026');
    const sealed = sealWithBackupSecret(secret, Buffer.from('the database key'));
    assert.equal(openWithBackupSecret(secret, sealed)?.toString(), 'the database key');
    assert.equal(openWithBackupSecret(await deriveBackupSecret('Praia-das-Conchas-2025', secret.kdf), sealed), undefined);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
    assert.equal(openWithBackupSecret(secret, flipped), undefined);
    assert.deepEqual(parseBackupSecret(serializeBackupSecret(secret)), secret);
  });

  it('refuses a passphrase shorter than 12 characters (counted as characters, not bytes)', () => {
    assert.throws(() => checkBackupPassphrase('Praia-2026!'), isCode('ERR_BACKUP_PASSPHRASE_WEAK'));
    checkBackupPassphrase('São-Tomé-26!');
  });
});
