import sampleIdSchema from './data/mosipSampleIdSchema.json';

/**
 * MOSIP's sample ID schema (mosip/documentation `docs/_files/id-schema/id-schema-sample.json`, CC0),
 * used when no schema has been synced yet (CLI, tests, benchmark). The app uses the synced one.
 */
export const SAMPLE_ID_SCHEMA: unknown = sampleIdSchema;
