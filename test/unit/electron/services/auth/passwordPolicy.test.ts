import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../../../native/time/ManualClock';
import { AuditLog } from '../../../../../electron/services/audit/AuditLog';
import { AuthService } from '../../../../../electron/services/auth/AuthService';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../../electron/services/auth/passwordPolicy';
import type { DB } from '../../../../../electron/services/db/Database';
import { migrate } from '../../../../../electron/services/db/migrations';
import { getOperator } from '../../../../../electron/services/db/repos/operators';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { makeTempDir } from '../../../../helpers/tempDir';
import { rejectsWithCode } from '../../../../helpers/assertAppError';

describe('operator password policy', () => {
  it('accepts a long, uncommon password without the user id', () => {
    assert.equal(passwordProblem('officer1', 'Ilha-do-Principe-77'), undefined);
    assert.equal(passwordProblem('officer1', 'x'.repeat(MIN_PASSWORD_LENGTH - 1) + 'y'), undefined);
  });

  it('refuses one character too short, naming the length', () => {
    assert.match(passwordProblem('officer1', 'Ab3$efg9x')!, new RegExp(`at least ${MIN_PASSWORD_LENGTH} characters`));
  });

  it('compares the user id and the common list case-insensitively', () => {
    assert.match(passwordProblem('Officer1', 'xxOFFICER1yy')!, /user id/);
    assert.match(passwordProblem('officer1', 'QWERTYUIOP')!, /commonest/);
  });
});

describe('AuthService.createOperator uses the same policy', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: DB;
  let auth: AuthService;

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.path, 't.db'), randomBytes(32));
    migrate(db);
    const clock = new ManualClock();
    auth = new AuthService({ db, audit: new AuditLog(db, clock), clock });
  });

  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('refuses a weak password with ERR_AUTH_PASSWORD_WEAK and stores nothing', async () => {
    await rejectsWithCode(
      auth.createOperator({ userId: 'officer2', name: 'B', roles: ['REGISTRATION_OFFICER'], password: 'officer2-2026', language: 'por' }, null),
      'ERR_AUTH_PASSWORD_WEAK',
    );
    assert.equal(getOperator(db, 'officer2'), undefined);
  });

  it('creates an operator whose password passes', async () => {
    await auth.createOperator({ userId: 'officer2', name: 'B', roles: ['REGISTRATION_OFFICER'], password: 'Ilha-do-Principe-77', language: 'por' }, null);
    assert.equal(getOperator(db, 'officer2')?.name, 'B');
  });
});
