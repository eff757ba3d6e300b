import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkCapture } from '../../../../../electron/services/packets/captureCheck';
import { buildCbeffXml, CBEFF_NAMESPACE } from '../../../../../electron/services/packets/cbeffXml';
import { syntheticCapture } from '../../../../../electron/services/packets/sampleRegistration';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('buildCbeffXml', () => {
  it('writes the quality score truncated, as Java casts (long) the SBI score', () => {
    const capture = { ...syntheticCapture('rightIndex', 300, NOW, key), qualityScore: 89.7 };
    const one = buildCbeffXml([{ kind: 'capture', index: 'idx-q', capture, checked: checkCapture('individualBiometrics', capture) }], ['rightIndex']).toString('utf8');
    assert.match(one, /<Score>89<\/Score>/);
  });

  const finger = syntheticCapture('rightIndex', 300, NOW, key);
  const xml = buildCbeffXml(
    [
      { kind: 'capture', index: 'idx-1', capture: finger, checked: checkCapture('individualBiometrics', finger) },
      { kind: 'exception', index: 'idx-2', exception: { attribute: 'leftLittle', bioType: 'Finger', bioSubType: 'Left LittleFinger', reason: 'Permanent' }, at: NOW },
    ],
    ['rightIndex', 'leftLittle'],
  ).toString('utf8');
  const birs = xml.split('<BIR>').slice(1);

  it('has the 1.2 root: namespace, BIRInfo, CONFIGURED others as JAXB writes them (bio-utils BIR, PacketHandlerServiceImpl)', () => {
    assert.match(xml, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\s*<BIR xmlns="${CBEFF_NAMESPACE.replace(/\//g, '\\/')}">`));
    assert.match(xml, /<\/BIR>\s*<others>\s*<entry key="CONFIGURED">rightIndex,leftLittle<\/entry>\s*<\/others>\s*<\/BIR>\s*$/);
    assert.doesNotMatch(xml, /<Others>|<Key>|<Value>/);
    assert.equal(birs.length, 2);
  });

  it('writes a capture: format type 7, subtype, base64url ISO in BDB, detached JWS in SB, payload with <bioValue>', () => {
    const bir = birs[0]!;
    assert.match(bir, /<Index>idx-1<\/Index>\s*<Format>\s*<Organization>Mosip<\/Organization>\s*<Type>7<\/Type>/);
    assert.match(bir, /<Type>Finger<\/Type>\s*<Subtype>Right IndexFinger<\/Subtype>\s*<Level>Raw<\/Level>\s*<Purpose>Enroll<\/Purpose>/);
    assert.match(bir, /<CreationDate>2026-11-22T09:00:00.000Z<\/CreationDate>/);
    const bdb = /<BDB>([^<]+)<\/BDB>/.exec(bir)![1]!;
    assert.deepEqual(Buffer.from(bdb, 'base64url'), Buffer.from(finger.iso, 'base64'));
    const sb = Buffer.from(/<SB>([^<]+)<\/SB>/.exec(bir)![1]!, 'base64url').toString('utf8');
    const [h, p, s] = finger.signedData.split('.');
    assert.equal(sb, `${h}..${s}`);
    const payload = unescape(/<entry key="PAYLOAD">([^<]+)<\/entry>/.exec(bir)![1]!);
    // The server re-inserts the BDB for <bioValue> and must get the signed text back byte-for-byte.
    assert.equal(payload.replace('<bioValue>', bdb), Buffer.from(p!, 'base64url').toString('utf8'));
    assert.match(bir, /<entry key="EXCEPTION">false<\/entry>/);
  });

  it('writes an exception without BDB, with EXCEPTION true and empty SB/PAYLOAD', () => {
    const bir = birs[1]!;
    assert.doesNotMatch(bir, /<BDB>/);
    assert.match(bir, /<SB\s*\/>|<SB><\/SB>/);
    assert.match(bir, /<entry key="EXCEPTION">true<\/entry>/);
    assert.match(bir, /<Score>0<\/Score>/);
  });
});
