import assert from 'node:assert/strict';
import { before, describe, it, mock } from 'node:test';
import { JPEG2000_IDLE_RELEASE_MS, Jpeg2000DecodeError, loadJpeg2000Decoder, type Jpeg2000Decoder } from '../../../../native/image/Jpeg2000Decoder';
import { codestreamOf, readJ2kHeader, sniffImageKind } from '../../../../native/image/jpeg2000Header';
import { encodeJ2k, encodeJp2Lossless, loadJpeg2000, wrapJp2 } from '../../../sims/sbi/jpeg2000';
import { encodeGreyPng, faceImage, fingerprintImage, rgbSamples } from '../../../sims/sbi/syntheticImages';

/**
 * The main process's JPEG 2000 decoding: the decode-only OpenJPEG build behind a header check, so
 * a device's image is bounded before the decoder allocates for it.
 */

const print = fingerprintImage(21, 160, 200);
const grey = { width: 160, height: 200, components: 1 as const, samples: print.pixels };

function expectRefusal(run: () => unknown, message: RegExp): void {
  assert.throws(run, (err: unknown) => err instanceof Jpeg2000DecodeError && message.test(err.message));
}

describe('Jpeg2000Decoder', () => {
  let decoder: Jpeg2000Decoder;
  before(async () => {
    await loadJpeg2000();
    decoder = await loadJpeg2000Decoder();
  });

  it('a second load gives a decoder over the same module that decodes the same', async () => {
    const again = await loadJpeg2000Decoder();
    // both wrap the same module: a decode through either gives the same pixels
    const jp2 = encodeJp2Lossless(grey);
    assert.ok(Buffer.from(again.decode(jp2, 1e6).samples).equals(Buffer.from(decoder.decode(jp2, 1e6).samples)));
  });

  it('decodes lossless JP2 and bare J2K to the original pixels, grey and RGB', () => {
    for (const bytes of [encodeJp2Lossless(grey), encodeJ2k(grey)]) {
      const image = decoder.decode(bytes, 1e6);
      assert.deepEqual([image.width, image.height, image.components], [160, 200, 1]);
      assert.ok(Buffer.from(image.samples).equals(Buffer.from(print.pixels)));
    }
    const face = faceImage(4, false, 240, 320);
    const rgb = decoder.decode(encodeJp2Lossless({ width: 240, height: 320, components: 3, samples: rgbSamples(face) }), 1e6);
    assert.deepEqual([rgb.width, rgb.height, rgb.components], [240, 320, 3]);
    assert.ok(Buffer.from(rgb.samples).equals(Buffer.from(rgbSamples(face))));
  });

  it('refuses from the SIZ header an image above the pixel limit, whatever the bytes after it', () => {
    const codestream = Buffer.from(encodeJ2k(grey));
    codestream.writeUInt32BE(60_000, 8); // Xsiz
    codestream.writeUInt32BE(60_000, 12); // Ysiz
    assert.deepEqual(readJ2kHeader(codestream), { width: 60_000, height: 60_000, components: 1, reversible: true });
    expectRefusal(() => decoder.decode(codestream, 16_000_000), /60000x60000 is more than 16000000 pixels/);
    expectRefusal(() => decoder.decode(encodeJ2k(grey), 160 * 200 - 1), /160x200 is more than 31999 pixels/);
  });

  it('refuses what is not JPEG 2000 and a codestream cut short, with its own error', () => {
    expectRefusal(() => decoder.decode(encodeGreyPng(print), 1e6), /not a JPEG 2000 image/);
    const cut = encodeJ2k(grey).subarray(0, 300);
    expectRefusal(() => decoder.decode(cut, 1e6), /OpenJPEG could not decode|decoded/);
  });
});

describe('jpeg2000Header', () => {
  before(loadJpeg2000);

  it('names images by their magic bytes', () => {
    assert.equal(sniffImageKind(encodeJp2Lossless(grey)), 'JP2');
    assert.equal(sniffImageKind(encodeJ2k(grey)), 'J2K');
    assert.equal(sniffImageKind(encodeGreyPng(print)), 'PNG');
    assert.equal(sniffImageKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'JPEG');
    assert.equal(sniffImageKind(Buffer.from('GIF89a')), 'unknown');
  });

  it('finds the codestream in a JP2 and refuses boxes that run past the end', () => {
    const codestream = encodeJ2k(grey);
    const jp2 = wrapJp2(codestream, grey);
    assert.ok(codestreamOf(jp2)?.equals(codestream));
    const lying = Buffer.from(jp2);
    lying.writeUInt32BE(0xffff_fff0, 12); // the ftyp box claims 4 GB
    assert.equal(codestreamOf(lying), undefined);
    assert.equal(codestreamOf(jp2.subarray(0, jp2.length - 1)), undefined, 'jp2c shorter than its length');
  });

  it('reads the wavelet from COD: reversible 5-3 for lossless, 9-7 for lossy', () => {
    assert.equal(readJ2kHeader(encodeJ2k(grey))?.reversible, true);
    assert.equal(readJ2kHeader(encodeJ2k(grey, false))?.reversible, false);
    assert.equal(readJ2kHeader(encodeJ2k(grey).subarray(0, 45)), undefined, 'main header cut before COD');
  });

  it('lets the module go after it was idle (its memory never shrinks): a decoder kept past that refuses, a new load decodes (issue 17)', async () => {
    const jp2 = encodeJp2Lossless(grey);
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const kept = await loadJpeg2000Decoder();
      mock.timers.tick(JPEG2000_IDLE_RELEASE_MS - 1);
      kept.decode(jp2, 1e6); // a use restarts the countdown
      mock.timers.tick(JPEG2000_IDLE_RELEASE_MS - 1);
      assert.equal(kept.decode(jp2, 1e6).width, 160, 'still loaded: each decode counts as a use');
      mock.timers.tick(JPEG2000_IDLE_RELEASE_MS);
      expectRefusal(() => kept.decode(jp2, 1e6), /released after being idle/);
      const fresh = await loadJpeg2000Decoder();
      assert.ok(Buffer.from(fresh.decode(jp2, 1e6).samples).equals(Buffer.from(print.pixels)));
    } finally {
      mock.timers.reset();
    }
  });
});
