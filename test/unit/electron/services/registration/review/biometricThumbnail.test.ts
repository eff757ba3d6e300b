import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { MAX_THUMBNAIL_BASE64 } from '../../../../../../schemas/packetSummary';
import { biometricThumbnail, embeddedImageOf, THUMBNAIL_SIDE } from '../../../../../../electron/services/registration/review/biometricThumbnail';
import { faceRecord, fingerRecord, irisRecord } from '../../../../../sims/sbi/isoRecords';
import { encodeGreyPng, faceJpeg, fingerprintImage, irisImage } from '../../../../../sims/sbi/syntheticImages';

const AT = new Date(Date.UTC(2026, 10, 22, 9));

/** Width and height of a base64 JPEG, decoded by jpeg-js (an oracle independent of the encoder's settings). */
function size(base64: string): [number, number] {
  const img = jpeg.decode(Buffer.from(base64, 'base64'));
  return [img.width, img.height];
}

describe('biometricThumbnail', () => {
  it('renders the PNG inside a finger record as a small JPEG, aspect kept', () => {
    const record = fingerRecord('Right IndexFinger', encodeGreyPng(fingerprintImage(7, 160, 200)), 160, 200, 80, AT);
    const thumb = biometricThumbnail(record);
    assert.ok(thumb !== null);
    assert.deepEqual(size(thumb), [77, THUMBNAIL_SIDE]);
    assert.ok(thumb.length <= MAX_THUMBNAIL_BASE64);
  });

  it('renders iris (PNG) and face (JPEG) records, the face at the side asked for', () => {
    const iris = irisRecord('Left', encodeGreyPng(irisImage(3, 320, 240)), 320, 240, 90, AT);
    assert.deepEqual(size(biometricThumbnail(iris)!), [THUMBNAIL_SIDE, 72]);
    const face = faceRecord(faceJpeg(5, false, 240, 320), 240, 320, 90, AT);
    assert.deepEqual(size(biometricThumbnail(face, 120)!), [90, 120]);
  });

  it('finds the image by its markers and answers null when there is none a browser can show', () => {
    const jp2 = Buffer.concat([Buffer.from('FIR\x00020\x00', 'latin1'), Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]), Buffer.alloc(64, 7)]);
    assert.equal(embeddedImageOf(jp2), undefined);
    assert.equal(biometricThumbnail(jp2), null);
  });

  it('answers null for a damaged image rather than failing the registration', () => {
    const png = encodeGreyPng(fingerprintImage(7, 160, 200));
    const damaged = Buffer.from(png);
    damaged.fill(0xaa, 40, 200); // inside the compressed data: IDAT CRC and inflate both fail
    const record = fingerRecord('Right IndexFinger', damaged, 160, 200, 80, AT);
    assert.equal(embeddedImageOf(record)?.format, 'png');
    assert.equal(biometricThumbnail(record), null);
  });
});
