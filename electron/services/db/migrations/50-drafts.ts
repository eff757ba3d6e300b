import type { Migration } from './Migration';

/**
 * Registrations in progress. A draft is the page's autosaved form (JSON) plus what only the back
 * end holds: the converted document PDFs and every accepted SBI capture attempt (the signed
 * CaptureResult as JSON, which one is kept) and the draft's SBI hash chain. Everything personal
 * stays in this encrypted database; nothing is written beside it in clear.
 */
export const updateToSchemaVersion50: Migration = {
  version: 50,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        draft_id TEXT PRIMARY KEY,
        operator_id TEXT NOT NULL,
        process TEXT NOT NULL,
        json TEXT NOT NULL,
        hash_chain TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        saved_at INTEGER NOT NULL
      );
      CREATE INDEX drafts_operator ON drafts (operator_id, saved_at);
      CREATE TABLE draft_documents (
        storage_id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL,
        field_id TEXT NOT NULL,
        document_type TEXT NOT NULL,
        format TEXT NOT NULL,
        ref_number TEXT,
        bytes BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX draft_documents_draft ON draft_documents (draft_id, field_id);
      CREATE TABLE draft_captures (
        draft_id TEXT NOT NULL,
        field_id TEXT NOT NULL,
        modality TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        result_json TEXT NOT NULL,
        average_quality REAL NOT NULL,
        kept INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (draft_id, field_id, modality, attempt)
      );
    `);
  },
};
