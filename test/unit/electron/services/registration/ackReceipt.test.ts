import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { AckReceiptInput } from '../../../../../schemas/ackReceipt';
import { AppError } from '../../../../../schemas/errors';
import { ackReceiptPdf, buildAckReceipt } from '../../../../../electron/services/registration/ackReceipt';
import { composeAckReceipt } from '../../../../../electron/services/registration/composeAckReceipt';
import { pdfText, receiptLines } from './pdfText';

const RID = '10001100771006920261122080000';
function receipt(over: Partial<AckReceiptInput> = {}): AckReceiptInput {
  return {
    rid: RID, language: 'por', process: 'NEW', createdAt: Date.parse('2026-11-22T08:05:00Z'),
    centre: { id: '10001', name: 'Centro de Água Grande' }, machineId: '10077', operatorId: 'operador.ana',
    demographics: [
      { label: { por: 'Nome completo', eng: 'Full name' }, value: { por: 'Conceição Neves', eng: 'Conceicao Neves' } },
      { label: { por: 'Data de nascimento', eng: 'Date of birth' }, value: '1990/05/01' },
      { label: { por: 'Distrito', eng: 'District' }, value: { por: 'Mé-Zóchi', eng: 'Mé-Zóchi' } },
    ],
    documents: [{ label: { por: 'Comprovativo de identidade', eng: 'Proof of identity' }, documentType: 'Bilhete de identidade' }],
    biometrics: { captured: ['face', 'leftThumb'], exceptions: ['rightEye'] },
    ...over,
  };
}

describe('buildAckReceipt', () => {
  it('produces a one-page PDF with the RID in its metadata', async () => {
    const doc = await PDFDocument.load(await buildAckReceipt(receipt()));
    assert.deepEqual([doc.getPageCount(), doc.getTitle(), doc.getSubject(), doc.getCreator(), doc.getCreationDate()?.toISOString()],
      [1, `Comprovativo de registo ${RID}`, RID, 'regclient', '2026-11-22T08:05:00.000Z']);
  });

  it('writes the summary in Portuguese with accents intact', async () => {
    const text = await pdfText(await buildAckReceipt(receipt()));
    for (const expected of [`N.º de pedido (RID): ${RID}`, 'Tipo de pedido: Novo registo', 'Data: 22/11/2026 08:05 UTC', 'Centro de registo: Centro de Água Grande (10001)',
      'Posto: 10077', 'Operador: operador.ana', 'Nome completo: Conceição Neves', 'Distrito: Mé-Zóchi', 'Comprovativo de identidade: Bilhete de identidade',
      'Recolhidos (2): Rosto, Polegar esquerdo', 'Exceções (1): Olho direito']) {
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`);
    }
  });

  it('writes the summary in English and French', async () => {
    const eng = await pdfText(await buildAckReceipt(receipt({ language: 'eng' })));
    assert.ok(eng.includes('Full name: Conceicao Neves') && eng.includes('Captured (2): Face, Left thumb') && eng.includes('Exceptions (1): Right eye'), eng);
    const fra = await pdfText(await buildAckReceipt(receipt({ language: 'fra', documents: [] })));
    assert.ok(fra.includes("Récépissé d'inscription") && fra.includes('Documents fournis') && fra.includes('Aucun') && fra.includes('Œil droit'), fra);
    assert.ok(fra.includes('Full name: Conceicao Neves'), 'a label missing in French falls back to English');
  });

  it('embeds the QR code of the RID at its module size', async () => {
    const doc = await PDFDocument.load(await buildAckReceipt(receipt()));
    const images = doc.context.enumerateIndirectObjects().map(([, o]) => o)
      .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    const side = (QRCode.create(RID, { errorCorrectionLevel: 'M' }).modules.size + 2) * 4;
    assert.deepEqual(images.map((i) => [(i.dict.get(PDFName.of('Width')) as PDFNumber).asNumber(), (i.dict.get(PDFName.of('Height')) as PDFNumber).asNumber()]), [[side, side]]);
  });

  it('continues on a second page when the summary is long', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ label: { por: `Campo ${i}` }, value: 'valor' }));
    assert.equal((await PDFDocument.load(await buildAckReceipt(receipt({ demographics: many })))).getPageCount(), 2);
  });

  it('refuses a language without receipt texts and font', async () => {
    await assert.rejects(buildAckReceipt(receipt({ language: 'spa' })), (err: unknown) => err instanceof AppError && err.is('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED') && err.details.language === 'spa');
  });

  it('rejects a malformed RID', async () => {
    await assert.rejects(buildAckReceipt(receipt({ rid: '123' })), /a RID has 29 digits/);
  });

  it('replaces characters the built-in font cannot print instead of failing', async () => {
    const text = await pdfText(await buildAckReceipt(receipt({ operatorId: 'ana✓' })));
    assert.ok(text.includes('Operador: ana?'), text);
  });

  // An independent reader of our PDF: a missing pdftotext fails the test rather than skipping it,
  // so a machine without it cannot pass unnoticed (.ci/run installs poppler-utils).
  it('reads back with pdftotext (poppler-utils)', async () => {
    assert.equal(spawnSync('pdftotext', ['-v']).error, undefined, 'pdftotext is missing: install poppler-utils (.ci/run does)');
    const dir = mkdtempSync(join(tmpdir(), 'ack-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), await buildAckReceipt(receipt()));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      assert.match(text, /Conceição Neves/);
      assert.match(text, new RegExp(RID));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the receipt\'s documents', () => {
  it('prints each type by its name in the receipt language, else the first language, else its code', async () => {
    const documents: AckReceiptInput['documents'] = [
      { label: { por: 'Comprovativo de identidade', eng: 'Proof of identity' }, documentType: 'CIN', documentTypeName: { por: 'Bilhete de identidade', eng: 'National identity card' } },
      { label: { por: 'Comprovativo de morada', eng: 'Proof of address' }, documentType: 'UTILITY_BILL', documentTypeName: { por: 'Fatura de água ou eletricidade' } },
      { label: { por: 'Comprovativo de relação', eng: 'Proof of relationship' }, documentType: 'DOC003' },
    ];
    const text = await pdfText(await buildAckReceipt(receipt({ language: 'eng', firstLanguage: 'por', documents })));
    for (const line of ['Proof of identity: National identity card', 'Proof of address: Fatura de água ou eletricidade', 'Proof of relationship: DOC003']) assert.ok(text.includes(line), `${line} in ${text}`);
    assert.ok(!text.includes('CIN') && !text.includes('UTILITY_BILL'), text);
  });
});

describe('composeAckReceipt', () => {
  it('is exactly what the PDF prints, line by line, in each receipt language', async () => {
    const cases: Partial<AckReceiptInput>[] = [{}, { language: 'eng' }, { language: 'fra', documents: [] }];
    for (const over of cases) {
      const composed = await composeAckReceipt(receipt(over));
      assert.deepEqual((await pdfText(await ackReceiptPdf(composed))).split('\n'), receiptLines(composed), JSON.stringify(over));
      assert.deepEqual(await pdfText(await buildAckReceipt(receipt(over))), await pdfText(await ackReceiptPdf(composed)), 'buildAckReceipt draws the composed receipt');
    }
  });

  it('resolves every text in the resident\'s language', async () => {
    const r = await composeAckReceipt(receipt({ documents: [] }));
    assert.deepEqual([r.language, r.title, r.rid, r.createdAt], ['por', 'Comprovativo de registo', { label: 'N.º de pedido (RID)', value: RID }, Date.parse('2026-11-22T08:05:00Z')]);
    assert.deepEqual(r.details, [
      { label: 'Tipo de pedido', value: 'Novo registo' }, { label: 'Data', value: '22/11/2026 08:05 UTC' }, { label: 'Centro de registo', value: 'Centro de Água Grande (10001)' },
      { label: 'Posto', value: '10077' }, { label: 'Operador', value: 'operador.ana' },
    ]);
    assert.deepEqual(r.sections.map((s) => [s.heading, s.lines.length, s.none]), [['Dados pessoais', 3, 'Nenhum'], ['Documentos entregues', 0, 'Nenhum'], ['Biometria', 2, 'Nenhum']]);
    assert.deepEqual(r.sections[0]!.lines[0], { label: 'Nome completo', value: 'Conceição Neves' });
    assert.deepEqual(r.sections[2]!.lines, [{ label: 'Recolhidos (2)', value: 'Rosto, Polegar esquerdo' }, { label: 'Exceções (1)', value: 'Olho direito' }]);
    const none = await composeAckReceipt(receipt({ biometrics: { captured: [], exceptions: [] } }));
    assert.deepEqual(none.sections[2]!.lines, [{ label: 'Recolhidos (0)', value: 'Nenhum' }, { label: 'Exceções (0)', value: 'Nenhum' }]);
  });

  it('carries the QR code the PDF embeds, as a PNG data: URL with its text alternative', async () => {
    const { qr } = await composeAckReceipt(receipt({ language: 'eng' }));
    const [prefix, base64] = qr.pngDataUrl.split(',');
    assert.equal(prefix, 'data:image/png;base64');
    const png = Buffer.from(base64!, 'base64');
    assert.deepEqual(png, await QRCode.toBuffer(RID, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 }));
    const side = (QRCode.create(RID, { errorCorrectionLevel: 'M' }).modules.size + 2) * 4;
    const decoded = PNG.sync.read(png);
    assert.deepEqual([decoded.width, decoded.height], [side, side]);
    assert.equal(qr.alt, `QR code of the application ID ${RID}`);
  });

  it('refuses a language without receipt texts and a malformed RID, like the PDF', async () => {
    await assert.rejects(composeAckReceipt(receipt({ language: 'spa' })), (err: unknown) => err instanceof AppError && err.is('ERR_REG_RECEIPT_LANGUAGE_UNSUPPORTED'));
    await assert.rejects(composeAckReceipt(receipt({ rid: '1'.repeat(28) })), /a RID has 29 digits/);
  });
});
