import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOracleOutput } from '../../oracles/javaOracle';

describe('parseOracleOutput', () => {
  it('reads one verdict per check, the reason of each FAIL and the outer key', () => {
    const r = parseOracleOutput('outerKey=ab12\nOK outer.decrypt\nFAIL id.packet_data_hash missing\nFAIL id.signature\nOK id.decrypt\n');
    assert.deepEqual(r.verdicts, { 'outer.decrypt': 'OK', 'id.packet_data_hash': 'FAIL', 'id.signature': 'FAIL', 'id.decrypt': 'OK' });
    assert.deepEqual(r.reasons, { 'id.packet_data_hash': 'missing', 'id.signature': '' });
    assert.deepEqual([r.ok, r.failed, r.outerKey], [['outer.decrypt', 'id.decrypt'], ['id.packet_data_hash', 'id.signature'], 'ab12']);
  });

  it('refuses a line that is not a verdict, and a check reported twice', () => {
    assert.throws(() => parseOracleOutput('OK a\nException in thread "main"\n'), /unexpected line: Exception in thread "main"/);
    assert.throws(() => parseOracleOutput('OK id.decrypt\nFAIL id.decrypt bad tag\n'), /reported id\.decrypt twice/);
  });
});
