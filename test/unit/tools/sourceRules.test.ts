import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSource } from '../../tools/sourceRules';

describe('sourceRules', () => {
  it('flags .then chains', () => {
    assert.equal(checkSource('electron/x.ts', 'p.then(() => 1);')[0]?.message, 'use async/await, not .then chains (STYLE rule 31)');
  });
  it('flags focused and skipped tests', () => {
    assert.equal(checkSource('test/x.test.ts', "it.only('a', () => {});").length, 1);
    assert.equal(checkSource('test/x.test.ts', "it.skip('a', () => {});").length, 1);
  });
  it('flags eval and new Function', () => {
    assert.equal(checkSource('renderer/x.ts', 'eval(code);').length, 1);
    assert.equal(checkSource('renderer/x.ts', 'new Function(code);').length, 1);
  });
  it('lets only the summary repositories write the summaries and their name index', () => {
    assert.equal(checkSource('electron/services/sync/outbox/RetentionService.ts', 'db.prepare(`DELETE FROM packet_summaries WHERE packet_id = ?`)').length, 1);
    assert.equal(checkSource('electron/services/registration/drafts/DraftSubmitter.ts', 'sql`INSERT INTO packet_name_search (name) VALUES (1)`').length, 1);
    assert.equal(checkSource('electron/services/sync/outbox/RetentionService.ts', 'db.prepare(`delete from packet_names WHERE packet_id = ?`)').length, 1);
    assert.deepEqual(checkSource('electron/services/db/repos/packetSummaries.ts', 'sql`INSERT INTO packet_summaries (packet_id) VALUES (1)`'), []);
    assert.deepEqual(checkSource('electron/services/db/repos/packetNameSearch.ts', 'db.prepare(`INSERT INTO packet_name_search (name, packet_id) ${ROWS}`)'), []);
    assert.deepEqual(checkSource('electron/services/db/migrations/150-name-search.ts', 'DELETE FROM packet_name_search WHERE packet_id = OLD.packet_id;'), []);
    assert.deepEqual(checkSource('electron/services/db/repos/outboxPage.ts', 'sql`SELECT packet_id FROM packet_name_search`'), []);
  });

  it('lets only the outbox repository write the outbox table', () => {
    const write = 'db.prepare(sql`UPDATE outbox SET state = ${s}`);';
    assert.equal(checkSource('electron/services/sync/outbox/OutboxSteps.ts', write).length, 1);
    assert.equal(checkSource('electron/services/db/repos/packets.ts', 'sql`insert into outbox (packet_id) VALUES (1)`').length, 1);
    assert.deepEqual(checkSource('electron/services/db/repos/outbox.ts', write), []);
    assert.deepEqual(checkSource('electron/services/db/repos/outbox.ts', 'sql`SELECT state FROM outbox`'), []);
    assert.deepEqual(checkSource('electron/services/sync/outbox/OutboxService.ts', 'const outbox = new OutboxService(); // update outbox later'), []);
  });
  it('accepts ordinary code', () => {
    assert.deepEqual(checkSource('renderer/x.ts', 'const then = await load();'), []);
  });
});
