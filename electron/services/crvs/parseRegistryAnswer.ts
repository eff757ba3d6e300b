import { MAX_REGISTRY_ANSWER_BYTES, RegistryBirthRecord, RegistrySearchAnswer } from '../../../schemas/crvsRegistry';
import { AppError } from '../../../schemas/errors';

function invalid(field: string, rule: string): AppError<'ERR_CRVS_REGISTRY_ANSWER_INVALID'> {
  return new AppError('ERR_CRVS_REGISTRY_ANSWER_INVALID', { field: field.slice(0, 80) || '(root)', rule: rule.slice(0, 80) });
}

/**
 * Reads OpenCRVS's search answer (`{results, total}`) for one birth registration number: at most
 * {@link MAX_REGISTRY_ANSWER_BYTES}, JSON without prototype keys, the record whose registered
 * number is exactly the one asked for (a search engine's near match is not that birth).
 * @throws AppError ERR_CRVS_REGISTRY_ANSWER_INVALID (field, rule), ERR_CRVS_REGISTRY_NOT_FOUND
 */
export function parseRegistryAnswer(body: Uint8Array, birthRegistrationNumber: string): RegistryBirthRecord {
  if (body.byteLength > MAX_REGISTRY_ANSWER_BYTES) throw invalid('(body)', `larger than ${MAX_REGISTRY_ANSWER_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString('utf8'), (key, value: unknown) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw invalid(key, 'forbidden key');
      return value;
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('(body)', 'not JSON');
  }
  const answer = RegistrySearchAnswer.safeParse(json);
  if (!answer.success) {
    const first = answer.error.issues[0]!;
    throw invalid(first.path.map(String).join('.'), first.code);
  }
  for (const [i, result] of answer.data.results.entries()) {
    const number = (result as { legalStatuses?: { REGISTERED?: { registrationNumber?: unknown } | null } } | null)?.legalStatuses?.REGISTERED?.registrationNumber;
    if (number !== birthRegistrationNumber) continue;
    const record = RegistryBirthRecord.safeParse(result);
    if (record.success) return record.data;
    const first = record.error.issues[0]!;
    throw invalid(`results.${i}.${first.path.map(String).join('.')}`, first.code === 'invalid_format' || first.code === 'custom' ? first.message : first.code);
  }
  throw new AppError('ERR_CRVS_REGISTRY_NOT_FOUND', { birthRegistrationNumber });
}
