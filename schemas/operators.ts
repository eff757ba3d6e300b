import { z } from 'zod';

/** MOSIP role codes as synced in user details; `Default` may log in but not register or approve. */
export const Role = z.enum(['REGISTRATION_OFFICER', 'REGISTRATION_SUPERVISOR', 'Default']);
export type Role = z.infer<typeof Role>;

/**
 * Why the password is asked for, named as MOSIP's `ProcessNames` (`REG.APP_AUTHENTICATION_METHOD`
 * PROCESS_ID): logging in, confirming a packet before it is built, confirming an EOD decision, a
 * supervisor reviewing a registration with biometric exceptions.
 * Every process counts failures towards the same lockout; only `login_auth` is a login.
 */
export const AuthProcess = z.enum(['login_auth', 'packet_auth', 'eod_auth', 'exception_auth', 'restore_auth']);
export type AuthProcess = z.infer<typeof AuthProcess>;

export const UserId = z
  .string()
  .trim()
  .min(1, 'user id is required')
  .max(64, 'user id is at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'user id may contain letters, digits and . _ @ - only');

export const LanguageCode = z.enum(['eng', 'por', 'fra', 'ara']);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** What the UI and the services know about the logged-in operator. Times are epoch ms. */
export const SessionInfo = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(Role),
  language: LanguageCode,
  loggedInAt: z.number().int(),
  idleWarningSeconds: z.number().int().positive(),
  idleLogoutSeconds: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoginInput = z.object({
  userId: UserId,
  password: z.string().min(1, 'password is required').max(256, 'password is at most 256 characters'),
}).strict();
export type LoginInput = z.infer<typeof LoginInput>;
