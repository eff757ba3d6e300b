import { generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { BioAttribute, RegistrationBiometricCapture, RegistrationInputDraft } from '../../../schemas/registration';
import { BIO_ATTRIBUTES } from './bioAttributes';
import { formatMdsTimestamp } from '../../../native/sbi/mdsTimestamp';

/** Sizes of the synthetic payloads; the defaults keep tests fast, the benchmark scales them up. */
export interface SampleSizes {
  readonly fingerBytes: number;
  readonly irisBytes: number;
  readonly faceBytes: number;
  readonly documentBytes: number;
  readonly exceptionPhotoBytes: number;
}

export const SMALL_SAMPLE: SampleSizes = { fingerBytes: 2_000, irisBytes: 3_000, faceBytes: 6_000, documentBytes: 4_000, exceptionPhotoBytes: 3_000 };
/** Realistic ISO sizes plus two scanned PDFs: about 5 MB of payload, under the 5 MiB server limit. */
export const BENCH_SAMPLE: SampleSizes = { fingerBytes: 30_000, irisBytes: 45_000, faceBytes: 150_000, documentBytes: 2_200_000, exceptionPhotoBytes: 60_000 };

const FINGERS: readonly BioAttribute[] = ['rightThumb', 'rightIndex', 'rightMiddle', 'rightRing', 'rightLittle', 'leftThumb', 'leftIndex', 'leftMiddle', 'leftRing', 'leftLittle'];
/** The sample's one exception: the applicant has no left little finger. */
const EXCEPTED: BioAttribute = 'leftLittle';

export interface SampleOptions {
  readonly sizes?: SampleSizes;
  readonly centreId?: string;
  readonly machineId?: string;
  /** epoch ms of the captures and of the registration */
  readonly now: number;
  /** key that signs the synthetic SBI payloads; one is generated when absent */
  readonly deviceKey?: KeyObject;
}

/**
 * A complete, schema-valid NEW registration for MOSIP's sample ID schema: demographics in
 * Portuguese and English, proof of identity and address (PDF), synthetic SBI captures of 10
 * fingers (one an exception, with an exception photo as proofOfException), 2 irises and a face.
 * The captures are signed like SBI 0.9.5 `data` blocks so the payload check is real.
 */
export function sampleRegistration(o: SampleOptions): RegistrationInputDraft {
  const sizes = o.sizes ?? SMALL_SAMPLE;
  const key = o.deviceKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const capture = (attribute: BioAttribute, bytes: number) => syntheticCapture(attribute, bytes, o.now, key);
  const captures = [
    ...FINGERS.filter((f) => f !== EXCEPTED).map((f) => capture(f, sizes.fingerBytes)),
    capture('leftEye', sizes.irisBytes),
    capture('rightEye', sizes.irisBytes),
    capture('face', sizes.faceBytes),
  ];
  const two = (por: string, eng: string) => [{ language: 'por', value: por }, { language: 'eng', value: eng }];
  return {
    process: 'NEW',
    idSchemaVersion: 0.1,
    centreId: o.centreId ?? '10001',
    machineId: o.machineId ?? '10002',
    langCodes: ['por', 'eng'],
    consent: true,
    createdAt: o.now,
    demographics: {
      fullName: two('Maria da Conceição Neves', 'Maria da Conceição Neves'),
      dateOfBirth: '1990/05/17',
      gender: two('FLE', 'FLE'),
      addressLine1: two('Rua de Santo António', 'Santo António Street'),
      addressLine2: two('Bairro da Boa Morte', 'Boa Morte District'),
      addressLine3: two('Casa 12', 'House 12'),
      region: two('Ilha de São Tomé', 'São Tomé Island'),
      province: two('Água Grande', 'Água Grande'),
      city: two('São Tomé', 'São Tomé'),
      zone: two('Boa Morte', 'Boa Morte'),
      postalCode: 'NA',
      phone: '+2399912345',
      email: 'maria.neves@example.st',
    },
    documents: {
      proofOfIdentity: { category: 'POI', type: 'DOC001', format: 'pdf', refNumber: 'ST1234567', content: fakePdf(sizes.documentBytes) },
      proofOfAddress: { category: 'POA', type: 'RNC', format: 'pdf', refNumber: null, content: fakePdf(sizes.documentBytes) },
      proofOfException: { category: 'POE', type: 'EOP', format: 'jpg', refNumber: null, content: fakeJpeg(sizes.exceptionPhotoBytes) },
    },
    biometrics: {
      individualBiometrics: {
        captures,
        exceptions: [{ attribute: EXCEPTED, ...BIO_ATTRIBUTES[EXCEPTED], reason: 'Permanent' }],
      },
    },
    operators: { officerId: 'operator1', officerPassword: true, supervisorId: 'supervisor1', supervisorPassword: true },
    audits: [
      { uuid: randomUUID(), at: o.now - 60_000, eventId: 'REG-EVT-001', eventName: 'Registration started', eventType: 'USER', sessionUserId: 'operator1', sessionUserName: 'operator1' },
      { uuid: randomUUID(), at: o.now, eventId: 'REG-EVT-002', eventName: 'Registration confirmed', eventType: 'USER', sessionUserId: 'operator1', sessionUserName: 'operator1' },
    ],
  };
}

/** A synthetic capture whose JWS payload carries base64url(iso) as bioValue (SBI 0.9.5 shape). */
export function syntheticCapture(attribute: BioAttribute, isoBytes: number, now: number, key: KeyObject): RegistrationBiometricCapture {
  const { bioType, bioSubType } = BIO_ATTRIBUTES[attribute];
  const iso = Buffer.concat([Buffer.from(bioType === 'Finger' ? 'FIR\x00020\x00' : bioType === 'Iris' ? 'IIR\x00020\x00' : 'FAC\x00030\x00', 'latin1'), randomBytes(Math.max(0, isoBytes - 8))]);
  const device = {
    deviceCode: `synthetic-${bioType.toLowerCase()}`,
    deviceServiceVersion: '0.9.5',
    digitalId: { dateTime: formatMdsTimestamp(now), deviceProvider: 'SYNTHETIC', deviceProviderId: 'SYNTHETIC.SBI', make: 'SYNTH', model: `${bioType}01`, serialNo: '0000000001', deviceSubType: bioType === 'Finger' ? 'Slap' : bioType === 'Iris' ? 'Double' : 'Full face', type: bioType },
  };
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const jws = (text: string) => {
    const body = Buffer.from(text, 'utf8').toString('base64url');
    return `${header}.${body}.${sign('sha256', Buffer.from(`${header}.${body}`), key).toString('base64url')}`;
  };
  // a signed digitalId as a device sends it: the server's cmd-validator reads its dateTime
  const payload = JSON.stringify({
    digitalId: jws(JSON.stringify(device.digitalId)), deviceCode: device.deviceCode, deviceServiceVersion: '0.9.5', bioType, bioSubType, purpose: 'Registration', env: 'Developer',
    bioValue: iso.toString('base64url'), transactionId: randomUUID(), timestamp: formatMdsTimestamp(now), requestedScore: '60', qualityScore: '90',
  });
  return {
    attribute, bioType, bioSubType, signedData: jws(payload), iso: iso.toString('base64'),
    qualityScore: 90, specVersion: '0.9.5', retries: 1, forceCaptured: false, capturedAt: now, device,
  };
}

function fakePdf(bytes: number): string {
  const head = Buffer.from('%PDF-1.4\n% synthetic scan\n', 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length - 6)), Buffer.from('\n%%EOF', 'latin1')]).toString('base64');
}

function fakeJpeg(bytes: number): string {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(Math.max(0, bytes - 6)), Buffer.from([0xff, 0xd9])]).toString('base64');
}
