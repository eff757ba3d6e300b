import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../../schemas/errors';
import type { RegistrationInput } from '../../../../schemas/registration';
import type { Clock } from '../../../../native/time/Clock';
import type { AuditLog } from '../../audit/AuditLog';
import type { DB } from '../../db/Database';
import { authenticateReviewer, checkReviewerEligible, reviewed, type Reviewer, type ReviewerAuthenticator } from './reviewerAuthentication';

/**
 * The login's password check (AuthService.verify): same hashes, same lockout, audited per process.
 * @throws AppError ERR_AUTH_WRONG_PASSWORD (an unknown user too), ERR_AUTH_LOCKED, ERR_AUTH_OPERATOR_INACTIVE
 */
export interface OperatorAuthenticator extends ReviewerAuthenticator {
  verify(userId: string, password: string, process: 'packet_auth' | 'exception_auth'): Promise<unknown>;
}

/** Who authenticates a submission, and with what. */
export interface SubmissionAuthentication {
  readonly db: DB;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly auth: OperatorAuthenticator;
  readonly operatorId: string;
  readonly draftId: string;
  /** checked once, never kept or logged */
  readonly password: string;
  readonly reviewer: Reviewer | undefined;
  /** biometric exceptions with the setting on: a supervisor must review */
  readonly reviewerRequired: boolean;
}

/**
 * Order: who the reviewer is (no password), then the operator's password (MOSIP `packet_auth`),
 * then the reviewer's (`exception_auth`); each password only ever costs its own user an attempt,
 * and nothing is returned unless both pass. Returns the registration as authenticated: the facts
 * metaInfo and audit.json record about who authenticated for this packet.
 * @throws AppError ERR_REG_REVIEWER_REQUIRED, ERR_REG_REVIEWER_IS_OPERATOR, ERR_REG_REVIEWER_NOT_SUPERVISOR,
 *   ERR_REG_OPERATOR_AUTH_FAILED, ERR_REG_REVIEWER_AUTH_FAILED, ERR_REG_REVIEWER_LOCKED, ERR_AUTH_LOCKED, ERR_AUTH_OPERATOR_INACTIVE
 */
export async function authenticateSubmission(a: SubmissionAuthentication, checked: RegistrationInput): Promise<RegistrationInput> {
  const ctx = { db: a.db, audit: a.audit, operatorId: a.operatorId, draftId: a.draftId };
  const needed = a.reviewerRequired ? checkReviewerEligible(ctx, a.reviewer) : undefined;
  await authenticateOperator(a);
  if (needed) await authenticateReviewer(ctx, a.auth, needed);
  const officer = authenticated(checked, a.clock.now());
  return needed ? reviewed(officer, needed.userId, a.clock.now()) : officer;
}

/** The login's check for the session's operator; a wrong password is named for this screen. */
async function authenticateOperator({ auth, operatorId, draftId, password }: SubmissionAuthentication): Promise<void> {
  try {
    await auth.verify(operatorId, password, 'packet_auth');
  } catch (err) {
    if (isAppError(err) && err.is('ERR_AUTH_WRONG_PASSWORD')) {
      throw new AppError('ERR_REG_OPERATOR_AUTH_FAILED', { draftId, attemptsLeft: err.details.attemptsLeft }, { cause: err });
    }
    throw err;
  }
}

/**
 * The checked registration once its operator authenticated: metaInfo's `officerPassword` becomes
 * true and the packet's audit.json records the authentication (MOSIP REG_OPERATOR_AUTH_PASSWORD).
 * supervisorId/supervisorPassword stay as composed (null/false) unless a reviewer authenticated.
 */
function authenticated(input: RegistrationInput, at: number): RegistrationInput {
  const officerId = input.operators.officerId;
  return {
    ...input,
    operators: { ...input.operators, officerPassword: true },
    audits: [
      ...input.audits,
      {
        uuid: randomUUID(), at, eventId: 'REG-EVT-048', eventName: 'REG_OPERATOR_AUTH_PASSWORD', eventType: 'USER',
        moduleId: 'REG-MOD-100', moduleName: 'Registration', description: 'Operator authentication with password', sessionUserId: officerId, sessionUserName: officerId,
      },
    ],
  };
}
