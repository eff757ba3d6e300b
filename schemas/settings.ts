import { z } from 'zod';
import { CrvsRegistrySettings } from './crvsRegistry';
import { LanguageCode } from './operators';

const Port = z.number().int().min(1024, 'ports below 1024 are reserved').max(65535, 'a port is at most 65535');
const Score = z.number().int().min(0, 'a quality threshold is 0–100').max(100, 'a quality threshold is 0–100');
const Attempts = z.number().int().min(1, 'at least 1 attempt').max(10, 'at most 10 attempts');

/**
 * How this deployment delivers civil-registration packets (CRVS_NEW, CRVS_DEATH): `offline` builds
 * the local packet and sends it by RID sync + upload like any other; `online` sends its content to
 * Packet Manager `createPacket`, then starts regproc's `workflowinstance`, as the CRVS client MOSIP's
 * CRVS integration names (registration docs/crvs-mosip-integration.md), with that client's own
 * credentials (authmanager `clientidsecretkey`). The secret is not here: it is kept wrapped in the
 * data dir and never returned to the page.
 */
export const CivilRegistrationSettings = z
  .object({
    delivery: z.enum(['offline', 'online']),
    /** authmanager `appId` of the CRVS client (e.g. `regproc`, `partner`) */
    appId: z.string().trim().min(1, 'the app id is empty').max(64, 'an app id is at most 64 characters').nullable(),
    /** the Keycloak client id that has the ONLINE_REGISTRATION_CLIENT role */
    clientId: z.string().trim().min(1, 'the client id is empty').max(128, 'a client id is at most 128 characters').nullable(),
    /** Packet Manager `source`: a `provider.packetwriter.*` entry of the server must name it with CRVS_NEW / CRVS_DEATH */
    source: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'the source is 2–32 capital letters, digits or _'),
    /**
     * The civil registry (OpenCRVS) a CRVS_NEW draft fetches its birth record from, when delivery is
     * online; none: the record is typed or read from the QR. Its client secret is kept wrapped
     * (`keys/crvs-registry-secret.wrapped`). Older settings read as none.
     */
    registry: CrvsRegistrySettings.nullable().default(null),
  })
  .strict();
export type CivilRegistrationSettings = z.infer<typeof CivilRegistrationSettings>;

/** Offline until a supervisor chooses otherwise; older stored settings read as this. */
export const DEFAULT_CIVIL_REGISTRATION: CivilRegistrationSettings = { delivery: 'offline', appId: null, clientId: null, source: 'REGISTRATION_CLIENT', registry: null };

/** Whether the CRVS client's secret is stored (the secret itself never leaves the main process). */
export const CrvsClientSecretStatus = z.object({ configured: z.boolean() });
export type CrvsClientSecretStatus = z.infer<typeof CrvsClientSecretStatus>;

/** A new CRVS client secret, write-only. */
export const CrvsClientSecretInput = z.object({ secretKey: z.string().min(1, 'the secret is empty').max(256, 'a secret is at most 256 characters') }).strict();
export type CrvsClientSecretInput = z.infer<typeof CrvsClientSecretInput>;

/** Settings a supervisor changes on the machine; every change is audited. */
export const AppSettings = z
  .object({
    devices: z.object({
      /** SBI discovery range (MOSIP: 4501–4600) */
      portFrom: Port,
      portTo: Port,
      /** `warn` accepts an SBI whose hash chain does not verify, listing it as a warning */
      hashChainPolicy: z.enum(['strict', 'warn']),
      thresholds: z.object({ finger: Score, iris: Score, face: Score }),
      attempts: z.object({ finger: Attempts, iris: Attempts, face: Attempts }),
    }),
    /** serial port of the QR/barcode scanner (e.g. /dev/ttyUSB0, COM3), or none */
    scannerPort: z.string().trim().min(1).max(200).nullable(),
    /** serial port of the NMEA GPS for the centre-distance check, or none */
    gpsPort: z.string().trim().min(1).max(200).nullable(),
    /** MOSIP server base URL (https), or none to work offline */
    serverUrl: z
      .string()
      .url('the server address must be a URL')
      .refine((u) => /^https?:\/\//.test(u), 'the server address must start with https:// (http:// only for a local simulator)')
      .nullable(),
    /**
     * The name the administrator registered this machine under in MOSIP's machine master:
     * `tpm/publickey/verify` finds the machine by it. None: the host name, lower-cased, as MOSIP's
     * Java client sends (RegistrationSystemPropertiesChecker.getMachineId). Older settings read as none.
     */
    machineName: z.string().trim().min(1, 'the machine name is empty').max(64, 'a machine name is at most 64 characters').nullable().default(null),
    /** the UI language a new operator starts in */
    defaultLanguage: LanguageCode,
    /**
     * A supervisor authenticates (MOSIP `exception_auth`) before a registration with biometric
     * exceptions is built: MOSIP's `mosip.registration.reviewer_authentication_configuration`. On by
     * default here, since an exception is how a resident escapes biometric de-duplication; settings
     * stored before this option existed read as on.
     */
    reviewerAuthentication: z.boolean().default(true),
    civilRegistration: CivilRegistrationSettings.default(DEFAULT_CIVIL_REGISTRATION),
    /**
     * New registrations are refused below this much free space on the data dir's disk (issue 17):
     * a registration needs room for its packet (up to 5 MiB), the database and the logs, so the
     * disk never fills mid-build. MOSIP's synced `mosip.registration.disk_space_size` (5 MB by
     * default) raises it, never lowers it. Settings stored before this option read as the default.
     */
    minFreeDiskMb: z.number().int('whole megabytes').min(20, 'at least 20 MB').max(1_000_000, 'at most 1,000,000 MB').default(500),
  })
  .strict()
  .refine((s) => s.devices.portFrom <= s.devices.portTo, { message: 'the first port must not be after the last', path: ['devices', 'portTo'] });
export type AppSettings = z.infer<typeof AppSettings>;

/**
 * The machine name sync sends to `tpm/publickey/verify` and where it came from: the supervisor's
 * setting, else the host name lower-cased (registration-client RegistrationSystemPropertiesChecker.getMachineId).
 */
export const EffectiveMachineName = z.object({ name: z.string(), source: z.enum(['settings', 'host name']) });
export type EffectiveMachineName = z.infer<typeof EffectiveMachineName>;

/** MOSIP's defaults (incumbent-java-client.md §2.5, §6), Portuguese first. */
export const DEFAULT_SETTINGS: AppSettings = {
  devices: {
    portFrom: 4501,
    portTo: 4600,
    hashChainPolicy: 'strict',
    thresholds: { finger: 40, iris: 60, face: 90 },
    attempts: { finger: 3, iris: 3, face: 3 },
  },
  scannerPort: null,
  gpsPort: null,
  serverUrl: null,
  machineName: null,
  defaultLanguage: 'por',
  reviewerAuthentication: true,
  civilRegistration: DEFAULT_CIVIL_REGISTRATION,
  minFreeDiskMb: 500,
};
