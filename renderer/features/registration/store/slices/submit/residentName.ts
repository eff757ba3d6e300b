import type { FormState } from '../../initialState';

/** The resident's name in the draft's first language (MOSIP's `fullName`), for the progress card and receipt. */
export function residentName(form: FormState): string | null {
  const value = form.values.fullName;
  if (value?.type === 'localized') return value.values[form.languages[0] ?? ''] ?? Object.values(value.values)[0] ?? null;
  return value?.type === 'text' ? value.value : null;
}
