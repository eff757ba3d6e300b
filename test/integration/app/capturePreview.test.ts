import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jpeg from 'jpeg-js';
import type { BiometricAttemptResult } from '../../../schemas/api/registrationApi';
import { ManualClock } from '../../../native/time/ManualClock';
import { DraftBiometrics } from '../../../electron/services/registration/drafts/DraftBiometrics';
import { openRealBackEnd, type RealBackEnd } from '../../helpers/realBackEnd';
import { syntheticSeed } from '../../oracles/jpeg2000Oracle';
import { startSimulator } from '../sbi/sbiTestKit';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { faceImage, fingerprintImage, irisImage, type GreyImage } from '../../sims/sbi/syntheticImages';

/**
 * Issue 13 "show the captured image": devices send JPEG 2000, which no browser shows, so every
 * capture result the page receives carries a JPEG preview made in the main process, for each
 * finger, each eye and the face, on capture and again when a draft is resumed.
 */

const seedOf = syntheticSeed;
const SUBTYPE_OF: Readonly<Record<string, string>> = {
  leftIndex: 'Left IndexFinger', leftMiddle: 'Left MiddleFinger', leftRing: 'Left RingFinger', leftLittle: 'Left LittleFinger', leftEye: 'Left', rightEye: 'Right',
};

/** Mean absolute difference between a preview (JPEG) and a grey image shrunk by the same box average. */
function distance(previewBase64: string, original: GreyImage): number {
  const preview = jpeg.decode(Buffer.from(previewBase64, 'base64'), { useTArray: true });
  const scale = original.width / preview.width;
  assert.equal(original.height / preview.height, scale, 'the preview keeps the aspect ratio');
  let sum = 0;
  for (let y = 0; y < preview.height; y++) {
    for (let x = 0; x < preview.width; x++) {
      let box = 0;
      for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) box += original.pixels[(y * scale + dy) * original.width + x * scale + dx]!;
      const at = (y * preview.width + x) * 4;
      // grey previews have R = G = B; a colour one is compared by its channel mean
      sum += Math.abs((preview.data[at]! + preview.data[at + 1]! + preview.data[at + 2]!) / 3 - box / (scale * scale));
    }
  }
  return sum / (preview.width * preview.height);
}

function lumaOfFace(seed: number): GreyImage {
  const face = faceImage(seed, false);
  const pixels = new Uint8Array(face.width * face.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round((face.rgba[i * 4]! + face.rgba[i * 4 + 1]! + face.rgba[i * 4 + 2]!) / 3);
  return { width: face.width, height: face.height, pixels };
}

describe('capture previews through the real back end (Router, encrypted store, device simulator)', () => {
  let simulator: SbiSimulator;
  let backEnd: RealBackEnd;

  before(async () => {
    const clock = new ManualClock();
    simulator = await startSimulator({ now: () => clock.now() });
    backEnd = await openRealBackEnd(simulator, undefined, {}, clock);
  });
  after(async () => {
    await backEnd.close();
    await simulator.close();
  });

  async function capture(draftId: string, modality: 'left-slap' | 'iris' | 'face'): Promise<BiometricAttemptResult> {
    return backEnd.api['drafts.captureBiometrics']({ draftId, fieldId: 'individualBiometrics', modality, exceptions: [] });
  }

  it('gives a JPEG preview of every finger, both eyes and the face, each the image the device captured', async () => {
    const { draftId } = await backEnd.api['drafts.create']({ process: 'NEW', languages: ['por', 'eng'] });
    const slap = await capture(draftId, 'left-slap');
    assert.deepEqual(slap.attributes.map((a) => a.attribute).sort(), ['leftIndex', 'leftLittle', 'leftMiddle', 'leftRing']);
    for (const a of slap.attributes) {
      assert.ok(a.thumbnailBase64, `${a.attribute} has a preview`);
      const own = distance(a.thumbnailBase64, fingerprintImage(seedOf(SUBTYPE_OF[a.attribute]!)));
      const other = distance(a.thumbnailBase64, fingerprintImage(seedOf(a.attribute === 'leftIndex' ? 'Left RingFinger' : 'Left IndexFinger')));
      assert.ok(own < 10 && other > 3 * own, `${a.attribute}: preview is its own print (distance ${own.toFixed(1)}), not another (${other.toFixed(1)})`);
    }
    const iris = await capture(draftId, 'iris');
    assert.deepEqual(iris.attributes.map((a) => a.attribute).sort(), ['leftEye', 'rightEye']);
    for (const a of iris.attributes) {
      const preview = jpeg.decode(Buffer.from(a.thumbnailBase64!, 'base64'));
      assert.deepEqual([preview.width, preview.height], [160, 120], 'the 320 × 240 eye shrunk to a side of at most 240');
      const own = distance(a.thumbnailBase64!, irisImage(seedOf(SUBTYPE_OF[a.attribute]!)));
      assert.ok(own < 10, `${a.attribute}: preview is the captured eye (distance ${own.toFixed(1)})`);
    }
    const face = await capture(draftId, 'face');
    const own = distance(face.attributes[0]!.thumbnailBase64!, lumaOfFace(seedOf('face')));
    // synthetic faces differ little between people (skin tone), so the other end is a flat grey frame
    const flat = distance(face.attributes[0]!.thumbnailBase64!, { width: 240, height: 320, pixels: new Uint8Array(240 * 320).fill(128) });
    assert.ok(own < 3 && flat > 10 * own, `the face preview is the captured face (distance ${own.toFixed(1)}), not a flat frame (${flat.toFixed(1)})`);

    // a draft resumed shows the same previews, also from a service that never captured (as after a restart)
    const previews = (results: readonly BiometricAttemptResult[]) => results.flatMap((r) => r.attributes.map((a) => [a.attribute, a.thumbnailBase64]));
    const resumed = await backEnd.api['drafts.biometrics']({ draftId });
    assert.deepEqual(previews(resumed).sort(), previews([slap, iris, face]).sort());
    const { data, clock, registration } = backEnd.services;
    const fresh = new DraftBiometrics({
      db: data.db, audit: data.audit, clock, drafts: registration.drafts, documents: registration.documents, bundles: registration.bundles,
      devices: { capture: () => Promise.reject(new Error('a resume never captures')) },
    });
    assert.deepEqual(previews(await fresh.attempts('officer1', draftId)).sort(), previews([slap, iris, face]).sort());
  });
});
