import { seedPreRegistrations } from './preRegSeed';
import type { SimState } from './SimState';

export interface SeedOptions {
  readonly officerPassword: string;
  readonly supervisorPassword: string;
  readonly now: number;
}

/**
 * Default São Tomé and Príncipe data: centre 10001, machine 10002 (its public key is registered
 * later through POST /_sim/machines), one officer and one supervisor, and a little master data
 * of each entity the client syncs. Entity names are MOSIP's (`v2/clientsettings`).
 */
export function seedState(state: SimState, options: SeedOptions): void {
  const { now } = options;
  const d = state.data;
  d.machines['10002'] ??= {
    machineId: '10002',
    centreId: '10001',
    name: 'stp-laptop-10002',
    publicKey: null,
    signPublicKey: null,
    keyIndex: null,
    signKeyIndex: null,
    isActive: true,
  };
  d.users['officer1'] = user('officer1', 'Officer One', options.officerPassword, ['REGISTRATION_OFFICER'], now);
  d.users['supervisor1'] = user('supervisor1', 'Supervisor One', options.supervisorPassword, ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER'], now);
  d.clients['mosip-regproc-client'] ??= 'sim-regproc-secret';
  d.clients['opencrvs-partner'] ??= 'sim-opencrvs-secret';
  const rows = (list: Record<string, unknown>[]) => list.map((row) => ({ updatedAt: now, row }));
  d.masterData = {
    RegistrationCenter: rows([
      { id: '10001', name: 'Centro de Registo Água Grande', langCode: 'por', centerTypeCode: 'REG', latitude: '0.3365', longitude: '6.7273', locationCode: 'AGR', isActive: true },
      { id: '10001', name: 'Água Grande Registration Centre', langCode: 'eng', centerTypeCode: 'REG', latitude: '0.3365', longitude: '6.7273', locationCode: 'AGR', isActive: true },
    ]),
    Machine: rows([{ id: '10002', name: 'stp-laptop-10002', langCode: 'eng', regCenterId: '10001', machineSpecId: '1001', isActive: true }]),
    ...documentMasterData(rows),
    Location: rows([
      { code: 'STP', name: 'São Tomé e Príncipe', hierarchyLevel: 0, hierarchyName: 'Country', parentLocCode: null, langCode: 'por', isActive: true },
      { code: 'ST', name: 'Ilha de São Tomé', hierarchyLevel: 1, hierarchyName: 'Region', parentLocCode: 'STP', langCode: 'por', isActive: true },
      { code: 'AGR', name: 'Água Grande', hierarchyLevel: 2, hierarchyName: 'District', parentLocCode: 'ST', langCode: 'por', isActive: true },
      { code: 'PRI', name: 'Região Autónoma do Príncipe', hierarchyLevel: 1, hierarchyName: 'Region', parentLocCode: 'STP', langCode: 'por', isActive: true },
    ]),
    ReasonCategory: rows([{ code: 'CLR', name: 'Rejeição pelo supervisor', langCode: 'por', isActive: true }]),
    ReasonList: rows([
      { code: 'APM', name: 'Foto não corresponde', rsnCatCode: 'CLR', langCode: 'por', isActive: true },
      { code: 'DMD', name: 'Documentos ilegíveis', rsnCatCode: 'CLR', langCode: 'por', isActive: true },
    ]),
    Template: rows([
      { id: '1101', name: 'Recibo de registo', fileFormatCode: 'html', templateTypeCode: 'reg-ack-template', fileText: '<p>RID: $RID</p>', langCode: 'por', isActive: true },
      ...CONSENT.map(([langCode, title, body], n) => ({
        id: `120${n + 1}`, name: 'Registration Consent', fileFormatCode: 'html', templateTypeCode: 'reg-consent-template', moduleName: 'Registration Client',
        fileText: `<html><body><h3>${title}</h3><p>${body}</p></body></html>`, langCode, isActive: true,
      })),
    ]),
    // one `dynamic` entity per field, named after it, as syncdata sends DynamicFieldDto lists
    ...dynamicFields(rows),
    Language: rows([
      { code: 'por', name: 'Português', isActive: true },
      { code: 'eng', name: 'English', isActive: true },
    ]),
  };
  d.preRegistrations = { ...seedPreRegistrations(now), ...d.preRegistrations };
  d.configs = {
    global: { 'mosip.kernel.rid.length': '29', 'mosip.registration.packet.maximum.count.offline.frequency': '70' },
    registration: { 'mosip.registration.rid_sync_batch_size': '5', 'mosip.registration.idle_time': '900', 'mosip.registration.invalid_login_count': '50' },
  };
}

function user(userId: string, name: string, password: string, roles: string[], now: number) {
  return { userId, name, password, roles, regCenterId: '10001', langCode: 'por', isActive: true, updatedAt: now };
}

const LANGS = ['por', 'eng', 'fra'] as const;
type Names = Readonly<Record<(typeof LANGS)[number], string>>;
type Rows = (list: Record<string, unknown>[]) => { updatedAt: number; row: Record<string, unknown> }[];

/** One row per language, as MOSIP's master-data tables hold them. */
function perLanguage(code: string, names: Names, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  return LANGS.map((langCode) => ({ code, name: names[langCode], langCode, isActive: true, ...extra }));
}

const CATEGORIES: readonly [string, Names][] = [
  ['POI', { por: 'Comprovativo de identidade', eng: 'Proof of identity', fra: "Justificatif d'identité" }],
  ['POA', { por: 'Comprovativo de morada', eng: 'Proof of address', fra: 'Justificatif de domicile' }],
  ['POR', { por: 'Comprovativo de relação', eng: 'Proof of relationship', fra: 'Justificatif de lien de parenté' }],
  ['POB', { por: 'Comprovativo de nascimento', eng: 'Proof of birth', fra: 'Justificatif de naissance' }],
  ['POE', { por: 'Comprovativo de exceção', eng: 'Proof of exception', fra: "Justificatif d'exception" }],
];
const TYPES: readonly [string, Names][] = [
  ['CIN', { por: 'Bilhete de Identidade', eng: 'National identity card', fra: "Carte d'identité nationale" }],
  ['PASSPORT', { por: 'Passaporte', eng: 'Passport', fra: 'Passeport' }],
  ['BIRTH_CERTIFICATE', { por: 'Certidão de Nascimento', eng: 'Birth certificate', fra: 'Acte de naissance' }],
  ['UTILITY_BILL', { por: 'Fatura de água ou eletricidade', eng: 'Water or electricity bill', fra: "Facture d'eau ou d'électricité" }],
  ['RESIDENCE_CERTIFICATE', { por: 'Atestado de residência', eng: 'Residence certificate', fra: 'Certificat de résidence' }],
  ['MEDICAL_CERTIFICATE', { por: 'Atestado médico', eng: 'Medical certificate', fra: 'Certificat médical' }],
];
const ALL_APPLICANTS = ['001', '002', '003', '004', '005', '006', '007', '008'];
/** category → type → applicant types (applicanttype.mvel codes): the national card is for nationals only */
const VALID: readonly [string, string, readonly string[]][] = [
  ['POI', 'CIN', ['003', '004', '007', '008']], ['POI', 'PASSPORT', ALL_APPLICANTS],
  ['POA', 'UTILITY_BILL', ALL_APPLICANTS], ['POA', 'RESIDENCE_CERTIFICATE', ALL_APPLICANTS],
  ['POR', 'BIRTH_CERTIFICATE', ALL_APPLICANTS], ['POB', 'BIRTH_CERTIFICATE', ALL_APPLICANTS], ['POE', 'MEDICAL_CERTIFICATE', ALL_APPLICANTS],
];

/** DocumentCategory, DocumentType and ApplicantValidDocument in MOSIP's 1.2 shapes. */
function documentMasterData(rows: Rows): Record<string, { updatedAt: number; row: Record<string, unknown> }[]> {
  return {
    DocumentCategory: rows(CATEGORIES.flatMap(([code, names]) => perLanguage(code, names))),
    DocumentType: rows(TYPES.flatMap(([code, names]) => perLanguage(code, names, { description: names.eng }))),
    ApplicantValidDocument: rows(VALID.flatMap(([docCatCode, docTypeCode, apps]) => apps.map((appTypeCode) => ({ appTypeCode, docCatCode, docTypeCode, langCode: 'por', isActive: true })))),
  };
}

const CONSENT: readonly [string, string, string][] = [
  ['por', 'Consentimento para o tratamento de dados pessoais', 'Os dados recolhidos servem apenas para atribuir e gerir o número de identificação nacional, e nunca são partilhados sem base legal.'],
  ['eng', 'Consent to the processing of personal data', 'The data collected is used only to issue and manage the national identity number, and is never shared without a legal basis.'],
  ['fra', 'Consentement au traitement des données personnelles', "Les données recueillies servent uniquement à attribuer et gérer le numéro d'identification national, et ne sont jamais partagées sans base légale."],
];

const DYNAMIC: readonly [string, readonly [string, Names][]][] = [
  ['gender', [['FLE', { por: 'Feminino', eng: 'Female', fra: 'Féminin' }], ['MLE', { por: 'Masculino', eng: 'Male', fra: 'Masculin' }]]],
  ['residenceStatus', [['NAT', { por: 'Nacional', eng: 'National', fra: 'National' }], ['FR', { por: 'Estrangeiro residente', eng: 'Foreign resident', fra: 'Résident étranger' }]]],
  ['preferredLang', [['por', { por: 'Português', eng: 'Portuguese', fra: 'Portugais' }], ['eng', { por: 'Inglês', eng: 'English', fra: 'Anglais' }], ['fra', { por: 'Francês', eng: 'French', fra: 'Français' }]]],
  // MOSIP's CRVS design: typeOfDeath "such as natural or jurisdictional" (Configurations Details)
  ['typeOfDeath', [['NATURAL', { por: 'Natural', eng: 'Natural', fra: 'Naturelle' }], ['JURISDICTIONAL', { por: 'Sob investigação judicial', eng: 'Under judicial investigation', fra: 'Sous enquête judiciaire' }]]],
];

/** DynamicFieldDto per field and language: `{id, name, langCode, dataType, fieldVal: [{code, value, active}], isActive}`. */
function dynamicFields(rows: Rows): Record<string, { updatedAt: number; row: Record<string, unknown> }[]> {
  return Object.fromEntries(DYNAMIC.map(([name, values]) => [name, rows(LANGS.map((langCode) => ({
    id: `${name}-${langCode}`, name, langCode, dataType: 'string', description: name, isActive: true,
    fieldVal: values.map(([code, names]) => ({ code, value: names[langCode], active: true })),
  })))]));
}
