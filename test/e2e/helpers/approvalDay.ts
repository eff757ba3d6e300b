import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listConfig, replaceConfig } from '../../../electron/services/db/repos/syncConfig';
import { sampleRegistration } from '../../../electron/services/packets/sampleRegistration';
import { createApiClient } from '../../../renderer/api/createApiClient';
import type { PacketBuildResult } from '../../../schemas/packet';
import { inMemoryBridge } from '../../helpers/inMemoryBridge';
import { registerResident } from '../../helpers/registerResident';
import { runCliWithEnv } from '../../helpers/runCliInProcess';
import { makeTempDir } from '../../helpers/tempDir';
import type { InProcessApp } from './inProcessApp';

/** The limit of packets awaiting a supervisor (MOSIP `mosip.registration.reg_pak_max_cnt_apprv_limit`). */
export const PENDING_LIMIT = 5;

/** What the day left on the machine, by RID. */
export interface ApprovalDay {
  /** force-captured right slap, a missing finger and its photo, reviewed by supervisor1 */
  readonly flagged: string;
  /** an ordinary registration */
  readonly plain: string;
  /** built by `regclient packet build` (no review summary is kept for it) */
  readonly fromCli: string;
  /** another CLI packet, also awaiting a decision */
  readonly fromCli2: string;
  /** approved, its file then lost: the sync parks it (ERR_SYNC_PACKET_FILE_MISSING) */
  readonly parked: string;
}

/** `regclient packet build --input FILE` on the app's data dir, run in this process: no review summary is kept. */
async function buildAsCli(app: InProcessApp): Promise<PacketBuildResult> {
  const { services, clock, dataDir } = app.backEnd;
  const { centreId, machineId } = services.data.identity;
  const temp = makeTempDir('regclient-cli-input-');
  try {
    const input = join(temp.path, 'registration.json');
    writeFileSync(input, JSON.stringify(sampleRegistration({ now: clock.now(), centreId, machineId })));
    const run = await runCliWithEnv(['packet', 'build', '--data-dir', dataDir, '--input', input], {});
    if (run.code !== 0) throw new Error(`regclient packet build exited with ${run.code}: ${run.err}`);
    return JSON.parse(run.out) as PacketBuildResult;
  } finally {
    temp.remove();
  }
}

/**
 * A centre's day on the real back end, before the supervisor opens the screens: four packets
 * awaiting a decision (two registered as the screens do, two built by the CLI), and one approved
 * packet whose file is gone, which a real outbox run against the MOSIP simulator parks. The pending
 * limit is set to 5, so 4 waiting is "near" (80 %).
 */
export async function prepareApprovalDay(app: InProcessApp): Promise<ApprovalDay> {
  const { backEnd, devices } = app;
  const flagged = await registerResident(backEnd, devices, { fullName: { por: 'Maria Quaresma Neves', eng: 'Mary Quaresma Neves' }, missingLittleFinger: true, rightSlapScores: [25, 33, 28] });
  const plain = await registerResident(backEnd, devices, { fullName: { por: 'João Trovoada', eng: 'Joao Trovoada' } });
  const fromCli = (await buildAsCli(app)).rid;
  const fromCli2 = (await buildAsCli(app)).rid;
  const lost = await buildAsCli(app);
  const supervisor = createApiClient(inMemoryBridge(backEnd.services, 'supervisor-setup'));
  await supervisor['auth.login']({ userId: 'supervisor1', password: 'Supervisor#2026' });
  await supervisor['packets.approve']({ ids: [lost.packetId], password: 'Supervisor#2026' });
  rmSync(lost.file);
  await backEnd.services.sync.outbox.run({ ignoreBackoff: true });
  const db = backEnd.services.data.db;
  replaceConfig(db, 'registration', { ...listConfig(db, 'registration'), 'mosip.registration.reg_pak_max_cnt_apprv_limit': String(PENDING_LIMIT) }, backEnd.clock.now());
  return { flagged, plain, fromCli, fromCli2, parked: lost.rid };
}
