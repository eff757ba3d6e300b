import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assert as check, defined, InvariantError, unreachable } from '../../../../schemas/errors/assert';
import { serializeError } from '../../../../schemas/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../electron/services/db/migrations';

describe('assert helpers (bugs, not expected failures)', () => {
  it('passes a holding invariant through and names a broken one', () => {
    check(1 + 1 === 2, 'arithmetic');
    assert.throws(() => check(false, 'patchOutbox: expected 1 change'), (err) => err instanceof InvariantError && err.message === 'bug: patchOutbox: expected 1 change');
  });

  it('defined returns the value, 0 and "" included, and throws for null or undefined', () => {
    assert.equal(defined(0, 'zero'), 0);
    assert.equal(defined('', 'empty'), '');
    assert.throws(() => defined(undefined, 'the first row'), /^InvariantError: bug: the first row is missing$/);
    assert.throws(() => defined(null, 'the key'), InvariantError);
  });

  it('unreachable names the value a wrong caller passed', () => {
    assert.throws(() => unreachable('sideways' as never, 'retry class'), /bug: unknown retry class sideways/);
  });

  it('crosses a boundary as ERR_INTERNAL, never as a catalogue failure', () => {
    assert.equal(serializeError(new InvariantError('x')).code, 'ERR_INTERNAL');
  });

  it('is what the migrations read their latest version with', () => {
    assert.equal(LATEST_SCHEMA_VERSION, MIGRATIONS[MIGRATIONS.length - 1]?.version);
  });
});
