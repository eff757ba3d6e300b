import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_FILES } from '../../../../../../schemas/api/registrationApi';
import { useRegistration, useRegistrationActions } from '../../../store/hooks';
import { ErrorMessage } from '../../../../../components/ErrorMessage';
import { docScanSelectors } from '../../../store/slices/docScan/selectors';
import { documentsSelectors } from '../../../store/slices/documents/selectors';
import { takeFrame } from './camera';
import { useCameraStream } from './useCameraStream';
import '../../../../../styles/dialog.css';

export interface DocumentScanPanelProps {
  readonly fieldId: string;
  /** the field's label, e.g. "Proof of identity" */
  readonly documentName: string;
  readonly documentType: string;
  readonly refNumber: string;
}

/**
 * "Scan with camera": a native modal `<dialog>` (the form behind is inert, Escape closes) with the
 * live camera, "Take page" (Enter or Space, it is a button), a thumbnail per page with its own
 * remove button, and "Attach N pages", which sends the pages through the same upload as chosen
 * files. Rendered only while open: unmounting it stops the camera (see useCameraStream).
 */
export function DocumentScanPanel({ fieldId, documentName, documentType, refNumber }: DocumentScanPanelProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const takeRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const hintId = useId();
  const cameraSelectId = useId();
  const camera = useRegistration(docScanSelectors.camera);
  const problem = useRegistration(docScanSelectors.problem);
  const cameras = useRegistration(docScanSelectors.cameras);
  const cameraId = useRegistration(docScanSelectors.cameraId);
  const request = useRegistration(docScanSelectors.cameraRequest);
  const requestedCameraId = useRegistration(docScanSelectors.requestedCameraId);
  const pages = useRegistration(docScanSelectors.pages);
  const isFull = useRegistration(docScanSelectors.isFull);
  const canTakePage = useRegistration(docScanSelectors.canTakePage);
  const isUploading = useRegistration(documentsSelectors.status(fieldId)) === 'uploading';
  const error = useRegistration(documentsSelectors.error(fieldId));
  const { closeScan, chooseCamera, retryCamera, cameraLive, cameraFailed, addScanPage, removeScanPage, attachScan } = useRegistrationActions();
  const [announcement, setAnnouncement] = useState('');

  useCameraStream(videoRef, { requestedCameraId, request, onLive: cameraLive, onFailed: cameraFailed });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    // focus follows the camera: onto "Take page" once live, onto "Try again" when it failed
    if (camera === 'live') takeRef.current?.focus();
    if (camera === 'failed') retryRef.current?.focus();
  }, [camera]);

  const take = () => {
    const video = videoRef.current;
    if (!video || !canTakePage) return;
    const jpeg = takeFrame(video);
    if (jpeg === '') return;
    addScanPage(jpeg);
    setAnnouncement(t('registration.document.scan.taken', { n: pages.length + 1 }));
  };
  const remove = (id: number, n: number) => {
    removeScanPage(id);
    setAnnouncement(t('registration.document.scan.removed', { n }));
    takeRef.current?.focus();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--scan"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      data-testid={`scan-${fieldId}`}
      onCancel={(event) => {
        event.preventDefault();
        if (!isUploading) closeScan();
      }}
    >
      <div className="dialog__form scan">
        <h2 id={titleId}>{t('registration.document.scan.title', { document: documentName })}</h2>
        <p id={hintId} className="dialog__intro">{t('registration.document.scan.hint', { max: MAX_DOCUMENT_FILES })}</p>
        {cameras.length > 1 && (
          <div className="scan__camera">
            <label htmlFor={cameraSelectId}>{t('registration.document.scan.camera')}</label>
            <select id={cameraSelectId} value={cameraId ?? requestedCameraId ?? ''} disabled={camera === 'starting'} onChange={(e) => chooseCamera(e.target.value)}>
              {cameras.map((c, i) => <option key={c.deviceId} value={c.deviceId}>{c.label || t('registration.document.scan.cameraN', { n: i + 1 })}</option>)}
            </select>
          </div>
        )}
        <div className="scan__body">
          <div className="scan__stage">
            <video ref={videoRef} className="scan__video" muted playsInline hidden={camera !== 'live'} aria-label={t('registration.document.scan.live')} />
            {camera === 'starting' && <p role="status" className="scan__notice">{t('registration.document.scan.starting')}</p>}
            {camera === 'failed' && problem && (
              <div className="scan__notice">
                <p className="message message--error" role="alert" data-problem={problem}>{t(`registration.document.scan.problem.${problem}`)}</p>
                <button ref={retryRef} type="button" className="button" onClick={retryCamera}>{t('registration.document.scan.retry')}</button>
              </div>
            )}
            <button ref={takeRef} type="button" className="button button--primary button--large" disabled={!canTakePage || isUploading} onClick={take}>
              {t('registration.document.scan.take')}
            </button>
            {isFull && <p className="scan__full">{t('registration.document.scan.full', { max: MAX_DOCUMENT_FILES })}</p>}
          </div>
          <div className="scan__pages">
            <h3 className="scan__pages-title">{t('registration.document.scan.pages', { count: pages.length })}</h3>
            {pages.length === 0 ? (
              <p className="muted">{t('registration.document.scan.noPages')}</p>
            ) : (
              <ol className="scan__list">
                {pages.map((page, i) => (
                  <li key={page.id} className="scan__page">
                    <img src={`data:image/jpeg;base64,${page.jpegBase64}`} alt={t('registration.document.scan.page', { n: i + 1 })} className="scan__thumb" />
                    <button type="button" className="button button--small" disabled={isUploading} onClick={() => remove(page.id, i + 1)}>
                      {t('registration.document.scan.removePage', { n: i + 1 })}
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
        <p role="status" className="visually-hidden">{announcement}</p>
        {isUploading && <p role="status">{t('registration.document.uploading')}</p>}
        {error && <ErrorMessage error={error} />}
        <div className="dialog__buttons">
          <button type="button" className="button" disabled={isUploading} onClick={() => closeScan()}>{t('registration.document.scan.cancel')}</button>
          <button type="button" className="button button--primary" disabled={pages.length === 0 || isUploading || documentType === ''} onClick={() => void attachScan(documentType, refNumber)}>
            {t('registration.document.scan.attach', { count: pages.length })}
          </button>
        </div>
      </div>
    </dialog>
  );
}
