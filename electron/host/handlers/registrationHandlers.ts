import type { registrationApi } from '../../../schemas/api/registrationApi';
import type { RegistrationServices } from '../../services/registration/createRegistrationServices';
import type { AreaHandlers } from './createHandlers';

/**
 * Forms, drafts, documents, captures and submission. The operator is always the session's user,
 * never taken from the page; every draft method checks that the draft is that operator's.
 */
export function registrationHandlers(deps: RegistrationServices): AreaHandlers<typeof registrationApi> {
  return {
    'registration.formBundle': async () => deps.bundles.current().bundle,
    'drafts.create': async (input, ctx) => deps.drafts.create(ctx.session.userId, input),
    'drafts.save': async ({ draft }, ctx) => deps.drafts.save(ctx.session.userId, draft),
    'drafts.list': async (request, ctx) => deps.drafts.list(ctx.session.userId, request),
    'drafts.get': async ({ draftId }, ctx) => deps.drafts.get(ctx.session.userId, draftId),
    'drafts.discard': async ({ draftId }, ctx) => {
      deps.drafts.discard(ctx.session.userId, draftId);
      return {};
    },
    'drafts.attachDocument': async (input, ctx) => deps.documents.attach(ctx.session.userId, input),
    'drafts.describeDocument': async (input, ctx) => deps.documents.describe(ctx.session.userId, input),
    'drafts.captureBiometrics': async (input, ctx) => deps.biometrics.capture(ctx.session.userId, input),
    'drafts.biometrics': async ({ draftId }, ctx) => deps.biometrics.attempts(ctx.session.userId, draftId),
    'drafts.validate': async ({ draftId }, ctx) => deps.submitter.validate(ctx.session.userId, draftId),
    'drafts.applyPreRegistration': async ({ draftId, prid }, ctx) => deps.preRegistrations.apply(ctx.session.userId, draftId, prid),
    'drafts.applyBirthRecord': async ({ draftId, text }, ctx) => deps.birthRecords.apply(ctx.session.userId, draftId, text),
    'drafts.fetchBirthRecord': async ({ draftId, birthRegistrationNumber }, ctx) => deps.birthRecords.fetch(ctx.session.userId, draftId, birthRegistrationNumber, ctx.signal),
    // the password is checked against the session's operator: the page cannot name another one;
    // the reviewer is named by the page, and checked as a second person (never the session's operator)
    'drafts.submit': async ({ draftId, receiptLanguage, password, reviewer }, ctx) =>
      deps.submitter.submit(
        { operatorId: ctx.session.userId, draftId, receiptLanguage, password, ...(reviewer ? { reviewer } : {}) },
        (progress) => ctx.sink('packets.onDidProgress', progress),
        // a person leaving the screen (the page's cancel) stops the build: no file, no row
        ctx.signal,
      ),
  };
}
