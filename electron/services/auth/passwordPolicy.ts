import { AppError } from '../../../schemas/errors';

/** The shortest operator password accepted (README "Operator passwords"). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * The commonest passwords and keyboard runs (the top of the public breach lists, plus the local
 * words an operator might reach for), compared case-insensitively. Short on purpose: the length
 * rule already refuses most of the lists; these are the long ones people still type.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  '1234567890', '0123456789', '12345678910', '0987654321', '1111111111', '123123123', '1234512345',
  'qwertyuiop', 'qwerty1234', 'qwerty123', 'asdfghjkl', 'azertyuiop', 'abcdefgh', 'abcdefghij', 'abc1234567',
  'iloveyou', 'letmein123', 'welcome123', 'admin12345', 'administrator', 'changeme', 'changeme123',
  'palavrapasse', 'motdepasse', 'mosip12345', 'regclient', 'registration',
]);

/**
 * The one operator password policy, used by every way an operator is created (AuthService.createOperator:
 * the CLI's `operators add` and first-time onboarding). Returns the broken rule, or undefined.
 */
export function passwordProblem(userId: string, password: string): string | undefined {
  if (password.trim().length === 0) return 'the password must not be only spaces';
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (new Set(password).size === 1) return 'the password must not repeat one character';
  const lower = password.toLowerCase();
  const user = userId.toLowerCase();
  if (lower.includes(user) || lower.includes([...user].reverse().join(''))) return 'the password must not contain the user id';
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[^a-z0-9@]/g, ''))) return 'the password is one of the commonest passwords';
  return undefined;
}

/** @throws AppError ERR_AUTH_PASSWORD_WEAK naming the field and the rule it breaks */
export function checkPassword(userId: string, password: string, field = 'password'): void {
  const rule = passwordProblem(userId, password);
  if (rule) throw new AppError('ERR_AUTH_PASSWORD_WEAK', { field, rule });
}
