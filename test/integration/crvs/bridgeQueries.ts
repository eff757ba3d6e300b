import assert from 'node:assert/strict';
import type { CrvsEvent } from '../../../schemas/crvsBridge';
import { admin } from '../sync/syncTestBed';
import type { BridgeBed } from './bridgeBed';

/** An identity as the MOSIP simulator's admin API lists it (the simulator's shape, not the client's). */
export interface SimIdentity {
  readonly uin: string;
  readonly fields: Record<string, unknown>;
  readonly deceased: boolean;
  readonly registrationIds: string[];
}

/** `regclient crvs list --json` on the bed's data dir; exit 4 (events left for a person) is still a list. */
export async function listCrvsEvents(bed: BridgeBed): Promise<CrvsEvent[]> {
  const r = await bed.cli(['crvs', 'list', '--json']);
  assert.ok(r.code === 0 || r.code === 4, r.err);
  return JSON.parse(r.out) as CrvsEvent[];
}

/** The identities the MOSIP simulator holds. */
export async function simIdentities(bed: BridgeBed): Promise<SimIdentity[]> {
  return (await admin(bed.sim, 'identities', undefined, 'GET'))['identities'] as SimIdentity[];
}
