import { AppError } from '../../../schemas/errors';
import { loadDefaultAgeGroups, loadStpFormBundle, loadStpUiMessages } from '../../../schemas/data/stpDemoSpecs';
import type { RegistrationProcess } from '../../../schemas/registration';
import { AgeGroupConfig, type DemoMasterData, LocationNode, ProcessSpec, RegistrationFormBundle } from '../../../schemas/uiSpec';
import type { DB } from '../db/Database';
import { latestIdSchema } from '../db/repos/idSchemas';
import { listMasterData } from '../db/repos/masterData';
import { getConfigValue } from '../db/repos/syncConfig';
import { documentCategoriesFrom, DYNAMIC_FIELD_ENTITY, dynamicFieldsFrom, templateNamesOf, templatesFrom } from './formMasterData';

/** `IDSchemaVersion` written for registrations taken on the demo schema (MOSIP's sample uses 0.1). */
export const DEMO_ID_SCHEMA_VERSION = 0.1;
const AGE_GROUPS_KEY = 'mosip.regproc.packet.classifier.tagging.agegroup.ranges';

/** The forms in force and the ID schema a packet of them must be built against. */
export interface ResolvedFormBundle {
  readonly bundle: RegistrationFormBundle;
  readonly source: 'synced' | 'demo';
  /** ID.json `IDSchemaVersion` */
  readonly idSchemaVersion: number;
}

/**
 * Which forms the operator fills: the synced ID schema with the UI specs that rode along in the
 * same `latestidschema` response, or, until a sync brought UI specs, the São Tomé demo bundle.
 * Never a mix: demo specs over a synced schema would let the form and the packet disagree.
 * Dropdown values, document types and consent templates are the server's master data once synced
 * (see #formMasterData), whichever specs are in force.
 */
export class FormBundleService {
  readonly #db: DB;

  constructor(deps: { readonly db: DB }) {
    this.#db = deps.db;
  }

  /** @throws AppError ERR_REG_FORM_BUNDLE_INVALID when synced UI specs cannot be read */
  current(): ResolvedFormBundle {
    const synced = latestIdSchema(this.#db);
    const response = synced ? (JSON.parse(synced.responseJson) as Record<string, unknown>) : {};
    const specKeys = Object.keys(response).filter((k) => /process$/i.test(k) && typeof response[k] === 'object' && response[k] !== null);
    if (!synced || specKeys.length === 0) {
      const demo = loadStpFormBundle();
      const masterData = { locations: demo.masterData.locations, ...this.#formMasterData(demo.processes, demo.masterData) };
      return { bundle: { ...demo, masterData }, source: 'demo', idSchemaVersion: DEMO_ID_SCHEMA_VERSION };
    }
    const processes = specKeys.map((k) => parseOr(ProcessSpec, response[k], k)).sort((a, b) => a.order - b.order);
    const bundle = parseOr(RegistrationFormBundle, {
      idSchema: JSON.parse(synced.schemaJson),
      processes,
      ageGroups: this.#ageGroups(),
      // validator messages are the client's own catalogue in MOSIP too, not server data
      messages: loadStpUiMessages(),
      masterData: { locations: this.#locations(), ...this.#formMasterData(processes, null) },
    }, 'bundle');
    return { bundle, source: 'synced', idSchemaVersion: synced.idVersion };
  }

  /**
   * The spec of one process in the current bundle.
   * @throws AppError ERR_REG_FORM_BUNDLE_INVALID when the bundle has no spec for it
   */
  spec(bundle: RegistrationFormBundle, process: RegistrationProcess): ProcessSpec {
    const spec = bundle.processes.find((p) => p.id === process);
    if (!spec) throw new AppError('ERR_REG_FORM_BUNDLE_INVALID', { reason: `no UI spec for process ${process}` });
    return spec;
  }

  #ageGroups(): AgeGroupConfig {
    const raw = getConfigValue(this.#db, AGE_GROUPS_KEY);
    if (raw === undefined) return loadDefaultAgeGroups();
    try {
      return parseOr(AgeGroupConfig, JSON.parse(raw), AGE_GROUPS_KEY);
    } catch (cause) {
      throw new AppError('ERR_REG_FORM_BUNDLE_INVALID', { reason: `${AGE_GROUPS_KEY} is not a JSON age-group map` }, { cause });
    }
  }

  /**
   * Dynamic fields, document types and html templates from synced master data. Each group comes
   * from the server as soon as any row of it was synced; until then the demo specs keep the demo
   * data (`fallback`), and synced specs get nothing (never demo codes under a server's forms).
   */
  #formMasterData(processes: readonly ProcessSpec[], fallback: DemoMasterData | null): Omit<DemoMasterData, 'locations'> {
    const rows = (entity: string) => listMasterData(this.#db, entity);
    const dynamic = rows(DYNAMIC_FIELD_ENTITY);
    const [categories, types, valid] = [rows('DocumentCategory'), rows('DocumentType'), rows('ApplicantValidDocument')];
    const templates = rows('Template');
    return {
      dynamicFields: dynamic.length > 0 ? dynamicFieldsFrom(dynamic) : (fallback?.dynamicFields ?? {}),
      documentCategories: categories.length + types.length + valid.length > 0 ? documentCategoriesFrom(categories, types, valid) : (fallback?.documentCategories ?? []),
      templates: templates.length > 0 ? templatesFrom(templates, templateNamesOf(processes)) : (fallback?.templates ?? {}),
    };
  }

  /** Synced `Location` rows (one per language) folded into one node per code. */
  #locations(): LocationNode[] {
    const nodes = new Map<string, { code: string; hierarchyLevel: number; hierarchyLevelName: string; parentLocCode: string | null; name: Record<string, string> }>();
    for (const row of listMasterData(this.#db, 'Location')) {
      if (!row.isActive) continue;
      const d = row.data;
      const code = String(d['code']);
      const node = nodes.get(code) ?? { code, hierarchyLevel: Number(d['hierarchyLevel'] ?? 0), hierarchyLevelName: String(d['hierarchyName'] ?? ''), parentLocCode: d['parentLocCode'] == null ? null : String(d['parentLocCode']), name: {} };
      node.name[row.langCode] = String(d['name'] ?? code);
      nodes.set(code, node);
    }
    return [...nodes.values()].map((n) => LocationNode.parse(n));
  }
}

function parseOr<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('ERR_REG_FORM_BUNDLE_INVALID', { reason: `${where}: ${issue ? `${issue.path.map(String).join('.')} ${issue.message}` : 'invalid'}` });
}
