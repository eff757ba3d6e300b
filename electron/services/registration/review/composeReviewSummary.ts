import { PDFDocument } from 'pdf-lib';
import { PacketSummary, type SummaryModality } from '../../../../schemas/packetSummary';
import { documentTypeName } from '../../../../schemas/rules/documentTypes';
import type { LocalizedText } from '../../../../schemas/uiSpec';
import type { CapturedBiometric } from '../../../../schemas/sbi';
import { BIO_ATTRIBUTE_OF } from '../../../../native/sbi/toRegistrationCaptures';
import type { DraftDocumentRow } from '../../db/repos/drafts';
import { exceptedAttributes, type CaptureSeries } from '../drafts/captureSeries';
import { residentName } from '../drafts/DraftService';
import { resolveCode, type DraftForm } from '../drafts/draftForm';
import { loadJpeg2000Decoder, type Jpeg2000Decoder } from '../../../../native/image/Jpeg2000Decoder';
import { biometricThumbnail } from './biometricThumbnail';

/** The face photo is the one image a supervisor compares with the person: a little larger. */
const PHOTO_SIDE = 120;

export interface ReviewSummaryInput {
  readonly form: DraftForm;
  /** every capture series of the draft (retries, exception photo included) */
  readonly series: readonly CaptureSeries[];
  readonly document: (storageId: string) => DraftDocumentRow | undefined;
  readonly officerId: string;
  readonly createdAt: number;
}

/**
 * A summary before the packet exists: the RID and packet id are known only at commit. Checked
 * when composed, before the build, so a malformed summary can never fail the packet's commit.
 */
const ReviewSummaryDraft = PacketSummary.omit({ rid: true, packetId: true });
export type ReviewSummaryDraft = Omit<PacketSummary, 'rid' | 'packetId'>;

/**
 * The demographic values as the acknowledgement shows them: visible, non-empty text, localized
 * text per language, and dropdown codes resolved to their names per language.
 */
export function displayedDemographics(form: DraftForm): PacketSummary['demographics'] {
  const shown: PacketSummary['demographics'] = [];
  for (const { field, visible } of form.fields) {
    const value = form.draft.values[field.id];
    if (!visible || !value) continue;
    if (value.type === 'text' && value.value.trim() !== '') shown.push({ fieldId: field.id, label: field.label, value: value.value });
    if (value.type === 'localized' && Object.values(value.values).some((v) => v.trim() !== '')) shown.push({ fieldId: field.id, label: field.label, value: { ...value.values } });
    if (value.type === 'code' && value.code !== '') shown.push({ fieldId: field.id, label: field.label, value: resolveCode(form, field, value.code) });
  }
  return shown;
}

async function pageCountOf(row: DraftDocumentRow | undefined): Promise<number> {
  if (!row) return 0;
  if (row.format !== 'pdf') return 1;
  // the bytes were checked as a PDF when attached (documentToPdf); loading again only counts pages
  return (await PDFDocument.load(new Uint8Array(row.bytes), { updateMetadata: false })).getPageCount();
}

async function documentsOf(input: ReviewSummaryInput): Promise<PacketSummary['documents']> {
  const documents: PacketSummary['documents'] = [];
  for (const { field, visible } of input.form.fields) {
    const value = input.form.draft.values[field.id];
    if (!visible || value?.type !== 'document') continue;
    const typeName = documentTypeName(input.form.bundle.masterData, value.documentType);
    documents.push({
      fieldId: field.id, label: field.label, documentType: value.documentType, ...(typeName ? { documentTypeName: typeName } : {}), format: value.format,
      pageCount: await pageCountOf(input.document(value.storageId)), sizeBytes: value.sizeBytes,
    });
  }
  return documents;
}

function thumbnailOf(biometric: CapturedBiometric, decoder: Jpeg2000Decoder | undefined, side?: number): string | null {
  return biometricThumbnail(Buffer.from(biometric.bioValue, 'base64url'), side, decoder);
}

/** A final series (never a retry, never the exception photo) as the packet keeps it. */
function modalityOf(series: CaptureSeries, decoder: Jpeg2000Decoder | undefined): SummaryModality {
  const kept = series.results[series.keptIndex]!;
  return {
    fieldId: series.fieldId, modality: series.modality, threshold: series.threshold, averageQuality: kept.averageQuality,
    keptAttempt: series.keptIndex + 1, attemptsUsed: series.results.length, isForceCaptured: series.decision === 'forceCaptured',
    attributes: kept.biometrics.map((b) => ({
      attribute: b.bioSubType === undefined ? 'face' : BIO_ATTRIBUTE_OF[b.bioSubType],
      qualityScore: b.qualityScore,
      thumbnail: thumbnailOf(b, decoder, b.bioType === 'Face' ? PHOTO_SIDE : undefined),
    })),
    exceptions: exceptedAttributes(series),
  };
}

function namesOf(form: DraftForm): LocalizedText {
  const names: LocalizedText = {};
  for (const language of form.draft.languages) {
    const name = residentName(form.draft, language);
    if (name !== null) names[language] = name;
  }
  return names;
}

/**
 * The supervisor's review summary of a draft about to become a packet: what the acknowledgement
 * shows (labels and values per language, documents) plus, per biometric modality, the quality of
 * each attribute against the threshold, attempts, force-capture and exceptions, with small
 * thumbnails. Only visible fields and final captures count, as in the packet (composeRegistration).
 */
export async function composeReviewSummary(input: ReviewSummaryInput): Promise<ReviewSummaryDraft> {
  const biometricFields = new Set(input.form.fields.filter((f) => f.visible && f.field.controlType === 'biometrics').map((f) => f.field.id));
  const series = input.series.filter((s) => biometricFields.has(s.fieldId) && s.decision !== 'retry');
  // devices send JPEG 2000; without the decoder (WASM refused) the summary only lacks thumbnails
  const decoder = await loadJpeg2000Decoder().catch(() => undefined);
  const biometrics = series.filter((s) => s.modality !== 'exception-photo').map((s) => modalityOf(s, decoder));
  const exceptionPhoto = series.find((s) => s.modality === 'exception-photo')?.results.at(-1)?.biometrics[0];
  return ReviewSummaryDraft.parse({
    version: 1,
    process: input.form.draft.process,
    languages: [...input.form.draft.languages],
    createdAt: input.createdAt,
    officerId: input.officerId,
    residentName: namesOf(input.form),
    photo: biometrics.flatMap((m) => m.attributes).find((a) => a.attribute === 'face')?.thumbnail ?? null,
    exceptionPhoto: exceptionPhoto ? thumbnailOf(exceptionPhoto, decoder, PHOTO_SIDE) : null,
    demographics: displayedDemographics(input.form),
    documents: await documentsOf(input),
    biometrics,
  });
}

/**
 * The stored summary once the packet has its RID and id, checked against the schema so that
 * nothing malformed is committed with the packet.
 */
export function completeSummary(draft: ReviewSummaryDraft, packet: Readonly<{ rid: string; packetId: string }>): PacketSummary {
  return PacketSummary.parse({ ...draft, rid: packet.rid, packetId: packet.packetId });
}
