import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Handler } from '../../../../electron/host/Handlers';
import type { MethodName } from '../../../../schemas/api/contract';
import type { SessionInfo } from '../../../../schemas/operators';

type SessionOf<M extends MethodName> = Parameters<Handler<M>>[1]['session'];

// Checked by `tsc`: each constant only compiles while the context type says what the Router guarantees.
const sessionMethod: SessionOf<'audit.verify'> extends SessionInfo ? true : false = true;
const roleListMethod: SessionOf<'devices.capture'> extends SessionInfo ? true : false = true;
const publicMethod: undefined extends SessionOf<'auth.session'> ? true : false = true;
const cancellable: Parameters<Handler<'devices.discover'>>[1]['signal'] extends AbortSignal ? true : false = true;

describe('handler context by access level', () => {
  it('guarantees a session to session and role-list methods, not to public ones, and a signal to all', () => {
    assert.deepEqual([sessionMethod, roleListMethod, publicMethod, cancellable], [true, true, true, true]);
  });
});
