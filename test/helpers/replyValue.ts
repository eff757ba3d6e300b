import assert from 'node:assert/strict';
import type { Reply } from '../../schemas/api/transport';

/** The value of a Router reply that must have succeeded; otherwise the reply (trimmed) fails the test. */
export function replyValue<T>(reply: Reply): T {
  assert.equal(reply.ok, true, JSON.stringify(reply).slice(0, 600));
  return (reply as { value: T }).value;
}
