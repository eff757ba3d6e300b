import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import type { AppServices } from '../../../electron/host/createAppServices';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import { buildSamplePacket } from '../../helpers/buildSamplePacket';
import { makeTestPki } from '../../helpers/packetKeys';
import { openTestServices } from '../../helpers/openTestDataDir';

describe('supervisor approval through the Router', () => {
  let services: AppServices;
  let close: () => Promise<void>;
  let rid: string;
  const call = (connectionId: string, method: string, input: unknown) => services.router.dispatch({ connectionId, sink: () => undefined }, method, input);
  const code = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code);
  const login = async (connectionId: string, userId: string, password: string) => assert.equal(code(await call(connectionId, 'auth.login', { userId, password })), 'ok');

  beforeEach(async () => {
    let dataDir: string;
    ({ services, dataDir, close } = await openTestServices());
    mkdirSync(join(dataDir, 'certs'), { recursive: true });
    writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), makeTestPki(services.clock.now()).regCertPem);
    await login('officer-window', 'officer1', 'Officer#2026');
    rid = (await buildSamplePacket(services, 'd1')).rid;
  });
  afterEach(() => close());

  it('lists the new packet as waiting for the supervisor', async () => {
    const reply = await call('officer-window', 'packets.list', {});
    const page = (reply as { value: { items: { rid: string; state: string }[]; total: number; nextCursor: string | null } }).value;
    assert.deepEqual([page.items.map((i) => [i.rid, i.state]), page.total, page.nextCursor], [[[rid, 'PENDING']], 1, null]);
  });

  it('lets a supervisor approve with a fresh password check, and refuses a wrong password', async () => {
    await login('supervisor-window', 'supervisor1', 'Supervisor#2026');
    assert.equal(code(await call('supervisor-window', 'packets.approve', { ids: [rid], password: 'wrong' })), 'ERR_AUTH_WRONG_PASSWORD');
    const approved = await call('supervisor-window', 'packets.approve', { ids: [rid], password: 'Supervisor#2026' });
    assert.equal(code(approved), 'ok', JSON.stringify(approved));
    const [item] = (approved as { value: { state: string; supervisorStatus: string; decidedBy: string }[] }).value;
    assert.deepEqual([item!.state, item!.supervisorStatus, item!.decidedBy], ['READY', 'APPROVED', 'supervisor1']);
  });

  it('broadcasts each decided packet as outbox.onDidChange to every connected screen', async () => {
    const seen: [string, string, string][] = [];
    const connection = services.hub.connect('sync-screen', (name, payload) => seen.push([name, (payload as { rid: string }).rid, (payload as { state: string }).state]));
    await login('supervisor-window', 'supervisor1', 'Supervisor#2026');
    assert.equal(code(await call('supervisor-window', 'packets.hold', { ids: [rid], reasonCode: 'APM', password: 'wrong' })), 'ERR_AUTH_WRONG_PASSWORD');
    assert.deepEqual(seen, [], 'a refused decision changes nothing, so nothing is broadcast');
    const approved = await call('supervisor-window', 'packets.approve', { ids: [rid], password: 'Supervisor#2026' });
    assert.equal(code(approved), 'ok', JSON.stringify(approved));
    connection.dispose();
    assert.deepEqual(seen, [['outbox.onDidChange', rid, 'READY']]);
  });

  it('refuses approval by an officer in the main process', async () => {
    assert.equal(code(await call('officer-window', 'packets.approve', { ids: [rid], password: 'Officer#2026' })), 'ERR_AUTH_FORBIDDEN');
  });

  it('answers sync status and an empty run without a server', async () => {
    const reply = await call('officer-window', 'sync.status', {});
    assert.equal(code(reply), 'ok');
    const run = await call('officer-window', 'sync.now', {});
    // Nothing approved yet: the run has nothing to send, whatever the server.
    assert.equal(code(run), 'ok', JSON.stringify(run));
  });
});
