import { PreRegDocumentRef } from '../../../../schemas/preRegistration';
import type { FormFieldValue, FormValues } from '../../../../schemas/registrationForm';
import type { DemoMasterData, UiField } from '../../../../schemas/uiSpec';

/** What the form gets from an application's `ID.json` identity. */
export interface MappedIdentity {
  /** demographic values by field id, in the draft's value shapes */
  readonly values: FormValues;
  /** document fields and the `ID.json` reference of each (the zip entry is found by `value`) */
  readonly documents: readonly { readonly fieldId: string; readonly ref: PreRegDocumentRef }[];
  /** identity keys the form has no place for (not in the spec, or in a kept field) */
  readonly ignored: readonly string[];
}

export interface MapIdentityInput {
  readonly identity: Readonly<Record<string, unknown>>;
  /** the process spec's fields */
  readonly fields: readonly UiField[];
  /** the draft's data-entry languages, first = primary */
  readonly languages: readonly string[];
  readonly masterData: DemoMasterData;
  /** fields kept as captured (`mosip.registration.fields.to.retain.post.prid.fetch`) */
  readonly retained: ReadonlySet<string>;
}

/** Keys of `ID.json` that are bookkeeping, not resident data. */
const NOT_DATA = new Set(['IDSchemaVersion', 'UIN', 'registrationType']);

/**
 * Maps a pre-registration `ID.json` identity onto a draft's fields, as the 1.2 client's
 * pre-registration prefill does: `simpleType` text per data-entry language, `string` values as
 * text, dropdown/button choices to their master-data code (the value is a code in 1.2 pre-reg;
 * a name in any language is matched back to its code for older applications), dates as
 * `yyyy/MM/dd`, documents by reference. A value of the wrong shape is skipped, never guessed,
 * so the operator sees the field empty and fills it.
 */
export function mapPreRegIdentity(input: MapIdentityInput): MappedIdentity {
  const byId = new Map(input.fields.map((f) => [f.id, f]));
  const values: Record<string, FormFieldValue> = {};
  const documents: { fieldId: string; ref: PreRegDocumentRef }[] = [];
  const ignored: string[] = [];
  for (const [id, raw] of Object.entries(input.identity)) {
    if (NOT_DATA.has(id) || raw === null || raw === undefined) continue;
    const field = byId.get(id);
    if (!field || input.retained.has(id)) {
      ignored.push(id);
      continue;
    }
    if (field.controlType === 'fileupload') {
      const ref = PreRegDocumentRef.safeParse(raw);
      if (ref.success) documents.push({ fieldId: id, ref: ref.data });
      else ignored.push(id);
      continue;
    }
    const value = valueFor(field, raw, input);
    if (value) values[id] = value;
    else ignored.push(id);
  }
  return { values, documents, ignored };
}

function valueFor(field: UiField, raw: unknown, input: MapIdentityInput): FormFieldValue | undefined {
  switch (field.controlType) {
    case 'textbox':
      return field.type === 'simpleType' ? localized(raw, input.languages) : textOf(raw, input.languages);
    case 'ageDate': {
      const text = textOf(raw, input.languages);
      // pre-registration writes yyyy/MM/dd (the ID schema's pattern); accept ISO dates too
      const date = text?.type === 'text' ? text.value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1/$2/$3') : undefined;
      return date && /^\d{4}\/\d{2}\/\d{2}$/.test(date) ? { type: 'text', value: date } : undefined;
    }
    case 'dropdown':
    case 'button': {
      const code = codeOf(field, raw, input);
      return code === undefined ? undefined : { type: 'code', code };
    }
    case 'checkbox': {
      const text = textOf(raw, input.languages);
      return text?.type === 'text' ? { type: 'flag', checked: /^(y|yes|true)$/i.test(text.value) } : undefined;
    }
    default:
      return undefined; // biometrics, html, fileupload (handled above), unknown controls
  }
}

/** `[{language, value}]` → one value per data-entry language; other languages are dropped. */
function localized(raw: unknown, languages: readonly string[]): FormFieldValue | undefined {
  const entries = languageValues(raw);
  if (!entries) return typeof raw === 'string' ? { type: 'localized', values: { [languages[0]!]: raw } } : undefined;
  const values = Object.fromEntries(languages.flatMap((l) => (entries.has(l) ? [[l, entries.get(l)!]] : [])));
  return Object.keys(values).length > 0 ? { type: 'localized', values } : undefined;
}

/** A `string` field's text; a `simpleType` array gives its primary-language (else first) value. */
function textOf(raw: unknown, languages: readonly string[]): FormFieldValue | undefined {
  if (typeof raw === 'string') return { type: 'text', value: raw };
  if (typeof raw === 'number') return { type: 'text', value: String(raw) };
  const entries = languageValues(raw);
  const first = entries && (languages.map((l) => entries.get(l)).find((v) => v !== undefined) ?? [...entries.values()][0]);
  return first === undefined ? undefined : { type: 'text', value: first };
}

function languageValues(raw: unknown): Map<string, string> | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out = new Map<string, string>();
  for (const item of raw as unknown[]) {
    const { language, value } = (item ?? {}) as { language?: unknown; value?: unknown };
    if (typeof language === 'string' && typeof value === 'string') out.set(language, value);
  }
  return out.size > 0 ? out : undefined;
}

/** A dropdown value as its master-data code: the code itself, or a name matched in any language. */
function codeOf(field: UiField, raw: unknown, input: MapIdentityInput): string | undefined {
  const text = textOf(raw, input.languages);
  if (text?.type !== 'text' || text.value.trim() === '') return undefined;
  const value = text.value.trim();
  const options = field.locationHierarchy || input.masterData.locations.some((l) => l.hierarchyLevelName === field.subType)
    ? input.masterData.locations.map((l) => ({ code: l.code, names: Object.values(l.name) }))
    : (input.masterData.dynamicFields[field.subType ?? ''] ?? input.masterData.dynamicFields[field.id] ?? []).map((v) => ({ code: v.code, names: Object.values(v.value) }));
  if (options.length === 0 || options.some((o) => o.code === value)) return value;
  const lower = value.toLocaleLowerCase();
  return options.find((o) => o.names.some((n) => n.toLocaleLowerCase() === lower))?.code ?? value;
}
