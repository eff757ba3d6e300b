import type { MachineIdentity } from '../../../schemas/machine';
import type { Clock } from '../../../native/time/Clock';
import type { QualityPolicyConfig } from '../../../native/sbi/qualityPolicy';
import type { TrustStore } from '../../../native/sbi/TrustStore';
import type { AuditLog } from '../audit/AuditLog';
import type { DB } from '../db/Database';
import { DraftBiometrics, type BiometricCapturer } from './drafts/DraftBiometrics';
import { DraftDocuments } from './drafts/DraftDocuments';
import { DraftService, type RegistrationGate } from './drafts/DraftService';
import type { OperatorAuthenticator } from './drafts/authenticateSubmission';
import { DraftSubmitter, type DraftPacketBuilder } from './drafts/DraftSubmitter';
import { FormBundleService } from './FormBundleService';
import { PreRegistrationService, type PreRegistrationSource } from './preRegistration/PreRegistrationService';
import { BirthRecordService } from './crvs/BirthRecordService';
import type { CrvsRegistryAccess, CrvsRegistryClient } from '../crvs/CrvsRegistryClient';

export interface RegistrationServicesOptions {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly identity: MachineIdentity;
  readonly devices: BiometricCapturer;
  /** the device (SBI) trust anchors, read at each submit to verify the draft's captures again */
  readonly captureTrust: () => TrustStore;
  readonly packets: DraftPacketBuilder;
  /** the login's password check (AuthService): operator authentication before a packet is built */
  readonly auth: OperatorAuthenticator;
  /** the supervisor setting: a registration with biometric exceptions needs a reviewer (read at each submit) */
  readonly reviewerAuthentication?: () => boolean;
  /** offline limits: a hit limit refuses new drafts */
  readonly gate: RegistrationGate;
  readonly qualityPolicy?: QualityPolicyConfig | (() => QualityPolicyConfig);
  /** the pre-registration server client, when a server is configured (read at each use) */
  readonly preRegistrationSource?: () => PreRegistrationSource | undefined;
  /** the civil registry's record search, and where and as whom (read at each fetch; throws when not set up) */
  readonly registryClient?: Pick<CrvsRegistryClient, 'findBirth'>;
  readonly registryAccess?: () => CrvsRegistryAccess;
}

/** The registration area: forms, drafts, their documents and captures, submission. */
export interface RegistrationServices {
  readonly bundles: FormBundleService;
  readonly drafts: DraftService;
  readonly documents: DraftDocuments;
  readonly biometrics: DraftBiometrics;
  readonly submitter: DraftSubmitter;
  readonly preRegistrations: PreRegistrationService;
  readonly birthRecords: BirthRecordService;
}

export function createRegistrationServices(o: RegistrationServicesOptions): RegistrationServices {
  const { db, audit, clock } = o;
  const bundles = new FormBundleService({ db });
  const drafts = new DraftService({ db, audit, clock, gate: o.gate, bundles });
  const documents = new DraftDocuments({ db, audit, clock, drafts, bundles });
  const biometrics = new DraftBiometrics({ db, audit, clock, drafts, documents, bundles, devices: o.devices, ...(o.qualityPolicy ? { policy: o.qualityPolicy } : {}) });
  const preRegistrations = new PreRegistrationService({
    db, audit, clock, drafts, documents, bundles, centreId: o.identity.centreId, source: o.preRegistrationSource ?? (() => undefined),
  });
  const submitter = new DraftSubmitter({
    db, audit, clock, identity: o.identity, drafts, biometrics, bundles, packets: o.packets, auth: o.auth, captureTrust: o.captureTrust,
    ...(o.reviewerAuthentication ? { reviewerAuthentication: o.reviewerAuthentication } : {}),
    onPreRegistrationUsed: (prid, operatorId) => preRegistrations.consume(prid, operatorId),
  });
  const birthRecords = new BirthRecordService({
    audit, drafts, bundles, ...(o.registryClient ? { registryClient: o.registryClient } : {}), ...(o.registryAccess ? { registryAccess: o.registryAccess } : {}),
  });
  return { bundles, drafts, documents, biometrics, submitter, preRegistrations, birthRecords };
}
