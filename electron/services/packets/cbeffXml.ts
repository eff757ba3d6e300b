import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { RegistrationBiometricCapture, RegistrationBiometricException } from '../../../schemas/registration';
import { CBEFF_FORMAT_TYPE } from './bioAttributes';
import type { CheckedCapture } from './captureCheck';
import { utcIsoMillis } from './rid';

export const CBEFF_NAMESPACE = 'http://standards.iso.org/iso-iec/19785/-3/ed-2/';

/** CBEFF `Type` of the exception photo (kernel BiometricType.EXCEPTION_PHOTO). */
export const EXCEPTION_PHOTO_BIR_TYPE = 'ExceptionPhoto';

/** One BIR to write: a checked capture or an exception, with its index uuid. */
export type CbeffRecord =
  | { readonly kind: 'capture'; readonly index: string; readonly capture: RegistrationBiometricCapture; readonly checked: CheckedCapture; readonly isExceptionPhoto?: boolean }
  | { readonly kind: 'exception'; readonly index: string; readonly exception: RegistrationBiometricException; readonly at: number };

/**
 * CBEFF XML of one biometric field, laid out as MOSIP's sample
 * `components/id/individualBiometrics_bio_CBEFF.xml` and reg-client `BIRBuilder.buildBIR`:
 * BDB = base64url ISO record, SB = base64url of the detached device JWS, PAYLOAD = the signed
 * payload with its bioValue replaced by `<bioValue>` so the server can re-verify the device signature.
 */
export function buildCbeffXml(records: readonly CbeffRecord[], configured: readonly string[]): Buffer {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CBEFF_NAMESPACE, 'BIR');
  root.ele('BIRInfo').ele('Integrity').txt('false');
  for (const record of records) addBir(root, record);
  // 1.2 writes the record's others through JAXB (bio-utils BIR + AdapterOthersListToHashMap), after
  // the BIRs, joined with "," (registration-client PacketHandlerServiceImpl: String.join(",", …));
  // the <Others><Key>/<Value> of MOSIP's documentation sample is the older 1.1 layout.
  root.ele('others').ele('entry', { key: 'CONFIGURED' }).txt(configured.join(','));
  return Buffer.from(root.end({ prettyPrint: true }), 'utf8');
}

function addBir(root: XMLBuilder, record: CbeffRecord): void {
  const bir = root.ele('BIR');
  bir.ele('Version').ele('Major').txt('1').up().ele('Minor').txt('1');
  bir.ele('CBEFFVersion').ele('Major').txt('1').up().ele('Minor').txt('1');
  bir.ele('BIRInfo').ele('Integrity').txt('false');
  const bio = record.kind === 'capture' ? record.capture : record.exception;
  const info = bir.ele('BDBInfo');
  info.ele('Index').txt(record.index);
  info.ele('Format').ele('Organization').txt('Mosip').up().ele('Type').txt(String(CBEFF_FORMAT_TYPE[bio.bioType]));
  info.ele('CreationDate').txt(utcIsoMillis(record.kind === 'capture' ? record.capture.capturedAt : record.at));
  // the exception photo is a face capture written as MOSIP's BiometricType.EXCEPTION_PHOTO (format type of a face)
  info.ele('Type').txt(record.kind === 'capture' && record.isExceptionPhoto === true ? EXCEPTION_PHOTO_BIR_TYPE : bio.bioType);
  info.ele('Subtype').txt(bio.bioSubType);
  info.ele('Level').txt('Raw');
  info.ele('Purpose').txt('Enroll');
  const quality = info.ele('Quality');
  quality.ele('Algorithm').ele('Organization').txt('HMAC').up().ele('Type').txt('SHA-256');
  // BIRBuilder.buildBIR: qualityType.setScore((long) qualityScore), a cast that truncates
  quality.ele('Score').txt(String(record.kind === 'capture' ? Math.trunc(record.capture.qualityScore) : 0));
  if (record.kind === 'capture') {
    const { capture, checked } = record;
    const bioValue = checked.iso.toString('base64url');
    bir.ele('BDB').txt(bioValue);
    bir.ele('SB').txt(Buffer.from(checked.detachedJws, 'utf8').toString('base64url'));
    addOthers(bir, {
      EXCEPTION: 'false',
      RETRIES: String(capture.retries),
      SDK_SCORE: '0.0',
      FORCE_CAPTURED: String(capture.forceCaptured),
      PAYLOAD: checked.payloadText.split(bioValue).join('<bioValue>'),
      SPEC_VERSION: capture.specVersion,
    });
  } else {
    bir.ele('SB').txt('');
    addOthers(bir, { SPEC_VERSION: '', RETRIES: '0', FORCE_CAPTURED: 'false', EXCEPTION: 'true', PAYLOAD: '', SDK_SCORE: '0.0' });
  }
}

function addOthers(bir: XMLBuilder, entries: Readonly<Record<string, string>>): void {
  const others = bir.ele('others');
  for (const [key, value] of Object.entries(entries)) others.ele('entry', { key }).txt(value);
}
