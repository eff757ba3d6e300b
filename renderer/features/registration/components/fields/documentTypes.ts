/**
 * Document types offered per document category (UI-spec `subType`). TODO(#6): the form bundle should
 * carry MOSIP's `REG.DOC_TYPE` / `APPLICANT_VALID_DOCUMENT` master data; until it does, these codes
 * are the STP demo's, and their names are translated under `registration.documentType`.
 */
export const DOCUMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  POI: ['CIN', 'PASSPORT', 'DRIVING_LICENCE'],
  POA: ['UTILITY_BILL', 'RESIDENCE_CERTIFICATE', 'RENTAL_CONTRACT'],
  POR: ['BIRTH_CERTIFICATE', 'GUARDIANSHIP_ORDER'],
  POB: ['BIRTH_CERTIFICATE', 'BAPTISM_CERTIFICATE'],
  POE: ['MEDICAL_CERTIFICATE'],
};
