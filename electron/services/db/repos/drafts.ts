import type { Modality } from '../../../../schemas/sbi';
import { z } from 'zod';
import type { Page, PageRequest } from '../../../../schemas/paging';
import type { DB } from '../Database';
import { decodeCursor, pageSize, toPage } from '../pageCursor';
import { joinSql, sql } from '../sql';

/** A `drafts` row as stored. */
export interface DraftRow {
  readonly draftId: string;
  readonly operatorId: string;
  readonly process: string;
  /** the RegistrationDraft JSON */
  readonly json: string;
  /** the SBI hash chain: the last hash of the last accepted capture ("" before the first) */
  readonly hashChain: string;
  readonly createdAt: number;
  readonly savedAt: number;
}

/** One converted document of a draft (PDF bytes, or the exception photo's JPEG). */
export interface DraftDocumentRow {
  readonly storageId: string;
  readonly draftId: string;
  readonly fieldId: string;
  readonly documentType: string;
  readonly format: 'pdf' | 'jpg' | 'png';
  readonly refNumber: string | null;
  readonly bytes: Buffer;
  readonly createdAt: number;
}

/** One accepted capture attempt of a draft's field and modality. */
export interface DraftCaptureRow {
  readonly draftId: string;
  readonly fieldId: string;
  readonly modality: Modality;
  /** 1-based */
  readonly attempt: number;
  /** the verified CaptureResult JSON */
  readonly resultJson: string;
  readonly averageQuality: number;
  readonly kept: boolean;
  readonly createdAt: number;
}

interface DraftDbRow { draft_id: string; operator_id: string; process: string; json: string; hash_chain: string; created_at: number; saved_at: number }
interface DocumentDbRow { storage_id: string; draft_id: string; field_id: string; document_type: string; format: string; ref_number: string | null; bytes: Buffer; created_at: number }
interface CaptureDbRow { draft_id: string; field_id: string; modality: string; attempt: number; result_json: string; average_quality: number; kept: 0 | 1; created_at: number }

function toDraft(r: DraftDbRow): DraftRow {
  return { draftId: r.draft_id, operatorId: r.operator_id, process: r.process, json: r.json, hashChain: r.hash_chain, createdAt: r.created_at, savedAt: r.saved_at };
}

export function insertDraft(db: DB, row: DraftRow): void {
  const [q, p] = sql`INSERT INTO drafts (draft_id, operator_id, process, json, hash_chain, created_at, saved_at)
    VALUES (${row.draftId}, ${row.operatorId}, ${row.process}, ${row.json}, ${row.hashChain}, ${row.createdAt}, ${row.savedAt})`;
  db.prepare(q).run(...p);
}

export function getDraftRow(db: DB, draftId: string): DraftRow | undefined {
  const [q, p] = sql`SELECT * FROM drafts WHERE draft_id = ${draftId}`;
  const row = db.prepare(q).get(...p) as DraftDbRow | undefined;
  return row ? toDraft(row) : undefined;
}

const DRAFT_LIST = 'drafts';
const DraftKey = z.tuple([z.number().int(), z.string().min(1).max(200)]);

/**
 * One page of the operator's drafts, newest first, draft id (descending) as the tiebreak, so the
 * order matches the index drafts_operator read backwards.
 * @throws AppError ERR_PAGE_CURSOR_INVALID
 */
export function pageDraftRows(db: DB, operatorId: string, request: PageRequest = {}): Page<DraftRow> {
  const limit = pageSize(request.limit);
  const after = request.cursor === undefined ? undefined : decodeCursor(DRAFT_LIST, DraftKey, request.cursor);
  const keyset = after ? sql`AND (saved_at, draft_id) < (${after[0]}, ${after[1]})` : sql``;
  const [q, p] = joinSql([sql`SELECT * FROM drafts WHERE operator_id = ${operatorId}`, keyset, sql`ORDER BY saved_at DESC, draft_id DESC LIMIT ${limit + 1}`], ' ');
  const rows = db.prepare(q).all(...p) as DraftDbRow[];
  const [cq, cp] = sql`SELECT count(*) AS n FROM drafts WHERE operator_id = ${operatorId}`;
  const total = (db.prepare(cq).get(...cp) as { n: number }).n;
  return toPage(rows, limit, total, DRAFT_LIST, (r) => [r.saved_at, r.draft_id], toDraft);
}

export function updateDraftJson(db: DB, draftId: string, json: string, savedAt: number): void {
  const [q, p] = sql`UPDATE drafts SET json = ${json}, saved_at = ${savedAt} WHERE draft_id = ${draftId}`;
  db.prepare(q).run(...p);
}

export function updateDraftHashChain(db: DB, draftId: string, hashChain: string): void {
  const [q, p] = sql`UPDATE drafts SET hash_chain = ${hashChain} WHERE draft_id = ${draftId}`;
  db.prepare(q).run(...p);
}

/** Deletes a draft with its documents and captures, in one transaction. */
export function deleteDraft(db: DB, draftId: string): void {
  db.transaction(() => {
    for (const table of ['draft_documents', 'draft_captures', 'drafts'] as const) {
      db.prepare(`DELETE FROM ${table} WHERE draft_id = ?`).run(draftId);
    }
  })();
}

export function insertDraftDocument(db: DB, row: DraftDocumentRow): void {
  const [q, p] = sql`INSERT INTO draft_documents (storage_id, draft_id, field_id, document_type, format, ref_number, bytes, created_at)
    VALUES (${row.storageId}, ${row.draftId}, ${row.fieldId}, ${row.documentType}, ${row.format}, ${row.refNumber}, ${row.bytes}, ${row.createdAt})`;
  db.prepare(q).run(...p);
}

/** A field holds one document: a new scan replaces the previous one. */
export function deleteDraftDocumentsOfField(db: DB, draftId: string, fieldId: string): void {
  const [q, p] = sql`DELETE FROM draft_documents WHERE draft_id = ${draftId} AND field_id = ${fieldId}`;
  db.prepare(q).run(...p);
}

/** The operator's description of a stored document (type, reference number); the bytes stay. */
export function updateDraftDocumentDescription(db: DB, draftId: string, storageId: string, documentType: string, refNumber: string | null): void {
  const [q, p] = sql`UPDATE draft_documents SET document_type = ${documentType}, ref_number = ${refNumber}
    WHERE draft_id = ${draftId} AND storage_id = ${storageId}`;
  db.prepare(q).run(...p);
}

export function getDraftDocument(db: DB, draftId: string, storageId: string): DraftDocumentRow | undefined {
  const [q, p] = sql`SELECT * FROM draft_documents WHERE draft_id = ${draftId} AND storage_id = ${storageId}`;
  const r = db.prepare(q).get(...p) as DocumentDbRow | undefined;
  return r && {
    storageId: r.storage_id, draftId: r.draft_id, fieldId: r.field_id, documentType: r.document_type,
    format: r.format as DraftDocumentRow['format'], refNumber: r.ref_number, bytes: r.bytes, createdAt: r.created_at,
  };
}

export function insertDraftCapture(db: DB, row: DraftCaptureRow): void {
  const [q, p] = sql`INSERT INTO draft_captures (draft_id, field_id, modality, attempt, result_json, average_quality, kept, created_at)
    VALUES (${row.draftId}, ${row.fieldId}, ${row.modality}, ${row.attempt}, ${row.resultJson}, ${row.averageQuality}, ${row.kept ? 1 : 0}, ${row.createdAt})`;
  db.prepare(q).run(...p);
}

/** Marks which attempt of a field's modality is kept (exactly one, or none). */
export function setKeptCapture(db: DB, draftId: string, fieldId: string, modality: Modality, attempt: number | null): void {
  const [q, p] = sql`UPDATE draft_captures SET kept = CASE WHEN attempt = ${attempt} THEN 1 ELSE 0 END
    WHERE draft_id = ${draftId} AND field_id = ${fieldId} AND modality = ${modality}`;
  db.prepare(q).run(...p);
}

/** Every attempt of a draft, by field, modality and attempt number. */
export function listDraftCaptures(db: DB, draftId: string): DraftCaptureRow[] {
  const [q, p] = sql`SELECT * FROM draft_captures WHERE draft_id = ${draftId} ORDER BY field_id, modality, attempt`;
  return (db.prepare(q).all(...p) as CaptureDbRow[]).map((r) => ({
    draftId: r.draft_id, fieldId: r.field_id, modality: r.modality as Modality, attempt: r.attempt,
    resultJson: r.result_json, averageQuality: r.average_quality, kept: r.kept === 1, createdAt: r.created_at,
  }));
}

/** Forgets a field's modality (the operator marked different exceptions: a new series starts). */
export function deleteDraftCapturesOf(db: DB, draftId: string, fieldId: string, modality: Modality): void {
  const [q, p] = sql`DELETE FROM draft_captures WHERE draft_id = ${draftId} AND field_id = ${fieldId} AND modality = ${modality}`;
  db.prepare(q).run(...p);
}
