import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OutboxItem } from '../../../schemas/outbox';
import { PACKETS_DIR } from '../../../electron/host/openDataDir';
import { insertPacketWithJob } from '../../../electron/services/db/repos/packets';
import { runCliWithEnv } from '../sync/cliTestBed';
import { openWithOperators, readDataDir } from './cliDataDir';

const RID = '10001100020000120261202093000';
const PACKET_ID = `${RID}-10001_10002-20261202093000`;

/** `packets requeue` undoes a parking decision: only a supervisor, with a fresh password, audited. */
describe('regclient packets requeue: supervisors only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-requeue-'));
  const dataDir = join(dir, 'client');
  const run = (argv: readonly string[], password: string) => runCliWithEnv(['--data-dir', dataDir, 'packets', 'requeue', RID, ...argv], { REGCLIENT_PASSWORD: password });

  function state(): { state: string; audit: { event: string; actor: string | null; details: Record<string, unknown> }[] } {
    return readDataDir(dataDir, (data) => {
      const row = data.db.prepare('SELECT state FROM outbox WHERE packet_id = ?').get(PACKET_ID) as { state: string };
      return { state: row.state, audit: data.audit.recent(50) };
    });
  }

  before(async () => {
    const data = await openWithOperators(dataDir);
    try {
      // a packet the outbox parked as corrupted (the file's bytes do not matter to a requeue)
      const bytes = randomBytes(64);
      mkdirSync(join(dataDir, PACKETS_DIR), { recursive: true });
      writeFileSync(join(dataDir, PACKETS_DIR, `${PACKET_ID}.zip`), bytes);
      const now = data.clock.now();
      insertPacketWithJob(data.db, { packet_id: PACKET_ID, rid: RID, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${PACKET_ID}.zip`, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), status: 'CREATED', meta: '{}', created_at: now });
      data.db.prepare("UPDATE outbox SET state = 'PARKED' WHERE packet_id = ?").run(PACKET_ID);
    } finally {
      data.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses without --user (exit 2) and leaves the packet parked', async () => {
    const r = await run(['--json'], 'Supervisor#2026');
    assert.equal(r.code, 2, r.err);
    assert.equal((JSON.parse(r.out) as { error: { code: string; details: { argument: string } } }).error.details.argument, '--user');
    assert.equal(state().state, 'PARKED');
  });

  it('refuses an officer as the app\'s Router does (ERR_AUTH_FORBIDDEN, audited ROLE_DENIED) and a wrong supervisor password, leaving it parked', async () => {
    const officer = await run(['--user', 'officer1'], 'Officer#2026');
    assert.equal(officer.code, 1);
    assert.equal(officer.err, 'error ERR_AUTH_FORBIDDEN: Your role does not allow this action. It needs: Supervisor.\n  method: outbox.requeue\n');
    assert.ok(state().audit.some((e) => e.event === 'ROLE_DENIED' && e.actor === 'officer1' && e.details['method'] === 'outbox.requeue'));
    const wrong = await run(['--user', 'supervisor1'], 'Officer#2026');
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /^error ERR_AUTH_WRONG_PASSWORD/);
    assert.equal(state().state, 'PARKED');
  });

  it('a supervisor puts it back: READY, --json items, audited with who, which RID and from which state', async () => {
    const r = await run(['--user', 'supervisor1', '--json'], 'Supervisor#2026');
    assert.equal(r.code, 0, r.err);
    const items = JSON.parse(r.out) as OutboxItem[];
    assert.deepEqual(items.map((i) => [i.rid, i.state]), [[RID, 'READY']]);
    const after = state();
    assert.equal(after.state, 'READY');
    const requeued = after.audit.find((e) => e.details['requeued'] === RID);
    assert.deepEqual({ actor: requeued?.actor, details: requeued?.details }, { actor: 'supervisor1', details: { requeued: RID, from: 'PARKED' } });
    assert.ok(after.audit.some((e) => e.event === 'OPERATOR_AUTH_SUCCESS' && e.actor === 'supervisor1'), 'the password check is audited');
  });
});
