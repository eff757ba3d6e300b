import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DB } from '../../../../../../electron/services/db/Database';
import { openDatabase } from '../../../../../../electron/services/db/openDatabase';
import { FOLD_SQL_FUNCTION, foldText, useFoldFunction } from '../../../../../../electron/services/db/foldText';
import { MIGRATIONS, migrate } from '../../../../../../electron/services/db/migrations';
import { countOutbox, pageOutbox } from '../../../../../../electron/services/db/repos/outboxPage';
import { insertPacketWithJob } from '../../../../../../electron/services/db/repos/packets';
import { deletePacketSummary, insertPacketSummary } from '../../../../../../electron/services/db/repos/packetSummaries';
import { makeTempDir } from '../../../../../helpers/tempDir';
import { testRandom, type TestRandom } from '../../../../../helpers/testRandom';

const PARTS = ['Ana', 'Conceição', 'João', 'NEVES', 'Trovoada', 'Zé', 'Inês', 'da', 'Graça', 'Çé', 'Lúcia', 'Ô"q', 'de Sousa', 'Ëa'];
const pick = <T>(random: TestRandom, list: readonly T[]): T => list[random.int(list.length)]!;
const nameOf = (random: TestRandom) => Array.from({ length: 1 + random.int(3) }, () => pick(random, PARTS)).join(' ');

/** A summary's JSON: mostly names in one or two languages, sometimes not a name at all (the scan skipped those). */
function summaryJson(random: TestRandom): string {
  const kind = random.int(10);
  if (kind === 0) return 'not json';
  if (kind === 1) return JSON.stringify({ photo: 'x' });
  if (kind === 2) return JSON.stringify({ residentName: { por: 7, eng: { nested: nameOf(random) } } });
  const name = nameOf(random);
  return JSON.stringify({ residentName: random.int(2) ? { por: name } : { por: name, eng: random.int(2) ? name.toUpperCase() : nameOf(random) } });
}

/** Queries as an operator types them: whole and partial words, other case, no accents, short and long, one or several. */
function queryOf(random: TestRandom): string {
  return Array.from({ length: 1 + random.int(3) }, () => {
    const part = pick(random, PARTS);
    const from = random.int(part.length);
    const word = part.slice(from, from + 1 + random.int(part.length - from));
    const cased = random.int(2) ? word.toUpperCase() : word;
    return random.int(2) ? cased.normalize('NFD').replace(/\p{M}/gu, '') : cased;
  }).join(' ');
}

describe('migration 150 name-search', () => {
  const random = testRandom('mig150');
  let dir: ReturnType<typeof makeTempDir>;
  let db: DB;
  let n = 0;
  beforeEach(() => {
    dir = makeTempDir('mig150-');
    db = openDatabase(join(dir.path, 't.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const addPacket = (): string => {
    n++;
    const rid = `1000110002${String(n).padStart(5, '0')}20261203120000`;
    insertPacketWithJob(db, { packet_id: `${rid}-p`, rid, process: 'NEW', centre_id: '10001', machine_id: '10002', file_name: `${rid}-p.zip`, size: 1, sha256: 'A'.repeat(64), status: 'CREATED', meta: '{}', created_at: n });
    return rid;
  };

  /** The search before migration 150, verbatim: every summary's names folded and checked word by word. */
  const scan = (search: string): string[] => {
    useFoldFunction(db);
    const words = JSON.stringify(foldText(search).split(/\s+/).filter(Boolean));
    const q = `SELECT o.packet_id FROM outbox o WHERE EXISTS (SELECT 1 FROM packet_summaries s, json_each(CASE WHEN json_valid(s.json) THEN json_extract(s.json, '$.residentName') END) n
      WHERE s.packet_id = o.packet_id AND n.type = 'text'
      AND NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE instr(${FOLD_SQL_FUNCTION}(n.value), w.value) = 0)) ORDER BY o.created_at, o.packet_id`;
    return (db.prepare(q).all(words) as { packet_id: string }[]).map((r) => r.packet_id);
  };
  const found = (search: string): string[] => pageOutbox(db, { search }, { limit: 500 }).items.map((i) => i.packetId);

  it('indexes the summaries already there, then every summary inserted, none deleted: the same matches as the scan', () => {
    migrate(db, MIGRATIONS, 140);
    // before 150 the repository did not index; a summary written then is only a row
    for (let i = 0; i < 60; i++) {
      const rid = addPacket();
      db.prepare('INSERT INTO packet_summaries (packet_id, rid, json, created_at) VALUES (?, ?, ?, ?)').run(`${rid}-p`, rid, summaryJson(random), i);
    }
    assert.ok(migrate(db).applied.includes(150));
    const later: string[] = [];
    for (let i = 0; i < 60; i++) {
      const rid = addPacket();
      insertPacketSummary(db, { packet_id: `${rid}-p`, rid, json: summaryJson(random), created_at: i });
      later.push(`${rid}-p`);
    }
    for (const packetId of [...later.slice(0, 10), 'no-such-packet']) deletePacketSummary(db, packetId);
    // the FTS index agrees with its content table row for row, and no name outlives its summary
    db.prepare(`INSERT INTO packet_name_search (packet_name_search, rank) VALUES ('integrity-check', 1)`).run();
    assert.equal((db.prepare('SELECT count(*) AS n FROM packet_names WHERE packet_id NOT IN (SELECT packet_id FROM packet_summaries)').get() as { n: number }).n, 0);
    const queries = [...Array.from({ length: 150 }, () => queryOf(random)), 'ana conceicao', 'CONCEIÇÃO', 'a', 'ze', '', '  ', 'q"', 'ô"Q', 'sousa de', 'de sousa', 'nobody'];
    let matched = 0;
    for (const search of queries) {
      const expected = scan(search);
      assert.deepEqual(found(search), expected, JSON.stringify(search));
      assert.equal(countOutbox(db, { search }), expected.length, JSON.stringify(search));
      if (expected.length) matched++;
    }
    assert.ok(matched > queries.length / 2, `most queries find someone (${matched} of ${queries.length}): the comparison is not between two empty lists`);
    assert.ok(found('ana').length > 0 && found('ana').length < 110, 'a common word matches some packets, not all');
  });

  it('removes a deleted summary\'s names through the packet id index, not a scan of every name', () => {
    migrate(db);
    const plan = (db.prepare('EXPLAIN QUERY PLAN DELETE FROM packet_names WHERE packet_id = ?').all('x') as { detail: string }[]).map((r) => r.detail).join(' | ');
    assert.match(plan, /SEARCH packet_names USING (COVERING )?INDEX packet_names_packet \(packet_id=\?\)/, plan);
  });
});
