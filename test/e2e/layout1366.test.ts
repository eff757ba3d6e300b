import assert from 'node:assert/strict';
import { beforeEach, describe } from 'node:test';
import { fillDemographics } from './helpers/fillDemographics';
import { logIn } from './helpers/logIn';
import { itSavingArtifacts } from './helpers/startApp';
import { useInProcessApp } from './helpers/useInProcessApp';

/** What the page's globals look like to these checks (the tests compile without the DOM library). */
interface Box { readonly top: number; readonly bottom: number; readonly right: number; readonly height: number }
interface El {
  readonly children: ArrayLike<El>;
  readonly clientWidth: number;
  readonly scrollWidth: number;
  readonly id: string;
  readonly options?: ArrayLike<{ readonly text: string }>;
  readonly selectedOptions?: ArrayLike<{ readonly text: string }>;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelector(s: string): El | null;
}
interface Doc { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El>; createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(t: string): { width: number } } } }
interface Win { document: Doc; getComputedStyle(el: El): { fontWeight: string; fontSize: string; fontFamily: string; paddingLeft: string; paddingRight: string; lineHeight: string } }

/**
 * The screens at 1366×768, the centres' laptops, measured in Debian Chromium on the built renderer:
 * the supervisor's header stays on one line in every language, the sync schedule stays inside its
 * card, a dropdown shows its longest value whole, and the page has its own icon under the CSP.
 */
describe('layout at 1366×768 (browser host, real services, Debian Chromium)', () => {
  const cspViolations: string[] = [];
  // the page keeps the browser's clock, as before; the tests share the app, each on a page of its own
  const e2e = useInProcessApp({ timeoutMs: 15_000, ownClock: true });
  beforeEach(() => {
    cspViolations.length = 0;
    e2e.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  const it = itSavingArtifacts(e2e.current, { prefix: 'layout 1366' });
  const setLanguage = async (language: string) => {
    await e2e.page.getByTestId('language-select').selectOption(language);
    await e2e.page.locator(language === 'ara' ? 'html[dir="rtl"]' : 'html[dir="ltr"]').waitFor();
  };

  it("keeps the supervisor's header on one line in every language", async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await page.getByRole('navigation', { name: 'Main sections' }).waitFor();
    for (const language of ['eng', 'por', 'fra', 'ara']) {
      await setLanguage(language);
      const header = await page.evaluate(() => {
        const bar = (globalThis as unknown as Win).document.querySelector('.topbar')!;
        const kids = Array.from(bar.children).map((c) => c.getBoundingClientRect()).filter((b) => b.height > 0);
        const tallest = Math.max(...kids.map((b) => b.height));
        // the title, the demo badge, the language label, every nav button and log-out: one line of text each
        const buttons = Array.from((globalThis as unknown as Win).document.querySelectorAll('.topbar__title, .topbar .badge, .language-switch > span, .topbar .button')).map((b) => {
          const style = (globalThis as unknown as Win).getComputedStyle(b);
          return { name: b.getAttribute('class') ?? '', height: b.getBoundingClientRect().height, line: Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5 };
        });
        const centres = kids.map((b) => (b.top + b.bottom) / 2);
        return { height: bar.getBoundingClientRect().height, tallest, spread: Math.max(...centres) - Math.min(...centres), overflow: bar.scrollWidth - bar.clientWidth, buttons };
      });
      assert.equal(header.overflow, 0, `${language}: nothing runs off the header`);
      // one row: the items share a centre line, and the bar is the tallest item plus its 8 px padding above and below
      assert.ok(header.spread <= 1 && header.height <= header.tallest + 16 + 1, `${language}: one row of items (header ${header.height}px, tallest item ${header.tallest}px, centres ${header.spread}px apart)`);
      for (const b of header.buttons) assert.ok(b.height < 2 * b.line, `${language}: "${b.name}" wrapped (${b.height}px for a ${b.line}px line)`);
    }
  });

  it("keeps the sync schedule inside its card, in Portuguese", async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page, 'supervisor1', 'Supervisor#2026');
    await setLanguage('por');
    await page.getByRole('navigation', { name: 'Secções principais' }).getByRole('button', { name: 'Sincronização' }).click();
    await page.locator('.sync__schedule table tbody tr').first().waitFor();
    const fit = await page.evaluate(() => {
      const card = (globalThis as unknown as Win).document.querySelector('.sync__schedule')!;
      const table = card.querySelector('table')!;
      return { card: card.clientWidth, cardScroll: card.scrollWidth, table: table.scrollWidth, tableRight: table.getBoundingClientRect().right, cardRight: card.getBoundingClientRect().right };
    });
    assert.ok(fit.table <= fit.card && fit.cardScroll <= fit.card, `table ${fit.table}px (card scrolls to ${fit.cardScroll}px) in a ${fit.card}px card`);
    assert.ok(fit.tableRight <= fit.cardRight, 'the table ends inside the card');
  });

  it("shows each document type's longest name whole in its dropdown", async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    await logIn(page);
    await setLanguage('por');
    await page.getByRole('button', { name: 'Novo registo' }).click();
    await page.getByRole('button', { name: 'Iniciar registo' }).click();
    await page.getByRole('checkbox').first().check();
    await page.getByRole('radio', { name: 'Português' }).check();
    await page.keyboard.press('Alt+ArrowRight');
    await page.locator('#field-fullName-por').waitFor();
    await fillDemographics(page, { por: 'Maria da Graça', eng: 'Maria da Graca' });
    await page.keyboard.press('Alt+ArrowRight');
    await page.locator('#field-proofOfAddress-type').waitFor();
    const cut = await page.evaluate(() => {
      const win = globalThis as unknown as Win;
      const measure = win.document.createElement('canvas').getContext('2d');
      return Array.from(win.document.querySelectorAll('select.input')).flatMap((select) => {
        const style = win.getComputedStyle(select);
        measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const longest = Math.max(...Array.from(select.options ?? []).map((o) => measure.measureText(o.text).width));
        // the text box is the select's width less its padding and the arrow (about 20 px in Chromium)
        const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
        return longest > room ? [`${select.id}: ${Math.round(longest)}px of text in ${Math.round(room)}px`] : [];
      });
    });
    assert.deepEqual(cut, []);
    assert.equal(await page.locator('#field-proofOfAddress-type option:checked').textContent(), 'Fatura de água ou eletricidade', 'the name, not UTILITY_BILL');
  });

  it('has its own icon, an SVG from its own origin that the CSP allows', async () => {
    const { page, app } = e2e;
    await page.goto(app.url);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.equal(href, 'favicon.svg');
    const loaded = await page.evaluate(async () => {
      const win = globalThis as unknown as { document: { querySelector(s: string): { href: string } }; Image: new () => { src: string; naturalWidth: number; onload: () => void; onerror: () => void } };
      const img = new win.Image();
      const url = win.document.querySelector('link[rel="icon"]').href;
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error(`the icon did not load: ${url}`));
        img.src = url;
      });
      return img.naturalWidth;
    });
    assert.ok(loaded > 0);
    const response = await page.request.get(new URL('favicon.svg', app.url).toString());
    assert.deepEqual([response.status(), response.headers()['content-type']], [200, 'image/svg+xml']);
    assert.match(await response.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.deepEqual(cspViolations, []);
  });
});
