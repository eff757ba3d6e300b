import type { UiField } from '../uiSpec';

/**
 * Separators operators type inside a phone number ("+239 991 2345", "991-23-45", "991.2345",
 * "(+239) 9912345"). The spec's regex (STP `^(\+239)?[29][0-9]{6}$`, also the ID schema's, which the
 * server applies to the stored identity) wants digits only, so they are dropped before it runs.
 */
const PHONE_SEPARATORS = /[\s.\-()\u00a0]/g;

/** Whether a field holds a phone number: MOSIP marks it with `contactType: "phone"` (or `subType: "phone"`). */
export function isPhoneField(field: Pick<UiField, 'contactType' | 'subType'>): boolean {
  return field.contactType === 'phone' || field.subType === 'phone';
}

/**
 * A phone number as it is stored: separators removed and a leading international `00` written as
 * `+` ("00239 991 2345" → "+2399912345"). Letters and other signs are kept, so the regex still
 * refuses them with the spec's message instead of them vanishing silently.
 */
export function normalisePhone(text: string): string {
  const compact = text.replace(PHONE_SEPARATORS, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/** What the form stores for typed text: phone numbers normalised, everything else as typed. */
export function normaliseFieldText(field: Pick<UiField, 'contactType' | 'subType'>, text: string): string {
  return isPhoneField(field) ? normalisePhone(text) : text;
}
