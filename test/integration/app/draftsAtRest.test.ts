import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import type { RegistrationDraft } from '../../../schemas/registrationForm';
import { openTestServices } from '../../helpers/openTestDataDir';
import { makeTempDir } from '../../helpers/tempDir';
import { two } from './registrationFixtures';

describe('drafts at rest', () => {
  it('keeps a draft’s resident name and document only encrypted in the data dir', async () => {
    const temp = makeTempDir();
    try {
      const { services } = await openTestServices({ dataDir: temp.path });
      const call = (method: string, input: unknown) => services.router.dispatch({ connectionId: 'w', sink: () => undefined }, method, input);
      assert.equal((await call('auth.login', { userId: 'officer1', password: 'Officer#2026' })).ok, true);
      const created = await call('drafts.create', { process: 'NEW', languages: ['por', 'eng'] });
      const draft = (created as { value: RegistrationDraft }).value;
      const name = 'Quaresma Bragança Trovoada';
      assert.equal((await call('drafts.save', { draft: { ...draft, values: { fullName: two(name, name) } } })).ok, true);
      const noise = Buffer.from(Array.from({ length: 64 * 48 * 4 }, (_, i) => (i * 7919) % 251));
      const page = { name: 'id.jpg', mimeType: 'image/jpeg', base64: Buffer.from(jpeg.encode({ data: noise, width: 64, height: 48 }, 90).data).toString('base64') };
      assert.equal((await call('drafts.attachDocument', { draftId: draft.draftId, fieldId: 'proofOfIdentity', documentType: 'CIN', refNumber: 'ST1234567', files: [page] })).ok, true);
      const pdf = (services.data.db.prepare('SELECT bytes FROM draft_documents').get() as { bytes: Buffer }).bytes;
      assert.ok(pdf.length > 1000);
      await services.dispose();
      const bytes = allBytes(temp.path);
      for (const needle of [Buffer.from(name), Buffer.from('ST1234567'), ...[0.25, 0.5, 0.75].map((f) => pdf.subarray(Math.floor(pdf.length * f), Math.floor(pdf.length * f) + 48))]) {
        assert.equal(bytes.includes(needle), false, `found ${needle.subarray(0, 20).toString('hex')}… in clear`);
      }
    } finally {
      temp.remove();
    }
  });
});


function allBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) parts.push(readFileSync(join(entry.parentPath, entry.name)));
  }
  return Buffer.concat(parts);
}
