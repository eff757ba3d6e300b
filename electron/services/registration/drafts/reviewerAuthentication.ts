import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../../schemas/errors';
import type { RegistrationInput } from '../../../../schemas/registration';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { getOperator } from '../../db/repos/operators';

/** The supervisor who reviews a registration with biometric exceptions, as typed in the dialog. */
export interface Reviewer {
  readonly userId: string;
  /** checked once, never kept or logged */
  readonly password: string;
}

/** The password check of the login (AuthService.verify), for the reviewer's process. */
export interface ReviewerAuthenticator {
  verify(userId: string, password: string, process: 'exception_auth'): Promise<unknown>;
}

/** True when any biometric field of the registration marks an attribute as missing (an exception). */
export function hasBiometricExceptions(input: Pick<RegistrationInput, 'biometrics'>): boolean {
  return Object.values(input.biometrics).some((field) => field.exceptions.length > 0);
}

interface Context {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly operatorId: string;
  readonly draftId: string;
}

/**
 * Who may review, checked before any password (so a refusal costs nobody an attempt): someone, not
 * the operator, an active local operator holding REGISTRATION_SUPERVISOR. MOSIP 1.2's
 * AuthenticationController#isValidReviewer only checks that the user exists and is not the
 * operator; the supervisor role is our stricter rule for São Tomé.
 * @throws AppError ERR_REG_REVIEWER_REQUIRED, ERR_REG_REVIEWER_IS_OPERATOR, ERR_REG_REVIEWER_NOT_SUPERVISOR
 */
export function checkReviewerEligible(ctx: Context, reviewer: Reviewer | undefined): Reviewer {
  const { draftId, operatorId } = ctx;
  if (!reviewer) throw new AppError('ERR_REG_REVIEWER_REQUIRED', { draftId });
  const { userId } = reviewer;
  if (userId === operatorId) {
    ctx.audit.append('DRAFT_REVIEW_REFUSED', operatorId, { draftId, reviewerId: userId, reason: 'same-as-operator' });
    throw new AppError('ERR_REG_REVIEWER_IS_OPERATOR', { draftId, userId });
  }
  const operator = getOperator(ctx.db, userId);
  const reason = !operator ? 'unknown-operator' : !operator.isActive ? 'inactive' : !operator.roles.includes('REGISTRATION_SUPERVISOR') ? 'not-supervisor' : null;
  if (reason) {
    ctx.audit.append('DRAFT_REVIEW_REFUSED', operatorId, { draftId, reviewerId: userId, reason });
    throw new AppError('ERR_REG_REVIEWER_NOT_SUPERVISOR', { draftId, userId });
  }
  return reviewer;
}

/**
 * The reviewer's password, checked like a login (same hashes, same lockout, AuthService audits it
 * as `exception_auth`); errors are named for the reviewer so the page puts them on its fields.
 * @throws AppError ERR_REG_REVIEWER_AUTH_FAILED, ERR_REG_REVIEWER_LOCKED, ERR_AUTH_*
 */
export async function authenticateReviewer(ctx: Context, auth: ReviewerAuthenticator, { userId, password }: Reviewer): Promise<void> {
  const { draftId, operatorId } = ctx;
  try {
    await auth.verify(userId, password, 'exception_auth');
  } catch (err) {
    if (isAppError(err) && err.is('ERR_AUTH_WRONG_PASSWORD')) {
      ctx.audit.append('DRAFT_REVIEW_REFUSED', operatorId, { draftId, reviewerId: userId, reason: 'wrong-password' });
      throw new AppError('ERR_REG_REVIEWER_AUTH_FAILED', { draftId, userId, attemptsLeft: err.details.attemptsLeft }, { cause: err });
    }
    if (isAppError(err) && err.is('ERR_AUTH_LOCKED')) {
      ctx.audit.append('DRAFT_REVIEW_REFUSED', operatorId, { draftId, reviewerId: userId, reason: 'locked' });
      throw new AppError('ERR_REG_REVIEWER_LOCKED', { draftId, userId, minutes: err.details.minutes }, { cause: err });
    }
    throw err;
  }
  ctx.audit.append('DRAFT_REVIEWED', operatorId, { draftId, reviewerId: userId });
}

/**
 * The registration once its reviewer authenticated: metaInfo's operationsData says supervisorId and
 * supervisorPassword true, and the packet's audit.json records it beside the operator's entry.
 * Our reference names no event id for the reviewer's password: REG-EVT-049 /
 * REG_SUPERVISOR_AUTH_PASSWORD is our choice beside the operator's REG-EVT-048, not checked against
 * MOSIP's AuditEvent list.
 */
export function reviewed(input: RegistrationInput, reviewerId: string, at: number): RegistrationInput {
  return {
    ...input,
    operators: { ...input.operators, supervisorId: reviewerId, supervisorPassword: true },
    audits: [
      ...input.audits,
      {
        uuid: randomUUID(), at, eventId: 'REG-EVT-049', eventName: 'REG_SUPERVISOR_AUTH_PASSWORD', eventType: 'USER',
        moduleId: 'REG-MOD-100', moduleName: 'Registration', description: 'Supervisor (reviewer) authentication with password', sessionUserId: reviewerId, sessionUserName: reviewerId,
      },
    ],
  };
}
