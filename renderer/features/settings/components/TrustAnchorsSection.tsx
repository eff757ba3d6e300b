import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TrustAnchor } from '../../../../schemas/sbi';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLocale } from '../../../common/useLocale';
import { settingsSelectors, type SettingsStore } from '../store/store';
import '../../../styles/sync.css';
import '../../../styles/dialog.css';
import '../../../styles/trustAnchors.css';
import { FilePicker } from '../../../components/FilePicker';

type AnchorStatus = 'valid' | 'expired' | 'notYetValid';

function statusOf(anchor: TrustAnchor): AnchorStatus {
  if (anchor.expired) return 'expired';
  return anchor.notYetValid ? 'notYetValid' : 'valid';
}

/** The common name an operator recognises; the full subject stays in the title attribute. */
function shortName(subject: string): string {
  const cn = subject.split(', ').find((rdn) => rdn.startsWith('CN='));
  return cn ? cn.slice(3) : subject;
}

/**
 * "Device certificates": the CA certificates biometric devices are checked against. Everyone sees
 * them; a supervisor adds one from a .pem/.crt file (read as text here, checked in the main
 * process) and removes one added on this machine after a confirmation. Status is written in words.
 */
export function TrustAnchorsSection({ store, canEdit }: Readonly<{ store: SettingsStore; canEdit: boolean }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const anchors = useStore(store, settingsSelectors.anchors);
  const status = useStore(store, settingsSelectors.anchorStatus);
  const error = useStore(store, settingsSelectors.anchorError);
  const [confirming, setConfirming] = useState<TrustAnchor | null>(null);
  const headingId = useId();
  const hintId = useId();

  useEffect(() => {
    void store.getState().loadAnchors();
  }, [store]);

  const onFile = async (files: FileList | null, input: HTMLInputElement) => {
    const file = files?.[0];
    if (!file) return;
    const text = await file.text();
    // Cleared so that choosing the same file again (after fixing something) fires a change.
    input.value = '';
    await store.getState().addAnchor(text);
  };
  const remove = async (anchor: TrustAnchor) => {
    setConfirming(null);
    await store.getState().removeAnchor(anchor.thumbprint);
  };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const busy = status === 'adding' || status === 'removing';

  return (
    <section className="card trust" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.trust.title')}</h2>
      <p className="muted">{t('settings.trust.intro')}</p>
      {anchors === null ? (
        !error && <p role="status">{t('common.loading')}</p>
      ) : anchors.length === 0 ? (
        <p className="message message--error">{t('settings.trust.empty')}</p>
      ) : (
        <table className="table trust__table">
          <thead>
            <tr>
              <th scope="col">{t('settings.trust.col.subject')}</th>
              <th scope="col">{t('settings.trust.col.source')}</th>
              <th scope="col">{t('settings.trust.col.validTo')}</th>
              <th scope="col">{t('settings.trust.col.status')}</th>
              {canEdit && <th scope="col">{t('settings.trust.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {anchors.map((anchor) => {
              const state = statusOf(anchor);
              const source = anchor.source;
              return (
                <tr key={`${anchor.thumbprint}-${source.kind === 'local' ? source.fileName : source.certId}`} data-testid="trust-anchor">
                  <th scope="row" title={anchor.subject} dir="auto">
                    {shortName(anchor.subject)}
                  </th>
                  <td>
                    {source.kind === 'server' ? t('settings.trust.source.server', { domain: source.partnerDomain }) : t('settings.trust.source.local')}
                    {source.kind === 'local' && (
                      <span className="trust__file" dir="ltr">
                        {source.fileName}
                      </span>
                    )}
                  </td>
                  <td>{date.format(anchor.validTo)}</td>
                  <td>
                    <span className={`trust__status trust__status--${state}`}>{t(`settings.trust.status.${state}`)}</span>
                  </td>
                  {canEdit && (
                    <td>
                      {source.kind === 'local' ? (
                        <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirming(anchor)} aria-label={t('settings.trust.removeNamed', { name: shortName(anchor.subject) })}>
                          {t('settings.trust.remove')}
                        </button>
                      ) : (
                        <span className="muted">{t('settings.trust.serverManaged')}</span>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canEdit && (
        <div className="trust__add">
          <label htmlFor="trust-file">{t('settings.trust.add')}</label>
          <FilePicker id="trust-file" accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert" disabled={busy} describedBy={hintId} onFiles={(files, input) => void onFile(files, input)} />
          <p id={hintId} className="muted">
            {t('settings.trust.addHint')}
          </p>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {busy && <p role="status">{t(status === 'adding' ? 'settings.trust.adding' : 'settings.trust.removing')}</p>}
      {(status === 'added' || status === 'removed') && (
        <p role="status" className="message message--info">
          {t(status === 'added' ? 'settings.trust.added' : 'settings.trust.removed')}
        </p>
      )}
      <ConfirmRemoval anchor={confirming} onConfirm={(a) => void remove(a)} onCancel={() => setConfirming(null)} />
    </section>
  );
}

/** A native modal `<dialog>`: the page behind is inert, Escape cancels, focus returns to the opener. */
function ConfirmRemoval({ anchor, onConfirm, onCancel }: Readonly<{ anchor: TrustAnchor | null; onConfirm: (anchor: TrustAnchor) => void; onCancel: () => void }>) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !anchor) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
      else document.getElementById('trust-file')?.focus();
    };
  }, [anchor]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {anchor && (
        <div className="dialog__form">
          <h2 id={titleId}>{t('settings.trust.confirm.title')}</h2>
          <p id={bodyId} className="dialog__intro">
            {t('settings.trust.confirm.body', { name: shortName(anchor.subject) })}
          </p>
          <div className="dialog__buttons">
            <button type="button" className="button" onClick={onCancel} autoFocus>
              {t('settings.trust.confirm.cancel')}
            </button>
            <button type="button" className="button button--danger" onClick={() => onConfirm(anchor)}>
              {t('settings.trust.confirm.remove')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
