import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  CAPTURE_DATA_FIELDS, decodeUnpaddedBase64url, DEVICE_INFO_FIELDS, DIGITAL_ID_FIELDS, DISCOVERY_FIELDS, missingFields, sbiOpenStream, sbiRaw as rawCall, verifyDeviceJws,
} from '../../oracles/sbiOracle';
import { decodeJpeg2000, JP2_SIGNATURE, syntheticSeed } from '../../oracles/jpeg2000Oracle';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { faceImage, fingerprintImage, irisImage, rgbSamples } from '../../sims/sbi/syntheticImages';
import { ctkCaptureRequest, startSimulator, testPki } from './sbiTestKit';

/**
 * The MOSIP Compliance Toolkit SBI cases that need no quality SDK (sbi-protocol.md §7), run
 * against our simulator: is it a compliant SBI? Each test is named after its CTK id. The CTK
 * validators (Schema, Signature, ResponseMismatch, Hash, Timeout, TimeCheck, ISOStandards) are
 * re-expressed here with code the client does not share: jose + node:crypto for signatures and
 * trust (test/oracles/sbiOracle.ts), the spec's field lists, and the hash chain computed below.
 */

/** MDS spec §2.6 hash chain, written here from the spec (not the client's native/sbi/hashChain). */
function chainHash(previousHash: string, iso: Uint8Array): string {
  const prev = previousHash === '' ? createHash('sha256').update('').digest() : Buffer.from(previousHash, 'hex');
  const cur = createHash('sha256').update(iso).digest();
  return createHash('sha256').update(Buffer.concat([prev, cur])).digest('hex').toUpperCase();
}

/** SBI spec subtypes per deviceSubId (§1.7), written here rather than taken from the simulator. */
const SUBTYPES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Finger: {
    '1': ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger'],
    '2': ['Right IndexFinger', 'Right MiddleFinger', 'Right RingFinger', 'Right LittleFinger'],
    '3': ['Left Thumb', 'Right Thumb'],
  },
  Iris: { '1': ['Left'], '2': ['Right'], '3': ['Left', 'Right'] },
  Face: { '0': [] },
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const QUALITY = /^(100(\.0+)?|\d{1,2}(\.\d+)?)$/;

let simulator: SbiSimulator;
let deviceCaPem: string;
/** the hash chain carried across the hash-validation cases, as CTK does within a run */
let runChain = '';

interface Expect {
  readonly type: 'Finger' | 'Iris' | 'Face';
  readonly subId: string;
  readonly count: number;
  readonly exceptions?: readonly string[];
}

function portOf(type: string): number {
  return simulator.device(type === 'Finger' ? 'finger' : type === 'Iris' ? 'iris' : 'face').port;
}

function deviceIdOf(type: string): string {
  return type === 'Finger' ? '2' : type === 'Iris' ? '1' : '3';
}

async function rcapture(testId: string, e: Expect, bio: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  const request = ctkCaptureRequest(testId, { type: e.type, count: String(e.count), deviceId: deviceIdOf(e.type), deviceSubId: e.subId, exception: e.exceptions ?? [], ...bio }, overrides);
  const started = Date.now();
  const answer = await rawCall(portOf(e.type), 'RCAPTURE', '/capture', request);
  return { request, answer, elapsed: Date.now() - started };
}

/** A signed digitalId (§2.2): trusted, all 8 fields present, of the expected type. */
async function assertSignedDigitalId(compact: string, type: string): Promise<void> {
  const digital = JSON.parse((await verifyDeviceJws(compact, deviceCaPem, new Date())).payloadText) as Record<string, unknown>;
  assert.deepEqual(missingFields(digital, DIGITAL_ID_FIELDS), [], 'digitalId fields');
  assert.equal(digital['type'], type);
}

/** Schema + Signature + ResponseMismatch + Hash + TimeCheck validators of a successful RCAPTURE. */
async function assertCompliantCapture(json: unknown, request: Record<string, unknown>, e: Expect): Promise<{ lastHash: string; isoRecords: Buffer[] }> {
  const body = json as { biometrics: { specVersion: string; data: string; hash: string; error: { errorCode: string; errorInfo: string } }[] };
  assert.equal(body.biometrics.length, e.count, 'element count = bioCount');
  const bio = (request.bio as Record<string, unknown>[])[0]!;
  let previous = String(bio.previousHash);
  const subTypes = new Set<string>();
  const isoRecords: Buffer[] = [];
  const allowed = SUBTYPES[e.type]![e.subId]!.filter((s) => !(e.exceptions ?? []).includes(s));
  for (const element of body.biometrics) {
    assert.deepEqual(element.error, { errorCode: '0', errorInfo: 'Success' });
    assert.equal(element.specVersion, request.specVersion);
    assert.match(element.hash, /^[A-Z0-9]{64}$/);
    const jws = await verifyDeviceJws(element.data, deviceCaPem, new Date());
    // typed only after missingFields has checked every field is a string
    const data = JSON.parse(jws.payloadText) as { [K in (typeof CAPTURE_DATA_FIELDS)[number]]: string } & { bioSubType?: string };
    assert.deepEqual(missingFields(data, CAPTURE_DATA_FIELDS), [], 'data payload fields');
    assert.equal(data.transactionId, request.transactionId);
    assert.equal(data.purpose, 'Registration');
    assert.equal(data.bioType, e.type);
    assert.match(data.timestamp, TIMESTAMP);
    assert.ok(Math.abs(Date.parse(data.timestamp) - Date.now()) < 5 * 60_000, 'TimeCheck: within 5 minutes');
    assert.match(data.qualityScore, QUALITY);
    await assertSignedDigitalId(data.digitalId, e.type);
    if (e.type === 'Face') assert.equal(data.bioSubType, undefined);
    else {
      assert.ok(allowed.includes(data.bioSubType ?? ''), `bioSubType ${data.bioSubType} allowed for subId ${e.subId}`);
      assert.ok(!subTypes.has(data.bioSubType ?? ''), 'distinct bioSubType');
      subTypes.add(data.bioSubType ?? '');
    }
    const iso = decodeUnpaddedBase64url(data.bioValue);
    assert.ok(iso, 'bioValue is unpadded base64url');
    assert.equal(element.hash, chainHash(previous, iso));
    previous = element.hash;
    isoRecords.push(iso);
  }
  return { lastHash: previous, isoRecords };
}

function assertErrorResponse(json: unknown, code?: string): void {
  const element = (json as { biometrics: { data: string; error: { errorCode: string } }[] }).biometrics[0]!;
  assert.match(element.error.errorCode, /^[1-9]\d{2}$/, 'a 3-digit non-zero error code');
  assert.equal(element.data, '');
  if (code) assert.equal(element.error.errorCode, code);
}

async function setAdmin(path: string, body: unknown): Promise<void> {
  const answer = await rawCall(simulator.device('finger').port, 'POST', path, body);
  assert.deepEqual(answer.json, { errorCode: '0', errorInfo: 'Success' });
}

describe('CTK SBI conformance of the simulator', () => {
  before(async () => {
    deviceCaPem = (await testPki()).deviceCaPem;
  });
  beforeEach(async () => {
    simulator = await startSimulator();
  });
  afterEach(async () => {
    await simulator.close();
  });
  after(() => {
    runChain = '';
  });

  it('computes the hash chain exactly as the MDS spec test vectors (sbi-protocol.md §2.6)', () => {
    const first = chainHash('', Buffer.from('ISO-A'));
    assert.equal(first, 'D57ABCCEB23FB93A57E9897A443CB828C0EC73811A80AF28A9604BD7ECBE0BAC');
    assert.equal(chainHash('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', Buffer.from('ISO-A')), first);
    assert.equal(chainHash(first, Buffer.from('ISO-B')), '96781621D5BD16208BC10C6B3679B90A14AD7EC6235CEF629BFD8D1026E09191');
  });

  it('the independent JWS check refuses an edited payload and a leaf that is not from the DEVICE CA', async () => {
    const [element] = (await rawCall(portOf('Finger'), 'MOSIPDINFO', '/info')).json as { deviceInfo: string }[];
    const [h, p, sig] = element!.deviceInfo.split('.') as [string, string, string];
    const edited = Buffer.from(Buffer.from(p, 'base64url').toString('utf8').replace('"Ready"', '"Busy"')).toString('base64url');
    await assert.rejects(verifyDeviceJws(`${h}.${edited}.${sig}`, deviceCaPem, new Date()), /signature verification failed/);
    const leafPem = `-----BEGIN CERTIFICATE-----\n${(JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { x5c: string[] }).x5c[0]}\n-----END CERTIFICATE-----`;
    await assert.rejects(verifyDeviceJws(element!.deviceInfo, leafPem, new Date()), /not issued by the DEVICE CA/);
    await assert.rejects(verifyDeviceJws(element!.deviceInfo, deviceCaPem, new Date(Date.now() + 50 * 365 * 86_400_000)), /not valid at/);
  });

  it('SBI1000 discovers every device with an unsigned digitalId naming type and subtype', async () => {
    for (const type of ['Finger', 'Iris', 'Face']) {
      const answer = await rawCall(portOf(type), 'MOSIPDISC', '/device', { type: 'Biometric Device' });
      assert.ok(Array.isArray(answer.json), 'discovery answers a bare JSON array');
      const [device] = answer.json as Record<string, unknown>[];
      assert.deepEqual(missingFields(device, DISCOVERY_FIELDS, ['deviceSubId', 'specVersion']), [], 'discovery fields');
      assert.equal(device?.['deviceStatus'], 'Ready');
      assert.deepEqual(device?.['error'], { errorCode: '0', errorInfo: 'Success' });
      assert.deepEqual(device?.['specVersion'], ['0.9.5']);
      const unsigned = String(device?.['digitalId']);
      assert.ok(!unsigned.includes('.'), 'the discovery digitalId is unsigned base64url');
      const digitalId = JSON.parse(Buffer.from(unsigned, 'base64url').toString('utf8')) as Record<string, unknown>;
      assert.deepEqual(missingFields(digitalId, DIGITAL_ID_FIELDS), []);
      assert.equal(digitalId['type'], type);
    }
  });

  it('SBI1001 device info is signed, trusted and Ready for every device', async () => {
    for (const type of ['Finger', 'Iris', 'Face']) {
      const port = portOf(type);
      const answer = await rawCall(port, 'MOSIPDINFO', '/info');
      const [element] = answer.json as { deviceInfo: string; error: { errorCode: string } }[];
      assert.deepEqual(element?.error, { errorCode: '0', errorInfo: 'Success' });
      const info = JSON.parse((await verifyDeviceJws(element!.deviceInfo, deviceCaPem, new Date())).payloadText) as Record<string, unknown>;
      assert.deepEqual(Object.keys(info).sort(), [...DEVICE_INFO_FIELDS].sort(), 'exactly the 12 fields of a Ready device');
      assert.deepEqual(missingFields(info, DEVICE_INFO_FIELDS, ['deviceSubId', 'specVersion']), []);
      assert.deepEqual([info['deviceStatus'], info['purpose']], ['Ready', 'Registration']);
      await assertSignedDigitalId(String(info['digitalId']), type);
    }
  });

  const captures: readonly [string, string, Expect][] = [
    ['SBI1002', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1003', 'left slap, Left RingFinger excepted', { type: 'Finger', subId: '1', count: 3, exceptions: ['Left RingFinger'] }],
    ['SBI1004', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1005', 'right slap, index and middle excepted', { type: 'Finger', subId: '2', count: 2, exceptions: ['Right IndexFinger', 'Right MiddleFinger'] }],
    ['SBI1006', 'two thumbs', { type: 'Finger', subId: '3', count: 2 }],
    ['SBI1007', 'two thumbs, Left Thumb excepted', { type: 'Finger', subId: '3', count: 1, exceptions: ['Left Thumb'] }],
    ['SBI1009', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1010', 'double iris, Left excepted', { type: 'Iris', subId: '3', count: 1, exceptions: ['Left'] }],
    ['SBI1012', 'face', { type: 'Face', subId: '0', count: 1 }],
    ['SBI1013', 'exception photo', { type: 'Face', subId: '0', count: 1, exceptions: ['Left LittleFinger'] }],
    ['SBI1197', 'left slap without bioSubType', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1198', 'double iris without bioSubType', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1199', 'face without bioSubType', { type: 'Face', subId: '0', count: 1 }],
  ];
  for (const [id, name, e] of captures) {
    it(`${id} captures ${name} (schema, mismatch, signature)`, async () => {
      // SBI1197–1199 leave the bioSubType key out (JSON.stringify drops undefined); SBI1013 asks score 10
      const bio = id >= 'SBI1197' ? { bioSubType: undefined } : id === 'SBI1013' ? { requestedScore: '10' } : {};
      const { request, answer } = await rcapture(id, e, bio);
      await assertCompliantCapture(answer.json, request, e);
    });
  }

  for (const [id, name, e] of [
    ['SBI1008', 'two thumbs, both excepted', { type: 'Finger', subId: '3', count: 0, exceptions: ['Left Thumb', 'Right Thumb'] }],
    ['SBI1011', 'double iris, both excepted', { type: 'Iris', subId: '3', count: 0, exceptions: ['Left', 'Right'] }],
  ] as const) {
    it(`${id} answers ${name} with an error`, async () => {
      const { answer } = await rcapture(id, e);
      assertErrorResponse(answer.json);
    });
  }

  for (const [id, status, code] of [['SBI1026', 'Ready', '0'], ['SBI1027', 'Busy', '111'], ['SBI1028', 'Not Ready', '110'], ['SBI1029', 'Not Registered', '100']] as const) {
    it(`${id} device info reports status ${status} with error ${code}`, async () => {
      await setAdmin('/admin/status', { type: 'Finger', deviceStatus: status });
      const answer = await rawCall(portOf('Finger'), 'MOSIPDINFO', '/info');
      const [element] = answer.json as { deviceInfo: string; error: { errorCode: string } }[];
      assert.equal(element?.error.errorCode, code);
      const parts = element?.deviceInfo.split('.') ?? [];
      assert.equal(parts.length, status === 'Not Registered' ? 1 : 3, 'Not Registered device info is unsigned');
      const payload = JSON.parse(Buffer.from(parts.length === 3 ? parts[1]! : parts[0]!, 'base64url').toString('utf8')) as { deviceStatus: string };
      assert.equal(payload.deviceStatus, status);
    });
  }

  for (const [id, name, e] of [
    ['SBI1033', 'left slap count 5', { type: 'Finger', subId: '1', count: 5 }],
    ['SBI1034', 'right slap count 5', { type: 'Finger', subId: '2', count: 5 }],
    ['SBI1035', 'thumbs count 3', { type: 'Finger', subId: '3', count: 3 }],
    ['SBI1036', 'iris subId 1 count 2', { type: 'Iris', subId: '1', count: 2 }],
    ['SBI1037', 'iris subId 2 count 2', { type: 'Iris', subId: '2', count: 2 }],
    ['SBI1038', 'iris subId 3 count 3', { type: 'Iris', subId: '3', count: 3 }],
    ['SBI1039', 'face count 2', { type: 'Face', subId: '0', count: 2 }],
  ] as const) {
    it(`${id} rejects ${name} with error 109`, async () => {
      const { answer } = await rcapture(id, e);
      assertErrorResponse(answer.json, '109');
    });
  }

  for (const [id, name, e] of [
    ['SBI1040', 'face', { type: 'Face', subId: '0', count: 1 }],
    ['SBI1041', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1042', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1043', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1044', 'thumbs', { type: 'Finger', subId: '3', count: 2 }],
    ['SBI1045', 'exception photo', { type: 'Face', subId: '0', count: 1, exceptions: ['Left Thumb'] }],
  ] as const) {
    it(`${id} times out without input (${name}): error after at least the timeout`, async () => {
      await setAdmin('/admin/delay', { type: e.type, delay: '5000', method: ['RCAPTURE'] });
      const { answer, elapsed } = await rcapture(id, e, {}, { timeout: '500' });
      assertErrorResponse(answer.json, '701');
      assert.ok(elapsed >= 500, `elapsed ${elapsed} ms ≥ 500 ms`);
    });
  }

  // CTK uses timeout 10000; 600 ms keeps the suite fast and checks the same rule (elapsed ≥ timeout)
  for (const [id, name, e] of [
    ['SBI1049', 'face', { type: 'Face', subId: '0', count: 1 }],
    ['SBI1050', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1051', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1052', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1053', 'thumbs', { type: 'Finger', subId: '3', count: 2 }],
    ['SBI1054', 'exception photo', { type: 'Face', subId: '0', count: 1, exceptions: ['Left Thumb'] }],
  ] as const) {
    it(`${id} keeps trying for an unreachable score (${name}) and returns the best frame at the timeout`, async () => {
      const { request, answer, elapsed } = await rcapture(id, e, { requestedScore: '100' }, { timeout: '600' });
      await assertCompliantCapture(answer.json, request, e);
      assert.ok(elapsed >= 600, `elapsed ${elapsed} ms ≥ 600 ms`);
    });
  }

  it('SBI1062 SBI1063 left and right slaps are ISO/IEC 19794-4:2011 records of lossless JPEG 2000 images', async () => {
    for (const e of [{ type: 'Finger', subId: '1', count: 4 }, { type: 'Finger', subId: '2', count: 4 }] as const) {
      const { request, answer } = await rcapture('SBI1062', e);
      for (const [i, iso] of (await assertCompliantCapture(answer.json, request, e)).isoRecords.entries()) {
        assert.deepEqual([iso.subarray(0, 8).toString('latin1'), iso.readUInt32BE(8)], ['FIR\x00020\x00', iso.length], 'format, version, record length');
        // general header 16, representation length 4, date 9, device 5, one quality block 6 → finger position at 40
        assert.equal(iso.readUInt8(52), 5, 'compression algorithm: JPEG 2000 lossless (bio-utils FingerImageCompressionType.JPEG_2000_LOSS_LESS)');
        assert.equal(iso.readUInt32BE(58), iso.length - 62, 'image data length');
        assert.deepEqual([...iso.subarray(62, 74)], [...JP2_SIGNATURE], 'a JP2 file, as MockMDS sends');
        const image = await decodeJpeg2000(iso.subarray(62));
        assert.deepEqual([image.width, image.height, image.components, image.reversible, iso.readUInt16BE(54), iso.readUInt16BE(56)], [160, 200, 1, true, 160, 200]);
        assert.ok(image.samples.equals(fingerprintImage(syntheticSeed(SUBTYPES.Finger![e.subId]![i]!)).pixels), `finger ${i}: decoded pixels are the synthetic print, bit for bit`);
      }
    }
  });

  it('SBI1064 double iris is ISO/IEC 19794-6:2011 of lossless JPEG 2000 images', async () => {
    const e = { type: 'Iris', subId: '3', count: 2 } as const;
    const { request, answer } = await rcapture('SBI1064', e);
    for (const [i, iso] of (await assertCompliantCapture(answer.json, request, e)).isoRecords.entries()) {
      assert.deepEqual([iso.subarray(0, 8).toString('latin1'), iso.readUInt32BE(8)], ['IIR\x00020\x00', iso.length]);
      // header 16 + representation length 4, date 9, device 5, one quality block 6, representation no 2, eye, type → format at 44
      assert.deepEqual([iso.readUInt8(44), iso.readUInt8(45) >> 6], [0x0a, 1], 'image format MONO_JPEG2000, compression history lossless');
      assert.deepEqual([iso.readUInt16BE(46), iso.readUInt16BE(48)], [320, 240]);
      const image = await decodeJpeg2000(iso.subarray(iso.indexOf(JP2_SIGNATURE)));
      assert.deepEqual([image.width, image.height, image.components, image.reversible], [320, 240, 1, true]);
      assert.ok(image.samples.equals(irisImage(syntheticSeed(SUBTYPES.Iris!['3']![i]!)).pixels), `iris ${i}: decoded pixels are the synthetic eye, bit for bit`);
    }
  });

  it('SBI1065 face is ISO/IEC 19794-5:2011 of a lossless JPEG 2000 image', async () => {
    const { request, answer } = await rcapture('SBI1065', { type: 'Face', subId: '0', count: 1 });
    const [iso] = (await assertCompliantCapture(answer.json, request, { type: 'Face', subId: '0', count: 1 })).isoRecords;
    assert.equal(iso!.subarray(0, 8).toString('latin1'), 'FAC\x00030\x00');
    // header 17 + representation length 4, date 9, device 5, one quality block 6, facial information 17, face image type → data type at 59
    assert.equal(iso!.readUInt8(59), 2, 'image data type JPEG2000_LOSS_LESS (bio-utils face/ImageDataType)');
    assert.deepEqual([iso!.readUInt16BE(60), iso!.readUInt16BE(62)], [240, 320]);
    assert.equal(iso!.readUInt32BE(69), iso!.length - 73, 'image data length (bio-utils face/ImageData)');
    const image = await decodeJpeg2000(iso!.subarray(73));
    assert.deepEqual([image.width, image.height, image.components, image.reversible], [240, 320, 3, true]);
    assert.ok(image.samples.equals(Buffer.from(rgbSamples(faceImage(syntheticSeed('face'), false)))), 'decoded pixels are the synthetic face, bit for bit');
  });

  for (const [id, name, e] of [
    ['SBI1070', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1071', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1072', 'thumbs', { type: 'Finger', subId: '3', count: 2 }],
    ['SBI1073', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1074', 'face', { type: 'Face', subId: '0', count: 1 }],
  ] as const) {
    it(`${id} streams then captures ${name}; the capture ends the stream`, async () => {
      const { response, close } = await sbiOpenStream(portOf(e.type), { deviceId: deviceIdOf(e.type), deviceSubId: e.subId, timeout: '10000' });
      const firstChunk = await new Promise<Buffer>((resolve) => response.once('data', resolve));
      assert.ok(firstChunk.includes(Buffer.from([0xff, 0xd8])) || firstChunk.includes(Buffer.from('BoundaryString')));
      const ended = new Promise<void>((resolve) => response.once('end', resolve));
      response.resume();
      const { request, answer } = await rcapture(id, e);
      await assertCompliantCapture(answer.json, request, e);
      await ended;
      close();
    });
  }

  for (const [id, name, e] of [
    ['SBI1083', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1084', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1085', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1086', 'face', { type: 'Face', subId: '0', count: 1 }],
  ] as const) {
    it(`${id} stamps ${name} with the current time in yyyy-MM-ddTHH:mm:ssZ`, async () => {
      const { request, answer } = await rcapture(id, e);
      await assertCompliantCapture(answer.json, request, e);
    });
  }

  for (const [id, field] of [['SBI1094', 'env'], ['SBI1095', 'timeout'], ['SBI1096', 'specVersion'], ['SBI1097', 'purpose'], ['SBI1098', 'bio'], ['SBI1099', 'count'], ['SBI1100', 'deviceSubId']] as const) {
    it(`${id} rejects a request whose ${field} is renamed`, async () => {
      const request = ctkCaptureRequest(id, { type: 'Finger', count: '4', deviceId: '2', deviceSubId: '1' });
      const bio = (request.bio as Record<string, unknown>[])[0]!;
      const holder: Record<string, unknown> = field in request ? request : bio;
      holder[`${field}Renamed`] = holder[field];
      delete holder[field];
      const answer = await rawCall(portOf('Finger'), 'RCAPTURE', '/capture', request);
      assertErrorResponse(answer.json);
    });
  }

  for (const [id, name, e] of [
    ['SBI1101', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1102', 'face', { type: 'Face', subId: '0', count: 1 }],
    ['SBI1103', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1104', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
  ] as const) {
    it(`${id} chains the hash of ${name} from the previous capture of the run`, async () => {
      const start = runChain === '' ? 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' : runChain;
      const { request, answer } = await rcapture(id, e, { previousHash: start });
      runChain = (await assertCompliantCapture(answer.json, request, e)).lastHash;
    });
  }

  for (const [id, name, e] of [
    ['SBI1108', 'left slap', { type: 'Finger', subId: '1', count: 4 }],
    ['SBI1109', 'right slap', { type: 'Finger', subId: '2', count: 4 }],
    ['SBI1110', 'double iris', { type: 'Iris', subId: '3', count: 2 }],
    ['SBI1111', 'face', { type: 'Face', subId: '0', count: 1 }],
  ] as const) {
    it(`${id} rejects ${name} with a transactionId over 50 characters (112)`, async () => {
      const { answer } = await rcapture(id, e, {}, { transactionId: 'x'.repeat(51) });
      assertErrorResponse(answer.json, '112');
    });
  }

  it('SBI1196 answers discovery of an invalid biometric type with an error', async () => {
    const answer = await rawCall(portOf('Finger'), 'MOSIPDISC', '/device', { type: 'Palm' });
    assert.ok(Array.isArray(answer.json), 'an array, as for a good discovery');
    const [element] = answer.json as { error?: { errorCode?: string } }[];
    assert.match(element?.error?.errorCode ?? '', /^[1-9]\d{2}$/);
  });
});
