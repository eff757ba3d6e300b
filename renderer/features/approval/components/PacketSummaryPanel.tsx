import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PacketSummary } from '../../../../schemas/packetSummary';
import { documentTypeText } from '../../../../schemas/rules/documentTypes';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { languageAttributes, pickText } from '../../registration/components/pickText';
import { formatSize } from '../../../common/formatSize';
import { formatTime } from '../../../common/formatTime';
import type { OpenSummary } from '../store/initialState';
import { summarySelectors } from '../store/slices/summary/selectors';
import type { ApprovalStore } from '../store/store';
import { SummaryBiometrics } from './SummaryBiometrics';

interface PanelProps {
  readonly store: ApprovalStore;
  readonly open: OpenSummary;
  readonly locale: string;
  /** the UI language (3 letters), for labels */
  readonly language: string;
  /** closes the panel and gives focus back to the row's toggle */
  readonly onClose: () => void;
}

/** A value in every data-entry language, each marked with its language and direction. */
function Localized({ value, languages }: Readonly<{ value: string | Readonly<Record<string, string>>; languages: readonly string[] }>) {
  if (typeof value === 'string') return <>{value}</>;
  const shown = languages.filter((l) => (value[l] ?? '').trim() !== '');
  return (
    <>
      {shown.map((l, i) => (
        <span key={l} className="summary__localized">
          {i > 0 && <span aria-hidden="true"> · </span>}
          <span {...languageAttributes(l)}>{value[l]}</span>
        </span>
      ))}
    </>
  );
}

/** The flags a supervisor must see first: below-threshold scores, force-captures, exceptions. */
function SummaryFlags({ summary }: Readonly<{ summary: PacketSummary }>) {
  const { t } = useTranslation();
  const flags = summarySelectors.flagsOf(summary.biometrics);
  const items = [
    flags.belowThreshold > 0 && t('approval.summary.flags.below', { count: flags.belowThreshold }),
    flags.forceCaptured.length > 0 && t('approval.summary.flags.forceCaptured', { list: flags.forceCaptured.map((m) => t(`registration.modality.${m}`)).join(', ') }),
    flags.exceptions > 0 && t('approval.summary.flags.exceptions', { count: flags.exceptions }),
  ].filter((x): x is string => typeof x === 'string');
  if (items.length === 0) return <p className="message message--info summary__flags">{t('approval.summary.flags.none')}</p>;
  return (
    <div className="message message--warning summary__flags">
      <p className="summary__flags-title">{t('approval.summary.flags.title')}</p>
      <ul>
        {items.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

function SummaryBody({ summary, locale, language }: Readonly<{ summary: PacketSummary; locale: string; language: string }>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="summary__identity">
        {summary.photo ? (
          <img className="summary__photo" src={`data:image/jpeg;base64,${summary.photo}`} alt={t('approval.summary.photoOf', { name: pickText(summary.residentName, summary.languages[0]!) || summary.rid })} />
        ) : (
          <p className="summary__photo summary__photo--none muted">{t('approval.summary.noPhoto')}</p>
        )}
        <div>
          <p className="summary__names">
            <Localized value={summary.residentName} languages={summary.languages} />
          </p>
          <dl className="summary__meta">
            <dt>{t('approval.table.process')}</dt>
            <dd>{t(`approval.processes.${summary.process}`, { defaultValue: summary.process })}</dd>
            <dt>{t('approval.table.created')}</dt>
            <dd>{formatTime(summary.createdAt, locale)}</dd>
            <dt>{t('approval.summary.officer')}</dt>
            <dd>{summary.officerId}</dd>
          </dl>
        </div>
        {summary.exceptionPhoto && (
          <figure className="summary__exception-photo">
            <img src={`data:image/jpeg;base64,${summary.exceptionPhoto}`} alt={t('approval.summary.exceptionPhoto')} />
            <figcaption>{t('approval.summary.exceptionPhoto')}</figcaption>
          </figure>
        )}
      </div>
      <SummaryFlags summary={summary} />
      <h3>{t('approval.summary.demographics')}</h3>
      <dl className="summary__demographics">
        {summary.demographics.map((d) => (
          <div key={d.fieldId}>
            <dt>{pickText(d.label, language)}</dt>
            <dd>
              <Localized value={d.value} languages={summary.languages} />
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('approval.summary.documents')}</h3>
      {summary.documents.length === 0 ? (
        <p className="muted">{t('approval.summary.noDocuments')}</p>
      ) : (
        <ul className="summary__documents">
          {summary.documents.map((d) => (
            <li key={d.fieldId}>
              <strong>{pickText(d.label, language)}</strong> · <span data-document-type={d.documentType}>{documentTypeText(d.documentTypeName, d.documentType, [language, summary.languages[0]])}</span> · {t('approval.summary.pages', { count: d.pageCount })} · {formatSize(d.sizeBytes, locale)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('approval.summary.biometrics')}</h3>
      <SummaryBiometrics summary={summary} locale={locale} />
    </>
  );
}

/**
 * A waiting packet's review summary, under its row: what MOSIP shows the supervisor from the stored
 * acknowledgement, plus the capture quality at a glance. Focus moves to its heading once loaded;
 * Escape or Close returns focus to the row's toggle. The packet's decisions are at its foot.
 */
export function PacketSummaryPanel({ store, open, locale, language, onClose }: PanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { startDecision } = store.getState();
  useEffect(() => {
    if (open.status !== 'loading') headingRef.current?.focus();
  }, [open.status]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  const headingId = `summary-heading-${open.packetId}`;
  return (
    <section className="summary" id={`summary-${open.packetId}`} aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('approval.summary.heading', { rid: open.rid })}
      </h2>
      {open.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {open.error && <ErrorMessage error={open.error} />}
      {open.summary && <SummaryBody summary={open.summary} locale={locale} language={language} />}
      <div className="summary__actions">
        {(['approve', 'reject', 'hold'] as const).map((action) => (
          <button key={action} type="button" className={`button button--${action}`} onClick={() => startDecision(action, [open.packetId])} aria-label={t(`approval.actions.${action}One`, { rid: open.rid })}>
            {t(`approval.actions.${action}`)}
          </button>
        ))}
        <button type="button" className="button" onClick={onClose}>
          {t('approval.summary.close')}
        </button>
      </div>
    </section>
  );
}
