import type { MosipSimulator } from '../MosipSimulator';
import type { SimAdditionalInfoRequest } from '../SimState';
import { internalProcess } from '../idRepo';

/**
 * `registration.processor.main-processes` as mosip-config's registration-processor-default.properties
 * sets it for 1.2: any other registration type (the sub-processes, BIOMETRIC_CORRECTION) answers an
 * additional-info request. Written as MOSIP's literal codes, not imported from the client.
 */
export const MAIN_PROCESSES: ReadonlySet<string> = new Set(['NEW', 'UPDATE', 'LOST', 'RES_UPDATE', 'ACTIVATE', 'DEACTIVATE']);

/** PlatformErrorMessages.RPR_PKR_ADDITIONAL_INFOID_NOT_FOUND */
export const ADDITIONAL_INFOID_NOT_FOUND = { code: 'RPR-PKR-016', message: 'Additional info request id not found' } as const;

function requestsOf(sim: MosipSimulator): Record<string, SimAdditionalInfoRequest> {
  sim.state.data.additionalInfoRequests ??= {};
  return sim.state.data.additionalInfoRequests;
}

/**
 * What regproc does when a stage pauses a registration for more information
 * (WorkflowInternalActionVerticle.createAdditionalInfoRequest / createAdditionalRequestId): the
 * next iteration for that RID, id `<rid>-<process>-<iteration>`.
 */
export function requestAdditionalInfo(sim: MosipSimulator, rid: string, process: string): SimAdditionalInfoRequest {
  if (!/^\d{29}$/.test(rid)) throw new Error('rid must be 29 digits');
  if (!/^[A-Z][A-Z_]*$/.test(process) || MAIN_PROCESSES.has(process)) throw new Error(`process ${process} is not a sub-process`);
  const all = requestsOf(sim);
  const previous = Object.values(all).filter((r) => r.rid === rid && r.process === process);
  const iteration = previous.reduce((max, r) => Math.max(max, r.iteration), 0) + 1;
  const request: SimAdditionalInfoRequest = { additionalInfoReqId: `${rid}-${process}-${iteration}`, rid, process, iteration, createdAt: sim.clock.now() };
  all[request.additionalInfoReqId] = request;
  sim.state.save();
  return request;
}

/**
 * PacketReceiverServiceImpl.getIterationForSyncRecord (registration, release-1.2.0.x): a main
 * process is iteration 1; otherwise the sync record's additionalInfoReqId must name a stored
 * request, else AdditionalInfoIdNotFoundException (RPR-PKR-016) and the packet is not stored.
 */
export function iterationForSyncRecord(sim: MosipSimulator, registrationType: string, additionalInfoReqId: string | null): number | undefined {
  // Utilities.getIterationForSyncRecord: a main process, or one mapped to a main process
  if (MAIN_PROCESSES.has(registrationType) || MAIN_PROCESSES.has(internalProcess(registrationType))) return 1;
  const request = additionalInfoReqId === null ? undefined : requestsOf(sim)[additionalInfoReqId];
  return request?.iteration;
}
