import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { BCP47 } from '../../../../i18n/resources';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { useUiLanguage } from '../useUiLanguage';
import { useVirtualRows, VirtualSpacer } from '../../../../common/useVirtualRows';

/** A row's height before it is measured (a line with its buttons). */
const ROW_ESTIMATE_PX = 48;

/**
 * This operator's drafts, newest first, to resume or discard (discard asks once more), virtualised:
 * only the rows in view are in the DOM, however many drafts were loaded.
 */
export function DraftsList({ headingLevel = 2 }: Readonly<{ headingLevel?: 2 | 3 }>) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const drafts = useRegistration(draftSelectors.drafts);
  const busy = useRegistration(draftSelectors.busy);
  const error = useRegistration(draftSelectors.error);
  const isOpen = useRegistration(draftSelectors.isOpen);
  const { resume, discard } = useRegistrationActions();
  const [confirming, setConfirming] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const locale = BCP47[language as keyof typeof BCP47] ?? 'en';
  const { scrollRef, rows, before, after, measure } = useVirtualRows({ count: drafts.length, keyOf: (i) => drafts[i]?.draftId ?? i, estimatePx: ROW_ESTIMATE_PX });

  return (
    <section className="card drafts" aria-labelledby="drafts-heading">
      <Heading id="drafts-heading">{t('registration.drafts.heading')}</Heading>
      {/* on the home screen this is the only place the registration store's error can show */}
      {!isOpen && error && <ErrorMessage error={error} />}
      {drafts.length === 0 ? (
        <p className="muted">{t('registration.drafts.none')}</p>
      ) : (
        // focusable, so the keyboard scrolls it (arrows, Page Down) as it would the page
        <div ref={scrollRef} className="drafts__scroll" tabIndex={0} role="region" aria-labelledby="drafts-heading">
          <table className="drafts__table">
            <thead>
              <tr>
                <th scope="col">{t('registration.drafts.resident')}</th>
                <th scope="col">{t('registration.drafts.process')}</th>
                <th scope="col">{t('registration.drafts.savedAt')}</th>
                <th scope="col"><span className="visually-hidden">{t('registration.drafts.actions')}</span></th>
              </tr>
            </thead>
            <VirtualSpacer height={before} />
            <tbody>
              {rows.map((row) => {
                const d = drafts[row.index]!;
                const name = d.residentName || t('registration.drafts.noName');
                return (
                  <tr key={row.key} ref={measure} data-index={row.index} data-testid="draft-row">
                    <td>{name}</td>
                    <td>{t(`registration.process.${d.process}`)}</td>
                    <td>{new Date(d.savedAt).toLocaleString(locale)}</td>
                    <td className="drafts__actions">
                      <button type="button" className="button" disabled={busy} aria-label={t('registration.drafts.resumeNamed', { name })} onClick={() => void resume(d.draftId)}>
                        {t('registration.drafts.resume')}
                      </button>
                      {confirming === d.draftId ? (
                        <button type="button" className="button button--danger" onClick={() => void discard(d.draftId)}>
                          {t('registration.drafts.confirmDiscard', { name })}
                        </button>
                      ) : (
                        <button type="button" className="button" aria-label={t('registration.drafts.discardNamed', { name })} onClick={() => setConfirming(d.draftId)}>
                          {t('registration.drafts.discard')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <VirtualSpacer height={after} />
          </table>
        </div>
      )}
    </section>
  );
}
