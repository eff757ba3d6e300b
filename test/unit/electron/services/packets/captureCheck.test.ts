import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { AppError } from '../../../../../schemas/errors';
import { checkCapture } from '../../../../../electron/services/packets/captureCheck';
import { syntheticCapture } from '../../../../../electron/services/packets/sampleRegistration';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const isMismatch = (e: unknown) => e instanceof AppError && e.code === 'ERR_PACKET_CAPTURE_MISMATCH';

describe('checkCapture', () => {
  it('returns the payload text byte-for-byte and the detached JWS', () => {
    const c = syntheticCapture('rightIndex', 500, NOW, key);
    const checked = checkCapture('individualBiometrics', c);
    const [h, p, s] = c.signedData.split('.');
    assert.equal(checked.payloadText, Buffer.from(p!, 'base64url').toString('utf8'));
    assert.equal(checked.detachedJws, `${h}..${s}`);
    assert.deepEqual(checked.iso, Buffer.from(c.iso, 'base64'));
  });

  it('rejects an image that differs from the signed bioValue', () => {
    const c = { ...syntheticCapture('face', 500, NOW, key), iso: randomBytes(500).toString('base64') };
    assert.throws(() => checkCapture('individualBiometrics', c), isMismatch);
  });

  it('rejects a capture relabelled to another finger', () => {
    const c = { ...syntheticCapture('rightIndex', 500, NOW, key), attribute: 'leftIndex' as const, bioSubType: 'Left IndexFinger' };
    assert.throws(() => checkCapture('individualBiometrics', c), isMismatch);
  });
});
