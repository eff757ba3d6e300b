import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { formSelectors } from '../../store/slices/form/selectors';
import { submitSelectors } from '../../store/slices/submit/selectors';
import { useFocusOnChange } from '../useFocusOnChange';
import { useForm } from '../useFormState';
import { AckReceiptView } from './AckReceiptView';
import { SubmitProgress } from './SubmitProgress';
import { useBlobUrl } from './useBlobUrl';

/**
 * Submission progress, then the receipt on screen (RID, QR code, summary, in the resident's
 * language) with "Print receipt" (window.print: the print stylesheet keeps only the receipt) and
 * "Save receipt (PDF)"; "New registration" is available all along.
 */
export function AcknowledgementScreen() {
  const { t } = useTranslation();
  const status = useRegistration(submitSelectors.status);
  const rid = useRegistration(submitSelectors.rid);
  const name = useRegistration(submitSelectors.residentName);
  const error = useRegistration(submitSelectors.error);
  const receiptPdf = useRegistration(submitSelectors.receiptPdfBase64);
  const receipt = useRegistration(submitSelectors.receipt);
  const isEditing = useForm(formSelectors.status) === 'editing';
  const { open, close, openPreview } = useRegistrationActions();
  const receiptUrl = useBlobUrl(receiptPdf, 'application/pdf');
  const [isCopied, setCopied] = useState(false);
  const heading = useFocusOnChange<HTMLHeadingElement>(status);

  const copy = async () => {
    if (!rid) return;
    await navigator.clipboard.writeText(rid);
    setCopied(true);
  };

  return (
    <main id="main" className="registration" aria-labelledby="ack-heading">
      <h1 id="ack-heading" ref={heading} tabIndex={-1}>
        {status === 'done' ? t('registration.ack.heading') : status === 'failed' ? t('registration.ack.failed') : t('registration.ack.submitting', { name: name ?? '' })}
      </h1>
      {status === 'submitting' && (
        <section className="card">
          <SubmitProgress />
          <p className="muted">{t('registration.ack.canContinue')}</p>
        </section>
      )}
      {error && <ErrorMessage error={error} />}
      {status === 'done' && rid && (
        <section className="card ack" aria-labelledby="ack-rid-label">
          <div className="ack__bar">
            <p id="ack-rid-label" className="ack__label">
              {receipt ? t('registration.ack.receiptOf', { name: name ?? '', language: t(`language.${receipt.language}`, { defaultValue: receipt.language }) }) : t('registration.ack.rid', { name: name ?? '' })}
            </p>
            <div className="form__nav">
              <button type="button" className="button" onClick={() => void copy()}>{isCopied ? t('registration.ack.copied') : t('registration.ack.copy')}</button>
              {receipt && <button type="button" className="button button--primary" onClick={() => window.print()}>{t('registration.ack.print')}</button>}
              {receiptUrl && <a className="button" href={receiptUrl} download={`${rid}.pdf`} data-testid="receipt-download">{t('registration.ack.savePdf')}</a>}
            </div>
          </div>
          {receipt ? <AckReceiptView receipt={receipt} /> : <output className="rid" data-testid="rid" aria-labelledby="ack-rid-label">{rid}</output>}
        </section>
      )}
      <div className="form__nav">
        {status === 'failed' && isEditing && <button type="button" className="button" onClick={() => void openPreview()}>{t('registration.ack.backToPreview')}</button>}
        <button type="button" className="button" onClick={() => void close()}>{t('registration.backHome')}</button>
        <span className="topbar__spacer" />
        <button type="button" className="button button--primary" onClick={() => void open()}>{t('registration.ack.newRegistration')}</button>
      </div>
    </main>
  );
}
