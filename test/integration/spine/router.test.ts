import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../../schemas/api/transport';
import type { AppServices } from '../../../electron/host/createAppServices';
import { Router } from '../../../electron/host/Router';
import type { Handlers } from '../../../electron/host/Handlers';
import { DEMO_OPERATORS } from '../../../electron/services/demo/seedDemo';
import { openTestServices } from '../../helpers/openTestDataDir';
import type { ManualClock } from '../../../native/time/ManualClock';

describe('Router (real services, encrypted data dir)', () => {
  let services: AppServices;
  let clock: ManualClock;
  let close: () => Promise<void>;
  const events: { name: string; payload: unknown }[] = [];
  const ctx = (connectionId = 'conn-1') => ({ connectionId, sink: (name: string, payload: unknown) => void events.push({ name, payload }) });
  const call = (method: unknown, input: unknown, connectionId?: string) => services.router.dispatch(ctx(connectionId), method, input);
  const errorOf = (reply: Reply) => {
    assert.equal(reply.ok, false, `expected an error reply, got ${JSON.stringify(reply)}`);
    return (reply as Extract<Reply, { ok: false }>).error;
  };
  const login = async (userId: string, connectionId?: string) => {
    const password = DEMO_OPERATORS.find((o) => o.userId === userId)!.password;
    const reply = await call('auth.login', { userId, password }, connectionId);
    assert.equal(reply.ok, true, JSON.stringify(reply));
  };
  const auditEvents = () => services.data.audit.recent(50).map((e) => e.event);

  beforeEach(async () => {
    ({ services, clock, close } = await openTestServices());
    events.length = 0;
  });
  afterEach(() => close());

  it('rejects an unknown method', async () => {
    assert.equal(errorOf(await call('registration.deleteEverything', {})).code, 'ERR_IPC_UNKNOWN_METHOD');
  });

  it('rejects malformed payloads with the failing field and never runs the handler', async () => {
    let ran = 0;
    const spy = new Router({
      handlers: new Proxy({} as Handlers, { get: () => async () => void ran++ }),
      sessions: services.sessions,
      audit: services.data.audit,
    });
    for (const input of [undefined, null, 'text', [], { userId: 'officer1' }, { userId: '', password: 'x' }, { userId: 'a b', password: 'x' }, { userId: 'officer1', password: 'x', extra: 1 }]) {
      const error = errorOf(await spy.dispatch(ctx(), 'auth.login', input));
      assert.equal(error.code, 'ERR_IPC_INVALID_INPUT', JSON.stringify(input));
      assert.equal((error.details as { method: string }).method, 'auth.login');
    }
    const missing = errorOf(await spy.dispatch(ctx(), 'auth.login', { userId: 'officer1' }));
    assert.deepEqual((missing.details as { issues: { path: string }[] }).issues.map((i) => i.path), ['password']);
    assert.equal(ran, 0);
  });

  it('names the rule that failed', async () => {
    const error = errorOf(await call('auth.login', { userId: 'a b', password: 'x' }));
    assert.deepEqual((error.details as { issues: unknown[] }).issues, [{ path: 'userId', message: 'user id may contain letters, digits and . _ @ - only' }]);
  });

  it('requires a session for session methods', async () => {
    assert.equal(errorOf(await call('home.summary', {})).code, 'ERR_AUTH_NOT_AUTHENTICATED');
  });

  it('checks roles in the main process and audits the denial', async () => {
    await login('officer1');
    const error = errorOf(await call('audit.verify', {}));
    assert.equal(error.code, 'ERR_AUTH_FORBIDDEN');
    assert.deepEqual(error.details, { method: 'audit.verify', requiredRoles: ['REGISTRATION_SUPERVISOR'] });
    assert.equal(auditEvents()[0], 'ROLE_DENIED');
  });

  it('denies the Default role what an officer may not do, and allows the dashboard', async () => {
    await login('viewer1');
    assert.equal(errorOf(await call('audit.recent', { limit: 5 })).code, 'ERR_AUTH_FORBIDDEN');
    assert.equal((await call('home.summary', {})).ok, true);
  });

  it('lets a supervisor verify the audit log', async () => {
    await login('supervisor1');
    const reply = await call('audit.verify', {});
    assert.equal(reply.ok, true);
    assert.equal((reply as { value: { ok: boolean } }).value.ok, true);
  });

  it('ends the session after 900 s idle and then says it expired', async () => {
    await login('officer1');
    clock.advance(900_000);
    assert.deepEqual(events.map((e) => e.name), ['session.onDidWarnIdle', 'session.onDidEnd']);
    assert.equal(errorOf(await call('home.summary', {})).code, 'ERR_AUTH_SESSION_EXPIRED');
  });

  it('keeps one connection\'s login from leaking into another', async () => {
    await login('supervisor1', 'window-a');
    assert.equal(errorOf(await call('audit.verify', {}, 'window-b')).code, 'ERR_AUTH_NOT_AUTHENTICATED');
  });

  it('returns the dashboard with the machine identity and live counts', async () => {
    await login('officer1');
    const reply = await call('home.summary', {});
    assert.equal(reply.ok, true);
    const summary = (reply as { value: { machine: { centreId: string; keyIndex: string }; auditEntriesToday: number } }).value;
    assert.equal(summary.machine.centreId, '10001');
    assert.equal(summary.machine.keyIndex, services.data.identity.keyIndex);
    assert.ok(summary.auditEntriesToday >= 3);
  });

  it('changes the operator language and audits it', async () => {
    await login('officer1');
    const reply = await call('operator.setLanguage', { language: 'por' });
    assert.equal((reply as { value: { language: string } }).value.language, 'por');
    assert.equal(auditEvents()[0], 'LANGUAGE_CHANGED');
    assert.equal(errorOf(await call('operator.setLanguage', { language: 'xx' })).code, 'ERR_IPC_INVALID_INPUT');
  });
});
