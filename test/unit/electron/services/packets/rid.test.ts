import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPacketId, formatRid, nextRidSequence, validateRid } from '../../../../../electron/services/packets/rid';

const AT = Date.UTC(2022, 0, 28, 22, 36, 18);

describe('rid', () => {
  it('formats the MOSIP documentation example', () => {
    assert.equal(formatRid('10001', '10077', 10069, AT), '10001100771006920220128223618');
  });

  it('formats the packet id as <RID>-<centre>_<machine>-<UTC timestamp>', () => {
    assert.equal(formatPacketId('10001100771006920220128223618', '10001', '10077', AT + 3000), '10001100771006920220128223618-10001_10077-20220128223621');
  });

  it('wraps the sequence from 99999 to 1', () => {
    assert.equal(nextRidSequence(undefined), 1);
    assert.equal(nextRidSequence(41), 42);
    assert.equal(nextRidSequence(99999), 1);
    assert.throws(() => formatRid('10001', '10077', 100000, AT), TypeError);
    // both ends of the range are RIDs: the last sequence before the wrap, and the first after it
    assert.equal(formatRid('10001', '10077', 99999, AT), '10001100779999920220128223618');
    assert.equal(formatRid('10001', '10077', 1, AT), '10001100770000120220128223618');
    assert.throws(() => formatRid('10001', '10077', 0, AT), TypeError);
  });

  it('accepts a valid RID and checks the prefix', () => {
    assert.deepEqual(validateRid('10001100771006920220128223618'), []);
    assert.equal(validateRid('10001100771006920220128223618', { centreId: '10001', machineId: '10099' })[0]?.rule, 'INVALID_RID_PREFIX');
  });

  it('rejects what the server v1 /sync rejects', () => {
    assert.equal(validateRid('1000110077100692022012822361')[0]?.rule, 'INVALID_RID_LENGTH');
    assert.equal(validateRid('1000110077100692022012822361x')[0]?.rule, 'INVALID_RID');
    assert.equal(validateRid('10001100771006920230229120000')[0]?.rule, 'INVALID_RID_TIMESTAMP');
    assert.equal(validateRid('10001100771006920220128243618')[0]?.rule, 'INVALID_RID_TIMESTAMP');
    assert.deepEqual(validateRid('10001100771006920240229120000'), []);
  });
});
