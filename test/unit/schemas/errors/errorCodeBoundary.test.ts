import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ErrorCodeField, SerializedError, toErrorCode } from '../../../../schemas/errors';
import { openDatabase } from '../../../../electron/services/db/openDatabase';
import { migrate } from '../../../../electron/services/db/migrations';
import { findOutbox } from '../../../../electron/services/db/repos/outbox';
import { insertPacketWithJob } from '../../../../electron/services/db/repos/packets';
import { makeTempDir } from '../../../helpers/tempDir';

/** Issue 15: a code that arrives from outside is parsed into the catalogue where it arrives, never cast. */
describe('error codes at the boundaries', () => {
  it('keeps a catalogue code and reads any other as ERR_INTERNAL', () => {
    assert.equal(toErrorCode('ERR_SYNC_UNREACHABLE'), 'ERR_SYNC_UNREACHABLE');
    assert.equal(toErrorCode('ERR_FROM_A_NEWER_BUILD'), 'ERR_INTERNAL');
    assert.equal(toErrorCode('toString'), 'ERR_INTERNAL', 'an Object.prototype name is not a code');
    assert.equal(ErrorCodeField.parse('ERR_CANCELLED'), 'ERR_CANCELLED');
    assert.equal(ErrorCodeField.safeParse(42).success, false);
  });

  it('parses a wire error with an unknown code to ERR_INTERNAL, the code kept in the message for the log', () => {
    assert.deepEqual(SerializedError.parse({ code: 'ERR_SYNC_TIMEOUT', message: 'm', details: { endpoint: 'e' } }), { code: 'ERR_SYNC_TIMEOUT', message: 'm', details: { endpoint: 'e' } });
    assert.deepEqual(SerializedError.parse({ code: 'ERR_GONE', message: 'old', details: { secret: 'x' } }), { code: 'ERR_INTERNAL', message: 'ERR_GONE: old', details: {} });
    assert.equal(SerializedError.safeParse({ code: 'ERR_SYNC_TIMEOUT', message: 'm' }).success, false);
  });

  it('reads an outbox row whose last error this build does not know as ERR_INTERNAL', () => {
    const dir = makeTempDir();
    const db = openDatabase(`${dir.path}/t.db`, randomBytes(32));
    try {
      migrate(db);
      insertPacketWithJob(db, { packet_id: 'p1', rid: '10001100011000120260101000000', process: 'NEW', centre_id: '10001', machine_id: '10011', file_name: 'p1.zip', size: 1, sha256: 'AB', status: 'CREATED', meta: '{}', created_at: 1 });
      db.prepare("UPDATE outbox SET last_error = 'ERR_SYNC_REJECTED' WHERE packet_id = 'p1'").run();
      assert.equal(findOutbox(db, 'p1')?.lastErrorCode, 'ERR_SYNC_REJECTED');
      db.prepare("UPDATE outbox SET last_error = 'ERR_FROM_A_NEWER_BUILD' WHERE packet_id = 'p1'").run();
      assert.equal(findOutbox(db, 'p1')?.lastErrorCode, 'ERR_INTERNAL');
      db.prepare("UPDATE outbox SET last_error = NULL WHERE packet_id = 'p1'").run();
      assert.equal(findOutbox(db, 'p1')?.lastErrorCode, null);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
