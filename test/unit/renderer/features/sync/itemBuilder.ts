import type { OutboxItem } from '../../../../../schemas/outbox';

/** A whole OutboxItem with plain defaults; tests name only what they vary. */
export function outboxItem(overrides: Partial<OutboxItem> & Pick<OutboxItem, 'packetId'>): OutboxItem {
  return {
    rid: overrides.packetId.slice(0, 29),
    process: 'NEW',
    createdAt: 1_000,
    size: 100,
    state: 'PENDING',
    supervisorStatus: null,
    reasonCode: null,
    decidedBy: null,
    decidedAt: null,
    attempts: 0,
    nextAttemptAt: null,
    lastErrorCode: null,
    lastErrorDetails: null,
    serverStatus: null,
    serverStatusAt: null,
    uin: null,
    uploadedAt: null,
    exportedAt: null,
    fileDeletedAt: null,
    ...overrides,
  };
}
