import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { loadStpFormBundle } from '../../../../../../schemas/data/stpDemoSpecs';
import type { FormFieldValue, RegistrationDraft } from '../../../../../../schemas/registrationForm';
import type { BioSubType, CapturedBiometric, CaptureResult, Modality } from '../../../../../../schemas/sbi';
import { DEFAULT_QUALITY_POLICY } from '../../../../../../native/sbi/qualityPolicy';
import type { DraftDocumentRow } from '../../../../../../electron/services/db/repos/drafts';
import { seriesOf } from '../../../../../../electron/services/registration/drafts/captureSeries';
import { draftForm } from '../../../../../../electron/services/registration/drafts/draftForm';
import { completeSummary, composeReviewSummary } from '../../../../../../electron/services/registration/review/composeReviewSummary';
import { faceRecord, fingerRecord } from '../../../../../sims/sbi/isoRecords';
import { encodeGreyPng, faceJpeg, fingerprintImage } from '../../../../../sims/sbi/syntheticImages';

const bundle = loadStpFormBundle();
const spec = bundle.processes.find((p) => p.id === 'NEW')!;
const now = new Date(Date.UTC(2026, 10, 22, 9));
const two = (por: string, eng: string): FormFieldValue => ({ type: 'localized', values: { por, eng } });
const policy = DEFAULT_QUALITY_POLICY;
const fingerIso = fingerRecord('Right IndexFinger', encodeGreyPng(fingerprintImage(1, 160, 200)), 160, 200, 50, now).toString('base64url');
const faceIso = faceRecord(faceJpeg(2, false, 240, 320), 240, 320, 90, now).toString('base64url');

function biometric(bioType: CapturedBiometric['bioType'], bioSubType: BioSubType | undefined, quality: number, bioValue: string): CapturedBiometric {
  return {
    bioType, ...(bioSubType ? { bioSubType } : {}), data: 'aGVhZA.cGF5bG9hZA.c2ln', payloadText: '{}', bioValue,
    qualityScoreText: String(quality), qualityScore: quality, requestedScore: '40', timestamp: '2026-11-22T09:00:00Z', transactionId: 't',
    digitalId: 'd', digitalIdDecoded: { serialNo: 'S1', make: 'M', model: 'X', type: bioType, deviceSubType: 'Slap', deviceProvider: 'P', deviceProviderId: 'P1', dateTime: '2026-11-22T09:00:00Z' },
    deviceCode: 'S1', deviceServiceVersion: '0.9.5', purpose: 'Registration', env: 'Developer', specVersion: '0.9.5', previousHash: '', hash: 'A'.repeat(64),
  };
}

function attempt(modality: Modality, biometrics: CapturedBiometric[], exceptions: BioSubType[] = []): CaptureResult {
  const averageQuality = biometrics.length ? biometrics.reduce((s, b) => s + b.qualityScore, 0) / biometrics.length : 0;
  return { modality, transactionId: 't', specVersion: '0.9.5', requestedScore: 40, exceptions, biometrics, averageQuality, lastHash: 'A'.repeat(64), deviceSerialNo: 'S1', warnings: [], capturedAt: 1 };
}

const rightSlap = (q: number) => attempt('right-slap', [biometric('Finger', 'Right IndexFinger', q, fingerIso), biometric('Finger', 'Right MiddleFinger', q + 2, 'bm8taW1hZ2U')]);

function draft(values: Record<string, FormFieldValue>): RegistrationDraft {
  return { version: 1, draftId: 'd1', process: 'NEW', languages: ['por', 'eng'], selectedGroups: [], values, screenIndex: 0, reachedScreenIndex: 0, savedAt: 0 };
}

async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  return Buffer.from(await pdf.save());
}

describe('composeReviewSummary', () => {
  it('shows values per language, documents with pages, and each modality against its threshold', async () => {
    const pdf = await twoPagePdf();
    const values: Record<string, FormFieldValue> = {
      consent: { type: 'flag', checked: true },
      fullName: two('Maria Neves', 'Mary Neves'),
      dateOfBirth: { type: 'text', value: '1990/05/17' },
      gender: { type: 'code', code: 'FLE' },
      proofOfAddress: { type: 'document', documentType: 'RNC', format: 'pdf', refNumber: null, storageId: 's1', sizeBytes: pdf.length },
    };
    const stored: DraftDocumentRow = { storageId: 's1', draftId: 'd1', fieldId: 'proofOfAddress', documentType: 'RNC', format: 'pdf', refNumber: null, bytes: pdf, createdAt: 1 };
    const series = [
      // three attempts below 40: force-captured, the best (second) kept
      seriesOf('individualBiometrics', 'right-slap', [rightSlap(20), rightSlap(30), rightSlap(10)], policy),
      seriesOf('individualBiometrics', 'left-slap', [attempt('left-slap', [biometric('Finger', 'Left IndexFinger', 80, fingerIso)], ['Left LittleFinger'])], policy),
      seriesOf('individualBiometrics', 'thumbs', [rightSlap(10)].map((r) => ({ ...r, modality: 'thumbs' as const })), policy),
      seriesOf('individualBiometrics', 'face', [attempt('face', [biometric('Face', undefined, 90, faceIso)])], policy),
      seriesOf('individualBiometrics', 'exception-photo', [attempt('exception-photo', [biometric('Face', undefined, 90, faceIso)], ['Left LittleFinger'])], policy),
      // a hidden field (adults have no introducer): not in the packet, not in the summary
      seriesOf('introducerBiometrics', 'face', [attempt('face', [biometric('Face', undefined, 90, faceIso)])], policy),
    ];
    const summary = await composeReviewSummary({
      form: draftForm(draft(values), spec, bundle, now), series, officerId: 'officer1', createdAt: 42,
      document: (id) => (id === 's1' ? stored : undefined),
    });

    assert.deepEqual([summary.process, summary.languages, summary.officerId, summary.createdAt], ['NEW', ['por', 'eng'], 'officer1', 42]);
    assert.deepEqual(summary.residentName, { por: 'Maria Neves', eng: 'Mary Neves' });
    assert.deepEqual(summary.demographics.map((d) => [d.fieldId, d.value]), [
      ['fullName', { por: 'Maria Neves', eng: 'Mary Neves' }],
      ['dateOfBirth', '1990/05/17'],
      ['gender', { por: 'Feminino', eng: 'Female' }],
    ]);
    assert.equal(summary.demographics[0]!.label['eng'], spec.screens.flatMap((s) => s.fields).find((f) => f.id === 'fullName')!.label['eng']);
    assert.deepEqual(summary.documents.map((d) => [d.fieldId, d.documentType, d.format, d.pageCount, d.sizeBytes]), [['proofOfAddress', 'RNC', 'pdf', 2, pdf.length]]);

    // the thumbs are still retrying (one attempt below the threshold): not final, not in the packet
    assert.deepEqual(summary.biometrics.map((m) => [m.fieldId, m.modality, m.threshold, m.keptAttempt, m.attemptsUsed, m.isForceCaptured, m.exceptions]), [
      ['individualBiometrics', 'right-slap', 40, 2, 3, true, []],
      ['individualBiometrics', 'left-slap', 40, 1, 1, false, ['leftLittle']],
      ['individualBiometrics', 'face', policy.thresholds.face, 1, 1, false, []],
    ]);
    const right = summary.biometrics[0]!;
    assert.deepEqual(right.attributes.map((a) => [a.attribute, a.qualityScore, a.thumbnail === null]), [['rightIndex', 30, false], ['rightMiddle', 32, true]]);
    assert.equal(right.averageQuality, 31);
    assert.ok(summary.photo && summary.photo === summary.biometrics[2]!.attributes[0]!.thumbnail);
    assert.ok(summary.exceptionPhoto);
  });

  it("keeps each document type's master-data names for the supervisor, none for a type the data lacks", async () => {
    const doc = (documentType: string, storageId: string): FormFieldValue => ({ type: 'document', documentType, format: 'jpg', refNumber: null, storageId, sizeBytes: 3 });
    const row = (storageId: string): DraftDocumentRow => ({ storageId, draftId: 'd1', fieldId: 'f', documentType: 'x', format: 'jpg', refNumber: null, bytes: Buffer.from('abc'), createdAt: 1 });
    const summary = await composeReviewSummary({
      form: draftForm(draft({ proofOfIdentity: doc('CIN', 's1'), proofOfAddress: doc('RNC', 's2') }), spec, bundle, now), series: [], officerId: 'o', createdAt: 1,
      document: (id) => row(id),
    });
    assert.deepEqual(summary.documents.map((d) => [d.documentType, d.documentTypeName?.['por'], d.documentTypeName?.['eng']]), [['CIN', 'Bilhete de identidade', 'National identity card'], ['RNC', undefined, undefined]]);
  });

  it('completes with the RID and packet id, and refuses a RID that is not 29 digits', async () => {
    const summary = await composeReviewSummary({ form: draftForm(draft({}), spec, bundle, now), series: [], officerId: 'o', createdAt: 1, document: () => undefined });
    assert.deepEqual([summary.residentName, summary.photo, summary.exceptionPhoto, summary.biometrics, summary.documents], [{}, null, null, [], []]);
    const rid = '10001100020000120261122090001';
    assert.deepEqual(completeSummary(summary, { rid, packetId: `${rid}-10001_10002` }), { ...summary, rid, packetId: `${rid}-10001_10002` });
    assert.throws(() => completeSummary(summary, { rid: '123', packetId: 'p' }), /29 digits/);
  });
});
