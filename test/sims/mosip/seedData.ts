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
    DocumentType: rows([
      { code: 'DOC001', name: 'Bilhete de Identidade', langCode: 'por', isActive: true },
      { code: 'DOC002', name: 'Passaporte', langCode: 'por', isActive: true },
      { code: 'DOC003', name: 'Certidão de Nascimento', langCode: 'por', isActive: true },
    ]),
    DocumentCategory: rows([
      { code: 'POI', name: 'Prova de Identidade', langCode: 'por', isActive: true },
      { code: 'POB', name: 'Prova de Nascimento', langCode: 'por', isActive: true },
    ]),
    ValidDocument: rows([
      { docTypeCode: 'DOC001', docCategoryCode: 'POI', langCode: 'por', isActive: true },
      { docTypeCode: 'DOC003', docCategoryCode: 'POB', langCode: 'por', isActive: true },
    ]),
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
    ]),
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
