import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { OutboxItem } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { runCliCaptured, type CliRun } from '../sync/cliTestBed';
import { useEodCliBed } from '../sync/useEodCliBed';

interface EodJson {
  readonly left: { waitingApproval: string[]; onHold: string[]; parked: { rid: string; code: string }[] };
  readonly outbox: { uploaded: string[] };
}

/** `sync --eod` never says "nothing left to send" while packets wait for a person; it exits 4 then. */
describe('regclient sync --eod: what is left for a person', () => {
  const bed = useEodCliBed('eod-left-');
  const officer = (argv: string[]): Promise<CliRun> => runCliCaptured(bed.dataDir, bed.sim.url, argv, 'Officer#2026');
  const supervisor = (argv: string[]): Promise<CliRun> => runCliCaptured(bed.dataDir, bed.sim.url, argv, 'Supervisor#2026');

  async function build(): Promise<OutboxItem['rid']> {
    const r = await officer(['packet', 'build', '--input', join(bed.dir, 'input.json')]);
    assert.equal(r.code, 0, r.err);
    return (JSON.parse(r.out) as { rid: string }).rid;
  }

  it('lists packets waiting for approval and on hold, sends the approved one, and exits 4', async () => {
    const [approved, held, pending] = [await build(), await build(), await build()];
    assert.equal((await supervisor(['packets', 'approve', approved, '--user', 'supervisor1'])).code, 0);
    assert.equal((await supervisor(['packets', 'hold', held, '--user', 'supervisor1', '--reason', 'DMD'])).code, 0);

    const text = await officer(['sync', '--eod', '--user', 'officer1']);
    assert.equal(text.code, 4, text.out + text.err);
    assert.match(text.out, /uploaded: 1 /);
    assert.match(text.out, new RegExp(`^waiting for supervisor approval, not sent: 1 → .*packets approve\\|reject.*\\n  ${pending}$`, 'm'));
    assert.match(text.out, new RegExp(`^on hold, not sent: 1 → .*\\n  ${held}$`, 'm'));
    assert.doesNotMatch(text.out, /nothing left to send/);

    const json = await officer(['sync', '--eod', '--user', 'officer1', '--json']);
    assert.equal(json.code, 4);
    const parsed = JSON.parse(json.out) as EodJson;
    assert.deepEqual(parsed.left, { waitingApproval: [pending], onHold: [held], parked: [] });

    // decided: nothing is left, and only then does it say so (exit 0)
    assert.equal((await supervisor(['packets', 'approve', held, pending, '--user', 'supervisor1'])).code, 0);
    const done = await officer(['sync', '--eod', '--user', 'officer1']);
    assert.equal(done.code, 0, done.out + done.err);
    assert.match(done.out, /nothing left to send/);
  });

  it('still reports a packet parked by an earlier run, with what to do, and exits 4', async () => {
    const rid = await build();
    assert.equal((await supervisor(['packets', 'approve', rid, '--user', 'supervisor1'])).code, 0);
    const item = (JSON.parse((await officer(['packets', 'list', '--json'])).out) as Page<OutboxItem>).items.find((i) => i.rid === rid)!;
    unlinkSync(join(bed.dataDir, 'packets', `${item.packetId}.zip`));
    const first = await officer(['sync', '--eod', '--user', 'officer1']);
    assert.equal(first.code, 4, first.out + first.err);
    assert.match(first.out, new RegExp(`^  ${rid}  ERR_SYNC_PACKET_FILE_MISSING`, 'm'));
    const second = await officer(['sync', '--eod', '--user', 'officer1']);
    assert.equal(second.code, 4, second.out + second.err);
    assert.match(second.out, new RegExp(`^parked before this run \\(need a person\\): 1\\n  ${rid}  ERR_SYNC_PACKET_FILE_MISSING  → the file is gone`, 'm'));
    assert.doesNotMatch(second.out, /nothing left to send/);
  });
});
