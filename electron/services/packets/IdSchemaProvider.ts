import type { IdSchemaJson } from '../../../schemas/registrationIdSchema';
import { SAMPLE_ID_SCHEMA } from '../../../schemas/registrationSampleIdSchema';
import type { DB } from '../db/Database';
import { latestIdSchema } from '../db/repos/idSchemas';
import { parseIdSchema } from './registrationValidator';

/** The ID schema a build uses when its request names none. */
export interface IdSchemaProvider {
  /** @throws AppError ERR_PACKET_ID_SCHEMA_INVALID */
  current(): IdSchemaJson;
}

/**
 * The latest synced ID schema, or MOSIP's sample until the first sync. A sync may store a new one
 * at any time, so the row is read at every build; it is parsed again only when its text changed.
 */
export class LatestIdSchema implements IdSchemaProvider {
  readonly #db: DB;
  #cached: Readonly<{ json: string | null; schema: IdSchemaJson }> | undefined;

  constructor(db: DB) {
    this.#db = db;
  }

  current(): IdSchemaJson {
    const json = latestIdSchema(this.#db)?.schemaJson ?? null;
    if (this.#cached?.json !== json) this.#cached = { json, schema: parseIdSchema(json === null ? SAMPLE_ID_SCHEMA : JSON.parse(json)) };
    return this.#cached.schema;
  }
}

/** One schema for every build (`packet build --id-schema`, tests). */
export function fixedIdSchema(schema: IdSchemaJson): IdSchemaProvider {
  return { current: () => schema };
}
