import type { DocumentCategoryOptions, DynamicFieldValue, LocalizedText, ProcessSpec } from '../../../schemas/uiSpec';
import type { MasterDataRecord } from '../db/repos/masterData';

export { DYNAMIC_FIELD_ENTITY } from '../sync/masterDataKeys';

/**
 * Synced MOSIP master-data rows (one per language, as `v2/clientsettings` sends them) folded into
 * the form bundle's shapes: one entry per code with its text per language. Inactive rows are
 * dropped (a row inactive in one language only loses that language); deleted rows never reach
 * the table (see applyMasterDataRows).
 */

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function active(rows: readonly MasterDataRecord[]): MasterDataRecord[] {
  return rows.filter((r) => r.isActive && r.langCode !== '');
}

/** Code → text per language, in the order the codes first appear. */
function namesByCode(rows: readonly MasterDataRecord[], codeKey = 'code', nameKey = 'name'): Map<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  for (const r of active(rows)) {
    const code = str(r.data[codeKey]);
    if (!code) continue;
    const names = out.get(code) ?? {};
    names[r.langCode] = str(r.data[nameKey]) ?? code;
    out.set(code, names);
  }
  return out;
}

/**
 * `DocumentCategory` × `DocumentType` × `ApplicantValidDocument` → each active category with the
 * active types mapped to it and, per type, the applicant types it is valid for.
 * A mapping row is language-tagged in MOSIP but means the same in every language: any active one counts.
 */
export function documentCategoriesFrom(categories: readonly MasterDataRecord[], types: readonly MasterDataRecord[], valid: readonly MasterDataRecord[]): DocumentCategoryOptions[] {
  const typeNames = namesByCode(types);
  const mapped = new Map<string, Map<string, Set<string>>>();
  for (const r of valid.filter((v) => v.isActive)) {
    const [cat, type, app] = [str(r.data['docCatCode']), str(r.data['docTypeCode']), str(r.data['appTypeCode'])];
    if (!cat || !type || !typeNames.has(type)) continue;
    const byType = mapped.get(cat) ?? new Map<string, Set<string>>();
    const apps = byType.get(type) ?? new Set<string>();
    if (app) apps.add(app);
    byType.set(type, apps);
    mapped.set(cat, byType);
  }
  return [...namesByCode(categories)].map(([code, name]) => {
    const byType = mapped.get(code) ?? new Map<string, Set<string>>();
    // types in DocumentType order, so every category lists them the same way
    const list = [...typeNames].filter(([t]) => byType.has(t)).map(([t, n]) => ({ code: t, name: n, applicantTypes: [...(byType.get(t) ?? [])].sort() }));
    return { code, name, types: list };
  });
}

/** The `{code, value}` entries of one `DynamicField` row: `fieldVal` list (1.2), or a per-row value. */
function entriesOf(data: Readonly<Record<string, unknown>>): { code: string; value: string }[] {
  const raw = data['fieldVal'] ?? parseJson(data['valueJson']) ?? (data['code'] !== undefined ? data : undefined);
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  return list.flatMap((e: unknown) => {
    if (!e || typeof e !== 'object') return [];
    const o = e as Record<string, unknown>;
    const code = str(o['code']);
    if (!code || o['active'] === false || o['isActive'] === false) return [];
    return [{ code, value: str(o['value']) ?? code }];
  });
}

function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined; // not JSON: the row carries no usable value, so it contributes nothing
  }
}

/** `DynamicField` rows → values by field name, each with its text per language. */
export function dynamicFieldsFrom(rows: readonly MasterDataRecord[]): Record<string, DynamicFieldValue[]> {
  const byName = new Map<string, Map<string, LocalizedText>>();
  for (const r of active(rows)) {
    const name = str(r.data['name']);
    if (!name) continue;
    const values = byName.get(name) ?? new Map<string, LocalizedText>();
    for (const { code, value } of entriesOf(r.data)) values.set(code, { ...values.get(code), [r.langCode]: value });
    byName.set(name, values);
  }
  return Object.fromEntries([...byName].map(([name, values]) => [name, [...values].map(([code, value]) => ({ code, value }))]));
}

/** Every `templateName` of the specs' html fields. */
export function templateNamesOf(processes: readonly ProcessSpec[]): string[] {
  const names = processes.flatMap((p) => p.screens.flatMap((s) => s.fields.flatMap((f) => (f.controlType === 'html' && f.templateName ? [f.templateName] : []))));
  return [...new Set(names)];
}

/**
 * The text of each html template per language, as MOSIP's 1.2 client finds it (RS
 * `TemplateServiceImpl#getHtmlTemplate`): the active `Template` rows of that language whose
 * `templateTypeCode` starts with the spec's `templateName`, by `id`, `fileText` concatenated.
 * A language with no such row is absent.
 */
export function templatesFrom(rows: readonly MasterDataRecord[], templateNames: readonly string[]): Record<string, LocalizedText> {
  const usable = active(rows).filter((r) => typeof r.data['fileText'] === 'string').sort((a, b) => String(a.data['id'] ?? '').localeCompare(String(b.data['id'] ?? '')));
  return Object.fromEntries(templateNames.map((name) => {
    const text: LocalizedText = {};
    for (const r of usable) {
      if (!String(r.data['templateTypeCode'] ?? '').startsWith(name)) continue;
      text[r.langCode] = (text[r.langCode] ?? '') + String(r.data['fileText']);
    }
    return [name, text];
  }));
}
