import { z } from 'zod';
import { defineErrors, NoDetails, type ErrorSpec, type OperatorAction } from './defineErrors';

const Device = z.object({ port: z.number().int(), deviceId: z.string() });
const Mismatch = z.object({ port: z.number().int(), expected: z.string(), received: z.string() });

/**
 * Errors of the sbi area (biometric devices, USB hot-plug, serial peripherals).
 * Codes are API: never renamed or reused. Every device fault has its own code so that the
 * conformance suite can assert the exact rejection.
 */
export const sbiErrors = defineErrors({
  ERR_SBI_UNREACHABLE: { retry: 'retry', operatorAction: 'reconnect', log: 'device service refused the connection', details: () => z.object({ port: z.number().int() }) },
  ERR_SBI_RESPONSE_TOO_LARGE: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'device service answered with more bytes than an SBI answer has; the rest was not read',
    details: () => z.object({ port: z.number().int(), method: z.string(), limitBytes: z.number().int() }),
  },
  ERR_SBI_STREAM_FRAME_TOO_LARGE: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'device preview stream sent a frame larger than a preview frame can be',
    details: () => z.object({ port: z.number().int(), limitBytes: z.number().int() }),
  },
  ERR_SBI_TIMEOUT: {
    retry: 'retry',
    operatorAction: 'reconnect',
    log: 'device service did not answer in time',
    details: () => z.object({ port: z.number().int(), method: z.string(), timeoutMs: z.number().int() }),
  },
  ERR_SBI_CONNECTION_RESET: { retry: 'retry', operatorAction: 'reconnect', log: 'device service reset the connection', details: () => z.object({ port: z.number().int(), method: z.string() }) },
  ERR_SBI_MALFORMED_RESPONSE: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'device response is not the JSON the SBI spec describes',
    details: () => z.object({ port: z.number().int(), method: z.string(), issue: z.string() }),
  },
  ERR_SBI_NO_DEVICE: { retry: 'retry', operatorAction: 'reconnect', log: 'no usable device for this modality', details: () => z.object({ modality: z.string() }) },
  ERR_SBI_DEVICE_NOT_READY: { retry: 'retry', operatorAction: 'wait', log: 'device reports Not Ready', details: () => Device },
  ERR_SBI_DEVICE_BUSY: { retry: 'retry', operatorAction: 'wait', log: 'device reports Busy', details: () => Device },
  ERR_SBI_DEVICE_NOT_REGISTERED: { retry: 'fatal', operatorAction: 'callSupport', log: 'device is not registered (unsigned device info)', details: () => Device },
  ERR_SBI_DEVICE_ERROR: {
    retry: 'retry',
    operatorAction: 'recapture',
    log: 'device answered with an SBI error code',
    details: () => z.object({ port: z.number().int(), errorCode: z.string(), errorInfo: z.string() }),
  },
  ERR_SBI_UNSUPPORTED_SPEC: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'device does not speak SBI 0.9.5 / 1.0.0 for registration',
    details: () => z.object({ port: z.number().int(), specVersion: z.array(z.string()), purpose: z.string() }),
  },
  ERR_SBI_JWS_MALFORMED: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'signed block is not a compact RS256 JWS with an x5c certificate',
    details: () => z.object({ port: z.number().int(), part: z.string(), issue: z.string() }),
  },
  ERR_SBI_SIGNATURE_INVALID: { retry: 'fatal', operatorAction: 'callSupport', log: 'device signature does not verify', details: () => z.object({ port: z.number().int(), part: z.string() }) },
  ERR_SBI_CERT_EXPIRED: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'device certificate is expired or not yet valid',
    details: () => z.object({ port: z.number().int(), part: z.string(), notBefore: z.string(), notAfter: z.string() }),
  },
  ERR_SBI_CERT_UNTRUSTED: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'device certificate does not chain to a trusted device CA',
    details: () => z.object({ port: z.number().int(), part: z.string(), issuer: z.string() }),
  },
  ERR_SBI_DIGITAL_ID_INVALID: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'digitalId is unsigned, badly signed or incomplete',
    details: () => z.object({ port: z.number().int(), issue: z.string() }),
  },
  ERR_SBI_DIGITAL_ID_MISMATCH: {
    retry: 'fatal',
    operatorAction: 'reconnect',
    log: 'digitalId in the capture differs from the device info',
    details: () => z.object({ port: z.number().int(), field: z.string(), expected: z.string(), received: z.string() }),
  },
  ERR_SBI_TRANSACTION_ID_MISMATCH: { retry: 'retry', operatorAction: 'recapture', log: 'capture echoes a different transactionId', details: () => Mismatch },
  ERR_SBI_SPEC_VERSION_MISMATCH: { retry: 'retry', operatorAction: 'callSupport', log: 'capture echoes a different specVersion', details: () => Mismatch },
  ERR_SBI_TIMESTAMP_OUT_OF_WINDOW: {
    retry: 'retry',
    operatorAction: 'callSupport',
    log: 'capture timestamp is outside the allowed window of the host clock',
    details: () => z.object({ port: z.number().int(), timestamp: z.string(), windowMinutes: z.number() }),
  },
  ERR_SBI_TIMESTAMP_FORMAT: {
    retry: 'retry',
    operatorAction: 'callSupport',
    log: "capture timestamp or digitalId dateTime is not yyyy-MM-dd'T'HH:mm:ss'Z' (the server's cmd-validator would reject the packet)",
    details: () => z.object({ port: z.number().int(), field: z.string(), timestamp: z.string(), pattern: z.string() }),
  },
  ERR_SBI_HASH_CHAIN_BROKEN: {
    retry: 'retry',
    operatorAction: 'recapture',
    log: 'capture hash does not continue the hash chain',
    details: () => z.object({ port: z.number().int(), index: z.number().int(), expected: z.string(), received: z.string() }),
  },
  ERR_SBI_BIOVALUE_NOT_CANONICAL: {
    retry: 'retry',
    operatorAction: 'callSupport',
    log: 'bioValue is not unpadded base64url (the server could not re-verify it)',
    details: () => z.object({ port: z.number().int(), index: z.number().int() }),
  },
  ERR_SBI_BIO_TYPE_MISMATCH: { retry: 'retry', operatorAction: 'recapture', log: 'capture bioType differs from the request', details: () => Mismatch },
  ERR_SBI_BIO_SUBTYPE_UNEXPECTED: {
    retry: 'retry',
    operatorAction: 'recapture',
    log: 'capture contains a bioSubType that was not requested (or was excepted)',
    details: () => z.object({ port: z.number().int(), bioSubType: z.string(), allowed: z.array(z.string()) }),
  },
  ERR_SBI_BIO_SUBTYPE_DUPLICATE: { retry: 'retry', operatorAction: 'recapture', log: 'capture contains the same bioSubType twice', details: () => z.object({ port: z.number().int(), bioSubType: z.string() }) },
  ERR_SBI_ELEMENT_COUNT: {
    retry: 'retry',
    operatorAction: 'recapture',
    log: 'capture returned a different number of biometrics than requested',
    details: () => z.object({ port: z.number().int(), expected: z.number().int(), received: z.number().int() }),
  },
  ERR_SBI_QUALITY_INVALID: { retry: 'retry', operatorAction: 'recapture', log: 'qualityScore is not a number within 0..100', details: () => z.object({ port: z.number().int(), qualityScore: z.string() }) },
  ERR_SBI_ISO_INVALID: { retry: 'retry', operatorAction: 'recapture', log: 'bioValue is not an ISO 19794 record of the requested modality', details: () => z.object({ port: z.number().int(), index: z.number().int(), issue: z.string() }) },
  ERR_SBI_IMAGE_FORMAT: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'the image inside the ISO record is not the JPEG 2000 lossless MOSIP requires from registration devices',
    details: () => z.object({ port: z.number().int(), index: z.number().int(), modality: z.enum(['Finger', 'Iris', 'Face']), found: z.string(), required: z.string() }),
  },
  ERR_SBI_IMAGE_TOO_LARGE: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'the image dimensions in the ISO record exceed what a capture can be',
    details: () => z.object({ port: z.number().int(), index: z.number().int(), modality: z.enum(['Finger', 'Iris', 'Face']), width: z.number().int(), height: z.number().int(), maxPixels: z.number().int() }),
  },
  ERR_SBI_NOTHING_TO_CAPTURE: { retry: 'fatal', operatorAction: 'recapture', log: 'every biometric of this capture is marked as an exception', details: () => z.object({ modality: z.string() }) },
  ERR_SBI_STREAM_FAILED: { retry: 'retry', operatorAction: 'reconnect', log: 'live preview stream failed', details: () => z.object({ port: z.number().int(), issue: z.string() }) },
  ERR_SBI_USB_UNAVAILABLE: { retry: 'fatal', operatorAction: 'fixSettings', log: 'USB hot-plug events are unavailable (permissions or driver)', details: () => z.object({ reason: z.string() }) },
  ERR_SBI_SERIAL_OPEN_FAILED: { retry: 'retry', operatorAction: 'reconnect', log: 'serial port could not be opened', details: () => z.object({ path: z.string(), reason: z.string() }) },
  ERR_SBI_SERIAL_NOT_CONFIGURED: { retry: 'fatal', operatorAction: 'fixSettings', log: 'no serial port is chosen in settings', details: () => NoDetails },
  ERR_SBI_TRUST_ANCHOR_UNREADABLE: { retry: 'fatal', operatorAction: 'fixSettings', log: 'trust anchor is not a PEM X.509 certificate', details: () => NoDetails },
  ERR_SBI_TRUST_ANCHOR_NOT_SINGLE: {
    retry: 'fatal',
    operatorAction: 'fixSettings',
    log: 'trust anchor file must hold exactly one certificate',
    details: () => z.object({ count: z.number().int() }),
  },
  ERR_SBI_TRUST_ANCHOR_NOT_CA: {
    retry: 'fatal',
    operatorAction: 'fixSettings',
    log: 'trust anchor is not a CA certificate (basicConstraints CA:true missing)',
    details: () => z.object({ subject: z.string() }),
  },
  ERR_SBI_TRUST_ANCHOR_EXPIRED: { retry: 'fatal', operatorAction: 'callSupport', log: 'trust anchor has expired', details: () => z.object({ subject: z.string(), notAfter: z.string() }) },
  ERR_SBI_TRUST_ANCHOR_NOT_YET_VALID: { retry: 'fatal', operatorAction: 'callSupport', log: 'trust anchor is not valid yet', details: () => z.object({ subject: z.string(), notBefore: z.string() }) },
  ERR_SBI_TRUST_ANCHOR_DUPLICATE: {
    retry: 'fatal',
    operatorAction: 'fixSettings',
    log: 'trust anchor is already trusted',
    details: () => z.object({ subject: z.string(), thumbprint: z.string(), source: z.enum(['server', 'local']) }),
  },
  ERR_SBI_TRUST_ANCHOR_ROOT_NOT_FOUND: {
    retry: 'fatal',
    operatorAction: 'fixSettings',
    log: 'intermediate CA does not chain to a trusted root (keymanager ROOT_CA_NOT_FOUND)',
    details: () => z.object({ subject: z.string(), issuer: z.string() }),
  },
  ERR_SBI_TRUST_ANCHOR_NOT_FOUND: { retry: 'fatal', operatorAction: 'fixSettings', log: 'no local trust anchor has this thumbprint', details: () => z.object({ thumbprint: z.string() }) },
  ERR_SBI_TRUST_ANCHOR_SERVER_MANAGED: {
    retry: 'fatal',
    operatorAction: 'callSupport',
    log: 'trust anchor was synced from the server and can only be removed there',
    details: () => z.object({ thumbprint: z.string(), subject: z.string(), partnerDomain: z.string() }),
  },
  ERR_SBI_TRUST_ANCHOR_WRITE_FAILED: { retry: 'retry', operatorAction: 'fixSettings', log: 'trust anchor file could not be written or removed', details: () => z.object({ reason: z.string() }) },
}) satisfies Record<string, ErrorSpec & { readonly operatorAction: OperatorAction }>;
