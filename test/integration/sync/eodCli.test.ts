import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxItem } from '../../../schemas/outbox';
import type { Page } from '../../../schemas/paging';
import { systemClock } from '../../../native/time/Clock';
import { openDataDir } from '../../../electron/host/openDataDir';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { formatRid } from '../../../electron/services/packets/rid';
import { verifyExport } from '../../../electron/services/sync/outbox/PacketExportService';
import { admin } from './syncTestBed';
import { runCliCaptured } from './cliTestBed';
import { useEodCliBed } from './useEodCliBed';

const cli = runCliCaptured;

describe('regclient end of day against the simulator', () => {
  const bed = useEodCliBed('eod-cli-');
  const officer = (argv: string[]) => cli(bed.dataDir, bed.sim.url, argv, 'Officer#2026');
  const supervisor = (argv: string[]) => cli(bed.dataDir, bed.sim.url, argv, 'Supervisor#2026');
  const list = async (status?: string): Promise<OutboxItem[]> => (JSON.parse((await officer(['packets', 'list', '--json', ...(status ? ['--status', status] : [])])).out) as Page<OutboxItem>).items;

  async function build(count: number): Promise<string[]> {
    const rids: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = await officer(['packet', 'build', '--input', join(bed.dir, 'input.json')]);
      assert.equal(r.code, 0, r.err);
      rids.push((JSON.parse(r.out) as { rid: string }).rid);
    }
    return rids;
  }

  it('approves with the supervisor, syncs the day with --eod, and each packet reaches PROCESSED with a UIN', async () => {
    const rids = await build(3);
    assert.deepEqual((await list('PENDING')).map((i) => i.rid), rids);
    const refused = await officer(['packets', 'approve', rids[0]!, '--user', 'supervisor1']);
    assert.equal(refused.code, 1, 'the officer password is not the supervisor\'s');
    assert.match(refused.err, /ERR_AUTH_WRONG_PASSWORD/);
    const noReason = await supervisor(['packets', 'reject', rids[2]!, '--user', 'supervisor1']);
    assert.match(noReason.err, /ERR_SYNC_REASON_REQUIRED/);
    assert.equal((await supervisor(['packets', 'approve', rids[0]!, rids[1]!, '--user', 'supervisor1'])).code, 0);
    assert.equal((await supervisor(['packets', 'hold', rids[2]!, '--user', 'supervisor1', '--reason', 'DMD'])).code, 0);
    assert.equal((await supervisor(['packets', 'approve', rids[2]!, '--user', 'supervisor1'])).code, 0);

    const eod = await officer(['sync', '--eod', '--user', 'officer1']);
    assert.equal(eod.code, 0, eod.out + eod.err);
    assert.match(eod.out, /uploaded: 3 {3}RID-synced: 3/);
    assert.match(eod.out, /nothing left to send/);

    await admin(bed.sim, 'advance', { steps: 2 });
    const reconcile = await officer(['status', 'reconcile', '--user', 'officer1', '--json']);
    assert.equal(reconcile.code, 0, reconcile.err);
    const done = await list('DONE');
    assert.deepEqual(done.map((i) => [i.rid, i.serverStatus]), rids.map((rid) => [rid, 'PROCESSED']));
    const stats = (await admin(bed.sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; uploaded: number; status: string; uin: string | null }> };
    const server = rids.map((rid) => Object.values(stats.packets).find((p) => p.registrationId === rid));
    assert.deepEqual(server.map((p) => [p?.uploaded, p?.status, /^\d{10}$/.test(p?.uin ?? '')]), rids.map(() => [1, 'PROCESSED', true]));
  });

  it('takes a BIOMETRIC_CORRECTION from the command line to PROCESSED: the request id in, the request RID out', async () => {
    const rid = formatRid('10009', '10011', 8, systemClock.now() - 86_400_000);
    const reqId = String((await admin(bed.sim, 'additionalinfo', { rid }))['additionalInfoReqId']);
    writeFileSync(join(bed.dir, 'bc.json'), JSON.stringify({ ...sampleRegistration({ now: systemClock.now() }), process: 'BIOMETRIC_CORRECTION', additionalInfoReqId: reqId }));
    const built = await officer(['packet', 'build', '--input', join(bed.dir, 'bc.json')]);
    assert.equal(built.code, 0, built.err);
    assert.equal((JSON.parse(built.out) as { rid: string }).rid, rid);
    assert.equal((await supervisor(['packets', 'approve', rid, '--user', 'supervisor1'])).code, 0);
    const eod = await officer(['sync', '--eod', '--user', 'officer1']);
    assert.equal(eod.code, 0, eod.out + eod.err);
    await admin(bed.sim, 'advance', { steps: 2 });
    assert.equal((await officer(['status', 'reconcile', '--user', 'officer1', '--json'])).code, 0);
    const stats = (await admin(bed.sim, 'stats', undefined, 'GET')) as { packets: Record<string, { registrationId: string; status: string; additionalInfoReqId: string | null }> };
    const server = Object.values(stats.packets).find((p) => p.registrationId === rid);
    assert.deepEqual([server?.status, server?.additionalInfoReqId], ['PROCESSED', reqId]);
  });

  it('exports approved packets to a USB folder with a verifiable manifest; reconcile keeps them EXPORTED until the server has them', async () => {
    const [rid] = await build(1);
    assert.equal((await supervisor(['packets', 'approve', rid!, '--user', 'supervisor1'])).code, 0);
    const usb = join(bed.dir, 'usb');
    const missing = await supervisor(['export', '--to', usb, '--user', 'supervisor1']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /ERR_SYNC_EXPORT_DIR_MISSING/, 'the folder is not created: a mistyped path or an unplugged stick');
    mkdirSync(usb);
    const exported = await officer(['export', '--to', usb, '--user', 'supervisor1']);
    assert.equal(exported.code, 1, 'wrong password for supervisor1');
    assert.equal((await officer(['operators', 'add', '--user', 'officer9', '--name', 'Oficial', '--role', 'REGISTRATION_OFFICER'])).code, 0);
    const notSupervisor = await officer(['export', '--to', usb, '--user', 'officer9']);
    assert.equal(notSupervisor.code, 1);
    assert.match(notSupervisor.err, /^error ERR_AUTH_FORBIDDEN: Your role does not allow this action\. It needs: Supervisor\.\n {2}method: sync\.export\n/);
    assert.equal((await supervisor(['export', '--to', usb, '--user', 'supervisor1'])).code, 0);
    const data = openDataDir({ dataDir: bed.dataDir, env: {} });
    const key = data.machineKey.publicKey;
    data.close();
    const manifest = await verifyExport(usb, key);
    assert.deepEqual(manifest.packets.map((p) => p.rid), [rid]);
    assert.equal((await officer(['status', 'reconcile', '--user', 'officer1'])).code, 0);
    assert.deepEqual((await list('EXPORTED')).map((i) => i.rid), [rid]);
  });
});
