import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { admin } from '../integration/sync/syncTestBed';
import { isoDay, PARENT_UIN } from '../integration/app/crvsFixtures';
import { OpenCrvsSimulator } from '../sims/opencrvs/OpenCrvsSimulator';
import { logIn } from './helpers/logIn';
import { introducerCaptureAndSubmit } from './helpers/introducerAndSubmit';
import { openPacket } from './helpers/packetSlots';
import { itSavingArtifacts } from './helpers/startApp';
import { startProcess } from './helpers/startProcess';
import { useInProcessApp } from './helpers/useInProcessApp';

const DAY = 86_400_000;
const CLIENT = { id: 'regclient-stp', secret: 'registry-secret-0123456789' };

/**
 * Issue 16: on the CRVS_NEW birth record screen, in Portuguese, the officer fetches the birth record
 * from the civil registry (OpenCRVS simulated) by its number, sees which fields it filled, goes on
 * and back, changes the number, fetches the other record and submits; the decrypted packet holds
 * the second record. Browser host over real services, MOSIP, SBI and OpenCRVS simulators. Needs
 * `npm run build`.
 */
describe('fetching a birth record from the civil registry in the app (browser host, Portuguese UI)', () => {
  // one test, one page: the page's clock is the back end's (22 November 2026)
  const e2e = useInProcessApp({ server: true, timeoutMs: 30_000, openPage: true });
  let crvs: OpenCrvsSimulator;

  before(async () => {
    const { app } = e2e;
    const now = () => app.backEnd.clock.now();
    crvs = await new OpenCrvsSimulator('unused-graphql-token-0123456789', { now }).start();
    crvs.registry.clients.set(CLIENT.id, CLIENT.secret);
    const child = (firstname: string, dob: number) => ({ firstname, surname: 'Trovoada', dob: isoDay(dob), gender: 'female' });
    crvs.registry.addBirth({ registrationNumber: 'AG-2026/00501', registeredOn: isoDay(now() - 4 * DAY), child: child('Ana', now() - 20 * DAY), mother: { firstname: 'Maria da Graça', surname: 'Quaresma', nid: PARENT_UIN } });
    crvs.registry.addBirth({ registrationNumber: 'AG-2026/00502', registeredOn: isoDay(now() - 2 * DAY), child: child('Beatriz', now() - 12 * DAY), mother: { firstname: 'Maria da Graça', surname: 'Quaresma', nid: PARENT_UIN } });
    // a supervisor's settings: online delivery, the registry named, its client secret stored
    const { settings, crvsRegistrySecret } = app.backEnd.services;
    const current = settings.get();
    settings.update({ ...current, civilRegistration: { ...current.civilRegistration, delivery: 'online', appId: 'regproc', clientId: 'opencrvs-partner', source: 'OPENCRVS', registry: { searchUrl: `${crvs.url}/api/events`, tokenUrl: `${crvs.url}/auth/token`, clientId: CLIENT.id } } }, 'supervisor1');
    crvsRegistrySecret.set(CLIENT.secret, 'supervisor1');
  });
  after(async () => {
    await crvs?.close();
  });

  const it = itSavingArtifacts(e2e.current, { prefix: 'civil registry fetch' });
  const heading = (name: string) => e2e.page.getByRole('heading', { level: 1, name, exact: true });
  const filled = async () => (await e2e.page.locator('#birth-record-message li[data-field]').evaluateAll((items) => items.map((i) => i.getAttribute('data-field')))).sort();

  it('fetches, sees the fields filled, goes back, fetches another number, submits: the packet holds the second record', async () => {
    const { page, app } = e2e;
    await logIn(page, 'officer1', 'Officer#2026');
    await startProcess(page, { process: 'Birth (civil registration)', firstScreen: 'Birth record' });
    await page.getByTestId('language-select').selectOption('por');

    const number = page.getByRole('textbox', { name: 'Número do registo de nascimento (registo civil)' });
    await number.fill('AG-2026/00501');
    await page.getByRole('button', { name: 'Obter do registo civil' }).click();
    await page.locator('#birth-record-message [role="status"]').filter({ hasText: 'AG-2026/00501' }).waitFor();
    assert.deepEqual(await filled(), ['birthCertificateNumber', 'birthRegistrationDate', 'dateOfBirth', 'fullName', 'gender', 'introducerName', 'introducerUIN']);
    assert.equal(await page.locator('#field-birthCertificateNumber').inputValue(), 'AG-2026/00501');
    await page.keyboard.press('Alt+ArrowRight');
    assert.equal(await page.locator('#field-fullName-por').inputValue().catch(() => page.locator('[id^="field-fullName"]').first().inputValue()), 'Ana Trovoada');

    // back to the birth record: another number, fetched again, replaces the record
    await page.keyboard.press('Alt+ArrowLeft');
    await number.fill('AG-2026/00502');
    await page.getByRole('button', { name: 'Obter do registo civil' }).click();
    await page.locator('#birth-record-message [role="status"]').filter({ hasText: 'AG-2026/00502' }).waitFor();
    assert.equal(await page.locator('#field-birthCertificateNumber').inputValue(), 'AG-2026/00502');
    assert.equal(crvs.registry.searches, 2, 'two searches reached the registry');

    // the rest of the registration as any other (helpers speak English)
    await page.getByTestId('language-select').selectOption('eng');
    await page.keyboard.press('Alt+ArrowRight');
    await heading("Child's details").waitFor();
    // OpenCRVS's addresses are its own location ids: the operator picks region and district
    await page.selectOption('#field-region', 'ST');
    await page.selectOption('#field-province', 'AGR');
    const rid = await introducerCaptureAndSubmit(page, PARENT_UIN);

    // the packet as MOSIP reads it: decrypted with the machine's REGISTRATION key
    const keys = (await admin(app.server!, 'keys', undefined, 'GET')) as Record<string, string>;
    // the ID schema puts each field in its subpacket (id, evidence, optional): their ID.json merged
    const { identity, packetFile } = await openPacket(app.backEnd.dataDir, readFileSync(keys['REGISTRATION_10001_10002']!, 'utf8'));
    assert.ok(packetFile.startsWith(rid), 'the one packet on disk is this registration\'s');
    assert.deepEqual([identity['birthCertificateNumber'], identity['introducerUIN']], ['AG-2026/00502', PARENT_UIN]);
    assert.deepEqual((identity['fullName'] as { language: string; value: string }[]).find((n) => n.language === 'por'), { language: 'por', value: 'Beatriz Trovoada' });
    assert.equal(identity['dateOfBirth'], isoDay(app.backEnd.clock.now() - 12 * DAY).replaceAll('-', '/'));
    assert.equal(identity['birthRegistrationDate'], isoDay(app.backEnd.clock.now() - 2 * DAY).replaceAll('-', '/'));
    assert.deepEqual((identity['gender'] as { language: string; value: string }[]).find((g) => g.language === 'por'), { language: 'por', value: 'Feminino' });
  });
});
