import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { AckReceiptInput } from '../../../../../schemas/ackReceipt';
import { buildAckReceipt } from '../../../../../electron/services/registration/ackReceipt';
import { naskh } from '../../../../../electron/services/registration/receipt/receiptFonts';

const RID = '10001100771006920261122080000';
const INPUT: AckReceiptInput = {
  rid: RID, language: 'ara', process: 'NEW', createdAt: Date.parse('2026-11-22T08:05:00Z'),
  centre: { id: '10001', name: 'Centro de Água Grande' }, machineId: '10077', operatorId: 'operador.ana',
  demographics: [
    { label: { por: 'Nome completo', ara: 'الاسم الكامل' }, value: { por: 'Conceição Neves' } },
    { label: { por: 'Distrito', ara: 'المقاطعة' }, value: { por: 'Mé-Zóchi', ara: 'مي زوتشي' } },
  ],
  documents: [],
  biometrics: { captured: ['face', 'leftThumb'], exceptions: ['rightEye'] },
};

/** The first content stream of the first page, as text. */
function pageContent(doc: PDFDocument): string {
  const contents = doc.getPage(0).node.Contents();
  const first = contents instanceof PDFArray ? doc.context.lookup(contents.get(0)) : contents;
  assert.ok(first instanceof PDFRawStream);
  return inflate(first).toString('latin1');
}

const inflate = (s: PDFRawStream) => (s.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') ? inflateSync(s.contents) : Buffer.from(s.contents));

/** The TrueType programs the PDF embeds, by base font name. */
function embeddedFonts(doc: PDFDocument): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = obj.get(PDFName.of('FontFile2'));
    if (file instanceof PDFRef) out.set(String(obj.get(PDFName.of('FontName'))), inflate(doc.context.lookup(file) as PDFRawStream));
  }
  return out;
}

describe('the Arabic acknowledgement receipt (issue 13)', () => {
  let pdf: Uint8Array;
  let dir: string;
  before(async () => {
    pdf = await buildAckReceipt(INPUT);
    dir = mkdtempSync(join(tmpdir(), 'ack-ara-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back with pdftotext: Arabic words, the RID, the date and a Latin name each in order', () => {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    for (const expected of ['إيصال التسجيل', 'رقم الطلب', 'تسجيل جديد', 'البيانات الشخصية', 'مي زوتشي', 'الإبهام الأيسر', 'العين اليمنى', RID, '22/11/2026 08:05 UTC', 'Conceição Neves', 'Centro de Água Grande (10001)']) {
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
    }
  });

  it('is tagged Arabic and mirrored, the QR code at the left', async () => {
    const doc = await PDFDocument.load(pdf);
    assert.equal(doc.catalog.get(PDFName.of('Lang'))?.toString(), '(ar)');
    // mirrored: the QR code at the left margin
    assert.match(pageContent(doc), /^1 0 0 1 50 [\d.]+ cm$/m, 'QR code placed at x = 50');
  });

  it('embeds Noto Naskh Arabic, regular and bold, subset to the glyphs drawn', async () => {
    const fonts = embeddedFonts(await PDFDocument.load(pdf));
    assert.deepEqual([...fonts.keys()].map((n) => n.replace(/-\d+$/, '')).sort(), ['/NotoNaskhArabic-Bold', '/NotoNaskhArabic-Regular']);
    const full = fontkit.create(naskh(400));
    for (const [name, bytes] of fonts) {
      const subset = fontkit.create(bytes);
      assert.ok(subset.numGlyphs > 10 && subset.numGlyphs < 120, `${name}: ${subset.numGlyphs} glyphs of ${full.numGlyphs}`);
      assert.ok(bytes.length < naskh(400).length / 5, `${name}: ${bytes.length} bytes`);
    }
  });

  it('draws the joined letter forms, with the outlines the font has for them', async () => {
    const doc = await PDFDocument.load(pdf);
    // the title is the first Arabic span: bold
    const span = /\/Span << \/ActualText <[0-9A-F]+> >> BDC([\s\S]*?)EMC/.exec(pageContent(doc))![1]!;
    const cids = [...span.matchAll(/<([0-9A-F]{4})> Tj/g)].map((m) => parseInt(m[1]!, 16));
    const placed = [...span.matchAll(/1 0 0 1 ([\d.-]+) ([\d.-]+) Tm/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const bold = fontkit.create(naskh(700));
    const title = 'إيصال التسجيل';
    const shaped = bold.layout(title).glyphs;
    // joined forms are other glyphs than the letters' isolated ones (the cmap's)
    const isolated = new Set([...title].map((c) => bold.glyphForCodePoint(c.codePointAt(0)!).id));
    const joined = shaped.filter((g) => !isolated.has(g.id));
    assert.ok(joined.length >= 6, `${joined.length} joined forms of ${shaped.length} glyphs`);
    assert.equal(cids.length, shaped.length);
    // every glyph where the font's positioning (GPOS) puts it: dots and marks over their letters, not beside them
    const { positions } = bold.layout(title);
    const scale = 18 / bold.unitsPerEm;
    let pen = 0;
    const expected = positions.map((p) => { const at = [pen + p.xOffset * scale, p.yOffset * scale]; pen += p.xAdvance * scale; return at; });
    const relative = placed.map(([x, y]) => [x - placed[0]![0] + expected[0]![0]!, y - placed[0]![1] + expected[0]![1]!]);
    assert.deepEqual(relative.map((xy) => xy.map((v) => v.toFixed(2))), expected.map((xy) => xy.map((v) => v!.toFixed(2))));
    assert.ok(positions.some((p) => p.yOffset !== 0), 'the title has marks placed by GPOS');
    const subset = fontkit.create([...embeddedFonts(doc)].find(([n]) => n.includes('Bold'))![1]);
    const box = (g: { path: { cbox: { minX: number; minY: number; maxX: number; maxY: number } } }) => [g.path.cbox.minX, g.path.cbox.minY, g.path.cbox.maxX, g.path.cbox.maxY].map(Math.round);
    assert.deepEqual(cids.map((cid) => box(subset.getGlyph(cid))), shaped.map((g) => box(g)));
  });
});
