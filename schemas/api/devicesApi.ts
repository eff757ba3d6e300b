import { z } from 'zod';
import { SerializedError } from '../errors';
import { BioSubType, CaptureResult, CertThumbprint, DiscoveryResult, Modality, TrustAnchor } from '../sbi';
import { Empty } from './coreApi';
import { method } from './defineApi';

export const devicesApi = {
  'devices.discover': method({ input: Empty, output: DiscoveryResult, access: 'session' }),
  'devices.capture': method({
    input: z
      .object({
        modality: Modality,
        /** missing fingers or eyes, by MDS name */
        exceptions: z.array(BioSubType).max(10).default([]),
        /** the registration's hash chain so far: "" for its first capture */
        previousHash: z.string().regex(/^$|^[0-9A-F]{64}$/, 'previousHash is "" or 64 uppercase hex'),
        requestedScore: z.number().int().min(0).max(100).optional(),
      })
      .strict(),
    output: CaptureResult,
    access: ['REGISTRATION_OFFICER'],
  }),
  'devices.startPreview': method({ input: z.object({ modality: Modality }).strict(), output: Empty, access: ['REGISTRATION_OFFICER'] }),
  'devices.stopPreview': method({ input: Empty, output: Empty, access: ['REGISTRATION_OFFICER'] }),
  /** the device CA certificates in force (server-synced and local), for everyone to see */
  'devices.trustAnchors': method({ input: Empty, output: z.array(TrustAnchor), access: 'session' }),
  /** trusts one more device CA (a PEM text, as read from a .pem/.crt file); from the next discovery on */
  'devices.addTrustAnchor': method({
    input: z.object({ pem: z.string().min(1, 'choose a certificate file').max(65_536, 'a certificate file is at most 64 KiB') }).strict(),
    output: TrustAnchor,
    access: ['REGISTRATION_SUPERVISOR'],
  }),
  /** stops trusting a local anchor; server anchors are managed by the server */
  'devices.removeTrustAnchor': method({ input: z.object({ thumbprint: CertThumbprint }).strict(), output: Empty, access: ['REGISTRATION_SUPERVISOR'] }),
} as const;

export const devicesEvents = {
  /** after a hot-plug re-discovery: what is connected now */
  'devices.onDidChange': DiscoveryResult,
  /** one JPEG preview frame for the screen that started the preview (base64: frames travel as JSON) */
  'devices.onDidPreviewFrame': z.object({ modality: Modality, index: z.number().int().nonnegative(), jpegBase64: z.string() }),
  /** the preview ended: by stopPreview (error null) or with the device's error */
  'devices.onDidEndPreview': z.object({ modality: Modality, error: SerializedError.nullable() }),
  /** a non-blocking device warning, e.g. ERR_SBI_USB_UNAVAILABLE */
  'devices.onDidWarn': SerializedError,
} as const;
