import type { LanguageCode, Role } from '../../../schemas/operators';
import type { AuditLog } from '../audit/AuditLog';
import type { AuthService } from '../auth/AuthService';
import type { DB } from '../db/Database';
import { countOperators } from '../db/repos/operators';

/** Demo operators; their passwords are printed in the README. Never seeded outside demo mode. */
export const DEMO_OPERATORS: readonly { userId: string; name: string; roles: readonly Role[]; password: string; language: LanguageCode }[] = [
  { userId: 'officer1', name: 'Ana Officer', roles: ['REGISTRATION_OFFICER'], password: 'Officer#2026', language: 'eng' },
  { userId: 'supervisor1', name: 'Bento Supervisor', roles: ['REGISTRATION_SUPERVISOR', 'REGISTRATION_OFFICER'], password: 'Supervisor#2026', language: 'por' },
  { userId: 'viewer1', name: 'Carla Viewer', roles: ['Default'], password: 'Viewer#2026', language: 'eng' },
];

export const DEMO_IDENTITY = { centreId: '10001', machineId: '10002' } as const;

/** Seeds the demo operators into an empty store; a store that has operators is left alone. */
export async function seedDemo(deps: { db: DB; auth: AuthService; audit: AuditLog }): Promise<boolean> {
  if (countOperators(deps.db) > 0) return false;
  for (const op of DEMO_OPERATORS) await deps.auth.createOperator(op, 'demo-seed');
  deps.audit.append('DEMO_SEEDED', 'demo-seed', { operators: DEMO_OPERATORS.map((o) => o.userId) });
  return true;
}
