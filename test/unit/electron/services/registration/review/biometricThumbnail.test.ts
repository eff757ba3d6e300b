import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import { MAX_THUMBNAIL_BASE64 } from '../../../../../../schemas/packetSummary';
import { biometricThumbnail, embeddedImageOf, THUMBNAIL_SIDE } from '../../../../../../electron/services/registration/review/biometricThumbnail';
import { loadJpeg2000Decoder, type Jpeg2000Decoder } from '../../../../../../native/image/Jpeg2000Decoder';
import { FACE_IMAGE_DATA_TYPE, faceRecord, FINGER_COMPRESSION, fingerRecord, irisRecord } from '../../../../../sims/sbi/isoRecords';
import { encodeJp2Lossless, loadJpeg2000 } from '../../../../../sims/sbi/jpeg2000';
import { encodeGreyPng, faceImage, faceJpeg, fingerprintImage, irisImage, rgbSamples } from '../../../../../sims/sbi/syntheticImages';

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

  describe('JPEG 2000 records, as MOSIP devices send them', () => {
    let decoder: Jpeg2000Decoder;
    before(async () => {
      await loadJpeg2000();
      decoder = await loadJpeg2000Decoder();
    });

    it('renders a JPEG 2000 finger and face with the decoder, and nothing without it', () => {
      const print = fingerprintImage(7, 160, 200);
      const finger = fingerRecord('Right IndexFinger', encodeJp2Lossless({ width: 160, height: 200, components: 1, samples: print.pixels }), 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
      assert.deepEqual(size(biometricThumbnail(finger, THUMBNAIL_SIDE, decoder)!), [77, THUMBNAIL_SIDE]);
      assert.equal(biometricThumbnail(finger), null, 'no decoder: no thumbnail rather than a marker scan through JPEG 2000 bytes');
      const face = faceImage(5, false, 240, 320);
      const record = faceRecord(encodeJp2Lossless({ width: 240, height: 320, components: 3, samples: rgbSamples(face) }), 240, 320, 90, AT, FACE_IMAGE_DATA_TYPE.JPEG2000_LOSS_LESS);
      const thumb = jpeg.decode(Buffer.from(biometricThumbnail(record, 120, decoder)!, 'base64'));
      assert.deepEqual([thumb.width, thumb.height], [90, 120]);
      // the centre of the face is skin, not the grey background: colour survived the decode
      const centre = (60 * 90 + 45) * 4;
      assert.ok(Math.abs(thumb.data[centre]! - face.rgba[(160 * 240 + 120) * 4]!) < 12, 'red channel of the face centre');
    });

    it('answers null for a truncated JPEG 2000 image', () => {
      const jp2 = encodeJp2Lossless({ width: 160, height: 200, components: 1, samples: fingerprintImage(7, 160, 200).pixels });
      const record = fingerRecord('Right IndexFinger', jp2.subarray(0, 120), 160, 200, 80, AT, FINGER_COMPRESSION.JPEG_2000_LOSS_LESS);
      assert.equal(biometricThumbnail(record, THUMBNAIL_SIDE, decoder), null);
    });
  });
});
