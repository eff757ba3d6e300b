import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { TRUST_DIR } from '../../electron/services/devices/TrustAnchorService';
import { issueTestCertificate, newRsaKeyPem, selfSignedCa } from '../helpers/testCertificates';
import { seriousA11yViolations } from './helpers/axe';
import { logIn } from './helpers/logIn';
import { itSavingArtifacts } from './helpers/startApp';
import { useStartedApp } from './helpers/useStartedApp';

const DAY = 86_400_000;

/**
 * Settings → Device certificates in the real app (browser host, demo data, no simulators): a
 * supervisor adds a CA from a file, sees a refused leaf's message, removes a local one after a
 * confirmation; an expired one is flagged in words; officers see the table read-only; axe clean.
 */
describe('device certificates in settings (browser host, Debian Chromium)', () => {
  // a fresh app per test, as before: the tests add and remove CAs in the data dir's trust folder
  const e2e = useStartedApp({ appPer: 'test', timeoutMs: 10_000, openPage: {} });

  const it = itSavingArtifacts(e2e.current);
  const rows = () => e2e.page.getByTestId('trust-anchor');
  const rowTexts = async () => (await rows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

  it('lets a supervisor add a CA from a file and remove it after confirming; an expired one is flagged in words', async () => {
    const { page, app } = e2e;
    // An expired CA a technician copied into the trust folder by hand.
    const key = newRsaKeyPem();
    const now = Date.now();
    mkdirSync(join(app.dataDir, TRUST_DIR), { recursive: true });
    writeFileSync(join(app.dataDir, TRUST_DIR, 'old-provider.pem'), selfSignedCa(key, 'Old Provider CA', now - 400 * DAY, now - DAY));
    const caPem = selfSignedCa(key, 'Test ROOT', now - DAY, now + 365 * DAY);
    const leafPem = issueTestCertificate({ subjectCn: 'MACHINE-10001_10002', subjectKeyPem: key, issuerCn: 'Test ROOT', issuerKeyPem: key, notBefore: new Date(now - DAY), notAfter: new Date(now + DAY), ca: false });

    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Device certificates' }).waitFor();
    await rows().first().waitFor();
    assert.deepEqual(await rowTexts(), [`Old Provider CA Added on this machine old-provider.pem ${await validUntil(page, now - DAY)} Expired Remove`]);
    assert.deepEqual(await seriousA11yViolations(page), []);

    const file = page.getByLabel('Add a certificate file (.pem or .crt)');
    await file.setInputFiles({ name: 'root.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(caPem) });
    await page.getByText('Certificate added. It is used from the next device search.').waitFor();
    assert.equal(await rows().count(), 2);
    assert.match((await rowTexts()).find((t) => t.startsWith('Test ROOT')) ?? '', /^Test ROOT Added on this machine [0-9a-f]{64}\.pem .+ Valid Remove$/);

    await file.setInputFiles({ name: 'device.crt', mimeType: 'application/x-x509-ca-cert', buffer: Buffer.from(leafPem) });
    const refusal = page.locator('[data-error-code="ERR_SBI_TRUST_ANCHOR_NOT_CA"]');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /"MACHINE-10001_10002" belongs to a device, not to a certificate authority/);
    assert.equal(await rows().count(), 2, 'a refused file changes nothing');

    const removeButton = page.getByRole('button', { name: 'Remove Test ROOT' });
    await removeButton.click();
    const dialog = page.getByRole('dialog', { name: 'Remove this device certificate?' });
    await dialog.waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await rows().count(), 2, 'Escape cancels');
    await removeButton.click();
    await dialog.getByRole('button', { name: 'Remove certificate' }).click();
    await page.getByText(/^Certificate removed\./).waitFor();
    assert.deepEqual((await rowTexts()).map((t) => t.split(' Added')[0]), ['Old Provider CA']);
  });

  it('shows officers the certificates read-only, also in Arabic (right to left)', async () => {
    const { page, app } = e2e;
    mkdirSync(join(app.dataDir, TRUST_DIR), { recursive: true });
    writeFileSync(join(app.dataDir, TRUST_DIR, 'provider.pem'), selfSignedCa(newRsaKeyPem(), 'Test ROOT', Date.now() - DAY, Date.now() + 365 * DAY));
    await logIn(page, 'officer1', 'Officer#2026');
    await page.getByRole('button', { name: 'Settings' }).click();
    await rows().first().waitFor();
    assert.match((await rowTexts())[0] ?? '', /^Test ROOT Added on this machine provider\.pem .+ Valid$/);
    assert.equal(await page.getByRole('button', { name: /^Remove/ }).count(), 0);
    assert.equal(await page.getByLabel('Add a certificate file (.pem or .crt)').count(), 0);
    await page.getByTestId('language-select').selectOption('ara');
    await page.getByRole('heading', { name: 'شهادات الأجهزة' }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.match((await rowTexts())[0] ?? '', /صالحة/);
    assert.deepEqual(await seriousA11yViolations(page), []);
  });
});

/** The date as the page formats it (English, the browser's time zone). */
async function validUntil(page: Page, epochMs: number): Promise<string> {
  // the certificate stores whole seconds
  const ms = Math.floor(epochMs / 1000) * 1000;
  return page.evaluate((t) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(t), ms);
}
