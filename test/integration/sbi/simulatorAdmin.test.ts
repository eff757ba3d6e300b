import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { isoQualityScore } from '../../sims/sbi/isoRecords';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';
import { sbiCall } from '../../../native/sbi/sbiTransport';
import { clientFor, rawCall, startSimulator } from './sbiTestKit';

/** MockMDS-compatible admin endpoints and wire quirks (sbi-protocol.md §1.3, §6.3). */
describe('SbiSimulator admin API and profiles', () => {
  let simulator: SbiSimulator | undefined;

  afterEach(async () => {
    await simulator?.close();
    simulator = undefined;
  });

  it('sets the quality score with /admin/score, and fromIso reads it from the ISO quality block', async () => {
    simulator = await startSimulator();
    const client = clientFor(simulator);
    await rawCall(simulator.device('iris').port, 'POST', '/admin/score', { type: 'Iris', qualityScore: '55', fromIso: true });
    const result = await client.capture({ modality: 'iris', requestedScore: 50 });
    assert.deepEqual(result.biometrics.map((b) => b.qualityScore), [55, 55]);
    assert.equal(isoQualityScore(Buffer.from(result.biometrics[0]!.bioValue, 'base64url')), 55);
  });

  it('rejects an out-of-range score (505) and an unknown type (502)', async () => {
    simulator = await startSimulator();
    const port = simulator.device('face').port;
    assert.deepEqual((await rawCall(port, 'POST', '/admin/score', { type: 'Face', qualityScore: '101' })).json, { errorCode: '505', errorInfo: 'Invalid quality score' });
    assert.deepEqual((await rawCall(port, 'POST', '/admin/status', { type: 'Palm', deviceStatus: 'Ready' })).json, { errorCode: '502', errorInfo: 'Invalid type value' });
  });

  it('changes the person with /admin/profile', async () => {
    simulator = await startSimulator();
    const client = clientFor(simulator);
    const before = await client.capture({ modality: 'face' });
    await rawCall(simulator.device('face').port, 'POST', '/admin/profile', { type: 'Biometric Device', profileId: 'Automatic' });
    const after = await client.capture({ modality: 'face' });
    assert.notEqual(after.biometrics[0]!.bioValue.slice(-2000), before.biometrics[0]!.bioValue.slice(-2000), 'image data differs');
  });

  it('injects faults through /admin/fault and clears them with "none"', async () => {
    simulator = await startSimulator();
    const client = clientFor(simulator);
    const port = simulator.device('finger').port;
    await rawCall(port, 'POST', '/admin/fault', { type: 'Finger', fault: 'paddedBase64' });
    await assert.rejects(client.capture({ modality: 'thumbs' }), { code: 'ERR_SBI_BIOVALUE_NOT_CANONICAL' });
    await rawCall(port, 'POST', '/admin/fault', { type: 'Finger', fault: 'none' });
    assert.equal((await client.capture({ modality: 'thumbs' })).biometrics.length, 2);
  });

  it('answers an unknown verb with 405 and error 500, and OPTIONS with CORS headers', async () => {
    simulator = await startSimulator();
    const port = simulator.device('finger').port;
    const unknown = await rawCall(port, 'SETTINGS', '/device');
    assert.deepEqual([unknown.status, unknown.json], [405, { errorCode: '500', errorInfo: 'Invalid URL' }]);
    const preflight = await sbiCall({ port, method: 'OPTIONS', path: '/capture', timeoutMs: 2000 });
    assert.equal(preflight.status, 200);
  });

  it('mockmds profile: score 44.0 and requestedScore as floats, trailing CRLFCRLF, setting one type resets the others', async () => {
    simulator = await startSimulator({ profile: 'mockmds' });
    const client = clientFor(simulator);
    await rawCall(simulator.device('face').port, 'POST', '/admin/status', { type: 'Face', deviceStatus: 'Not Ready' });
    await rawCall(simulator.device('face').port, 'POST', '/admin/score', { type: 'Iris', qualityScore: '70' });
    assert.equal(simulator.device('face').status, 'Ready', 'setting Iris reset Face');
    const result = await client.capture({ modality: 'left-slap' });
    assert.deepEqual(result.biometrics.map((b) => [b.qualityScoreText, b.requestedScore]), Array(4).fill(['44.0', '40.0']));
    const raw = await sbiCall({ port: simulator.device('face').port, method: 'MOSIPDINFO', path: '/info', timeoutMs: 2000 });
    assert.ok(raw.body.toString().startsWith('[{"deviceInfo"'));
  });
});
