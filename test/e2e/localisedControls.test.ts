import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { seriousA11yViolations } from './helpers/axe';
import { fillDemographics } from './helpers/fillDemographics';
import { logIn } from './helpers/logIn';
import { startProcess } from './helpers/startProcess';
import { itSavingArtifacts } from './helpers/startApp';
import { useInProcessApp } from './helpers/useInProcessApp';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Issue 13, "Native controls": the browser's own file and date controls speak the browser's
 * language ("Choose Files", "mm/dd/yyyy") whatever the operator chose. The app's controls follow
 * the UI language, also when it is switched mid-form, and still work by mouse and keyboard.
 */
describe('controls in the UI language (browser host, Debian Chromium)', () => {
  // the browser speaks American English and keeps its own clock, as before; the tests share the app, each on a page of its own
  const e2e = useInProcessApp({ timeoutMs: 15_000, locale: 'en-US', ownClock: true });

  const it = itSavingArtifacts(e2e.current, { prefix: 'localised controls' });
  const setLanguage = (language: string) => e2e.page.getByTestId('language-select').selectOption(language);

  it('offers documents through a chooser in the UI language, switched mid-form, that attaches what is chosen', async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page);
    await startProcess(page, { firstScreen: 'Demographic details' });
    await fillDemographics(page, { por: 'Ana Controlos', eng: 'Ana Controls' });
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    const chooser = page.getByTestId('field-proofOfIdentity-file-button');
    assert.equal((await chooser.textContent())?.trim(), 'Choose files…');

    await setLanguage('por');
    await page.getByRole('heading', { name: 'Documentos' }).waitFor();
    assert.equal((await chooser.textContent())?.trim(), 'Escolher ficheiros…');
    // the browser's own control ("Choose Files / No file chosen") is there for the keyboard, not seen
    const native = await page.locator('#field-proofOfIdentity-file').boundingBox();
    assert.ok(native && native.width <= 1 && native.height <= 1, `the native input is hidden, got ${JSON.stringify(native)}`);
    assert.deepEqual(await seriousA11yViolations(page), []);

    const [fileChooser] = await Promise.all([page.waitForEvent('filechooser'), chooser.click()]);
    assert.equal(fileChooser.isMultiple(), true);
    await fileChooser.setFiles({ name: 'bi.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.getByTestId('document-proofOfIdentity').waitFor();
    assert.match((await page.getByTestId('document-proofOfIdentity').textContent()) ?? '', /^Anexado: Bilhete de identidade \(\d+ KB\) · 1 página/);

    // by keyboard: the hidden input takes focus, and Space opens the same chooser
    await page.focus('#field-proofOfAddress-file');
    const [byKeyboard] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await byKeyboard.setFiles([]);
  });

  it('offers export to a USB drive without typing a path, and says when none is connected', async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name: 'Sync' }).click();
    await setLanguage('por');
    // this machine has no USB stick mounted (the drive listing itself is tested on a sysfs tree in removableDrives.test.ts)
    const none = page.getByTestId('export-no-drives');
    await none.waitFor();
    assert.equal((await none.textContent())?.trim(), 'Nenhuma pen USB está ligada. Ligue uma e carregue em Atualizar.');
    await page.getByRole('button', { name: 'Atualizar' }).click();
    await none.waitFor();
    assert.equal(await page.getByTestId('export-pick-folder').count(), 0, 'the browser host has no OS folder picker');
    assert.equal(await page.getByLabel(/Pasta/).isEditable(), true, 'a folder can still be typed');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });

  it('shows the approval queue’s dates day first in Português, and filters by what is typed', async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('button', { name: 'Approvals' }).click();
    await setLanguage('por');
    const from = page.getByTestId('approval-from');
    await from.waitFor();
    const shown = async () => ((await from.textContent()) ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    assert.equal(await shown(), 'dd/mm/aaaa');
    await from.locator('[role="spinbutton"]').first().click();
    await page.keyboard.type('17052026');
    assert.equal(await shown(), '17/05/2026');
    await setLanguage('eng');
    assert.equal(await shown(), '17/05/2026', 'English (en-GB) is day first too; the typed date stays');
    assert.deepEqual(await seriousA11yViolations(page), []);
  });
});
