import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isAppError } from '../../../../schemas/errors';
import { openDataDir } from '../../../../electron/host/openDataDir';
import { orPathError } from '../../../../electron/host/orPathError';

describe('orPathError: a key file or folder that cannot be used is refused with its path and reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'or-path-error-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a result through and turns a throw into the catalogue code, keeping the cause', () => {
    assert.equal(orPathError('ERR_DB_KEY_INVALID', '/k', () => 42), 42);
    const cause = new Error('bad wrapping');
    assert.throws(
      () => orPathError('ERR_DB_KEY_INVALID', '/keys/db.key', () => { throw cause; }),
      (err: unknown) => isAppError(err) && err.code === 'ERR_DB_KEY_INVALID' && err.cause === cause && JSON.stringify(err.details) === JSON.stringify({ path: '/keys/db.key', reason: 'bad wrapping' }),
    );
  });

  it('refuses a data folder that is a file as ERR_DATA_DIR_UNUSABLE naming it', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    assert.throws(
      () => openDataDir({ dataDir: file, env: {} }),
      (err: unknown) => isAppError(err) && err.code === 'ERR_DATA_DIR_UNUSABLE' && (err.details as { path: string }).path === file && /EEXIST|ENOTDIR|not a directory/.test((err.details as { reason: string }).reason),
    );
  });
});
