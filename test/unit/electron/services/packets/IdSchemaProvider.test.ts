import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { SAMPLE_ID_SCHEMA } from '../../../../../schemas/registrationSampleIdSchema';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { putIdSchema } from '../../../../../electron/services/db/repos/idSchemas';
import { LatestIdSchema } from '../../../../../electron/services/packets/IdSchemaProvider';
import { throwsWithCode } from '../../../../helpers/assertAppError';
import { makeTempDir } from '../../../../helpers/tempDir';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const fieldsOf = (schema: { properties: { identity: { properties: Record<string, unknown> } } }) => Object.keys(schema.properties.identity.properties).sort();
/** the sample schema with one more field, as a server's newer version */
const withField = (name: string) => {
  const schema = structuredClone(SAMPLE_ID_SCHEMA) as { properties: { identity: { properties: Record<string, unknown> } } };
  schema.properties.identity.properties[name] = { type: 'string', fieldCategory: 'pvt', format: 'none' };
  return JSON.stringify(schema);
};

describe('LatestIdSchema', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  beforeEach(() => {
    temp = makeTempDir('id-schema-');
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('gives MOSIP\'s sample schema until the first sync', () => {
    assert.deepEqual(fieldsOf(new LatestIdSchema(db).current()), fieldsOf(SAMPLE_ID_SCHEMA as never));
  });

  it('follows the latest synced schema, parsing it again only when it changed', () => {
    const provider = new LatestIdSchema(db);
    putIdSchema(db, { idVersion: 0.2, schemaJson: withField('villageCode'), responseJson: '{}', effectiveFrom: undefined }, NOW);
    const synced = provider.current();
    assert.ok(fieldsOf(synced).includes('villageCode'));
    assert.equal(provider.current(), synced, 'the same parse while the row is unchanged');
    putIdSchema(db, { idVersion: 0.3, schemaJson: withField('parishCode'), responseJson: '{}', effectiveFrom: undefined }, NOW);
    assert.ok(fieldsOf(provider.current()).includes('parishCode'));
  });

  it('refuses a synced schema that is not an ID schema', () => {
    putIdSchema(db, { idVersion: 1, schemaJson: '{"properties":{}}', responseJson: '{}', effectiveFrom: undefined }, NOW);
    throwsWithCode(() => new LatestIdSchema(db).current(), 'ERR_PACKET_ID_SCHEMA_INVALID');
  });
});
