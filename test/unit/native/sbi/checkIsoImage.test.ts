import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isAppError, type ErrorCode } from '../../../../schemas/errors';
import { checkIsoImage, MAX_IMAGE_PIXELS } from '../../../../native/sbi/checkIsoImage';
import { FACE_IMAGE_DATA_TYPE, faceRecord, FINGER_COMPRESSION, fingerRecord, IRIS_IMAGE_FORMAT, irisRecord } from '../../../sims/sbi/isoRecords';
import { encodeJ2k, encodeJp2Lossless, loadJpeg2000, wrapJp2 } from '../../../sims/sbi/jpeg2000';
import { encodeGreyPng, faceImage, faceJpeg, fingerprintImage, irisImage, rgbSamples } from '../../../sims/sbi/syntheticImages';

/**
 * The header check of every RCAPTURE element's ISO record (README "SBI1062–1065 … header check"):
 * MOSIP 1.2 registration takes JPEG 2000 lossless only (bio-utils release-1.2.0.1
 * Finger/Iris/FaceISOStandardsValidator), judged from the record's code and the image's bytes.
 */

const AT = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const WHERE = { port: 4501, index: 0 } as const;
const finger = fingerprintImage(11, 160, 200);
const iris = irisImage(12, 320, 240);
const face = faceImage(13, false, 240, 320);
let fingerJp2: Buffer;
let irisJp2: Buffer;
let faceJp2: Buffer;

function grey(image: { width: number; height: number; pixels: Uint8Array }) {
  return { width: image.width, height: image.height, components: 1 as const, samples: image.pixels };
}

function refused(run: () => unknown, code: ErrorCode): Record<string, unknown> {
  let details: Record<string, unknown> = {};
  assert.throws(run, (err: unknown) => {
    assert.ok(isAppError(err), `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    details = err.details as Record<string, unknown>;
    return true;
  });
  return details;
}

describe('checkIsoImage', () => {
  before(async () => {
    await loadJpeg2000();
    fingerJp2 = encodeJp2Lossless(grey(finger));
    irisJp2 = encodeJp2Lossless(grey(iris));
    faceJp2 = encodeJp2Lossless({ width: face.width, height: face.height, components: 3, samples: rgbSamples(face) });
  });

  it('takes JP2 and bare J2K lossless images in finger, iris and face records and says where the image is', () => {
    const f = checkIsoImage(fingerRecord('Left Thumb', fingerJp2, 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS), 'Finger', WHERE);
    assert.deepEqual([f.code, f.width, f.height, f.image.equals(fingerJp2)], [5, 160, 200, true]);
    const bare = encodeJ2k(grey(finger));
    assert.ok(checkIsoImage(fingerRecord('Left Thumb', bare, 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS), 'Finger', WHERE).image.equals(bare));
    const i = checkIsoImage(irisRecord('Right', irisJp2, 320, 240, 80, AT, IRIS_IMAGE_FORMAT.MONO_JPEG2000), 'Iris', WHERE);
    assert.deepEqual([i.code, i.compressionHistory, i.width, i.height, i.image.equals(irisJp2)], [10, 1, 320, 240, true]);
    const c = checkIsoImage(faceRecord(faceJp2, 240, 320, 90, AT, FACE_IMAGE_DATA_TYPE.JPEG2000_LOSS_LESS), 'Face', WHERE);
    assert.deepEqual([c.code, c.width, c.height, c.image.equals(faceJp2)], [2, 240, 320, true]);
  });

  it('refuses a PNG finger record, naming the modality, the code found and what is required', () => {
    const record = fingerRecord('Left Thumb', encodeGreyPng(finger), 160, 200, 80, AT, FINGER_COMPRESSION.PNG);
    const details = refused(() => checkIsoImage(record, 'Finger', WHERE), 'ERR_SBI_IMAGE_FORMAT');
    assert.deepEqual(details, { port: 4501, index: 0, modality: 'Finger', found: 'code 6 (PNG)', required: 'JPEG 2000 lossless (ISO 19794-4 compression code 5)' });
  });

  it('refuses JPEG 2000 lossy by its code (4) and, under the lossless code, by its irreversible wavelet', () => {
    const lossyJp2 = wrapJp2(encodeJ2k(grey(finger), false), grey(finger));
    assert.equal(refused(() => checkIsoImage(fingerRecord('Left Thumb', lossyJp2, 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSSY), 'Finger', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'code 4 (JPEG 2000 lossy)');
    const lying = fingerRecord('Left Thumb', lossyJp2, 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
    assert.equal(refused(() => checkIsoImage(lying, 'Finger', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'JPEG 2000 lossy (irreversible 9-7 wavelet)');
  });

  it('refuses PNG or JPEG bytes under a JPEG 2000 code: the magic bytes decide, not the label', () => {
    const png = fingerRecord('Left Thumb', encodeGreyPng(finger), 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
    assert.equal(refused(() => checkIsoImage(png, 'Finger', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'PNG bytes under code 5 (JPEG 2000 lossless)');
    const jpeg = faceRecord(faceJpeg(13, false), 240, 320, 90, AT, FACE_IMAGE_DATA_TYPE.JPEG2000_LOSS_LESS);
    assert.equal(refused(() => checkIsoImage(jpeg, 'Face', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'JPEG bytes under code 2 (JPEG 2000 lossless)');
  });

  it('refuses a PNG iris, a JPEG face and an iris whose compression history is not lossless', () => {
    assert.equal(refused(() => checkIsoImage(irisRecord('Left', encodeGreyPng(iris), 320, 240, 80, AT, IRIS_IMAGE_FORMAT.MONO_PNG), 'Iris', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'code 14 (mono PNG)');
    assert.equal(refused(() => checkIsoImage(faceRecord(faceJpeg(13, false), 240, 320, 90, AT, FACE_IMAGE_DATA_TYPE.JPEG), 'Face', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'code 0 (JPEG)');
    const record = irisRecord('Left', irisJp2, 320, 240, 80, AT, IRIS_IMAGE_FORMAT.MONO_JPEG2000);
    record.writeUInt8(0x80, 16 + 4 + 9 + 5 + 1 + 5 + 2 + 1 + 1 + 1); // properties: compression history 2 = lossy
    assert.equal(refused(() => checkIsoImage(record, 'Iris', WHERE), 'ERR_SBI_IMAGE_FORMAT').found, 'compression history 2 (lossless is 1)');
  });

  it('refuses a declared size above the pixel limit from the header alone, before the image bytes are looked at', () => {
    const record = fingerRecord('Left Thumb', Buffer.from('not an image at all'), 65535, 65535, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
    assert.deepEqual(refused(() => checkIsoImage(record, 'Finger', WHERE), 'ERR_SBI_IMAGE_TOO_LARGE'), { port: 4501, index: 0, modality: 'Finger', width: 65535, height: 65535, maxPixels: MAX_IMAGE_PIXELS });
  });

  it('refuses truncated records, a JPEG 2000 image whose size differs from the record, and a broken codestream as ERR_SBI_ISO_INVALID', () => {
    const good = fingerRecord('Left Thumb', fingerJp2, 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
    assert.match(String(refused(() => checkIsoImage(good.subarray(0, good.length - 1), 'Finger', WHERE), 'ERR_SBI_ISO_INVALID').issue), /record ends at byte/);
    assert.match(String(refused(() => checkIsoImage(good.subarray(0, 40), 'Finger', WHERE), 'ERR_SBI_ISO_INVALID').issue), /record ends at byte 40/);
    const resized = fingerRecord('Left Thumb', fingerJp2, 200, 160, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
    assert.equal(refused(() => checkIsoImage(resized, 'Finger', WHERE), 'ERR_SBI_ISO_INVALID').issue, 'record says 200x160, JPEG 2000 header says 160x200');
    const headless = fingerRecord('Left Thumb', fingerJp2.subarray(0, 60), 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
    assert.equal(refused(() => checkIsoImage(headless, 'Finger', WHERE), 'ERR_SBI_ISO_INVALID').issue, 'JP2 image without a readable JPEG 2000 main header');
  });
});
