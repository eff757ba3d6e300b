import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface FilePickerProps {
  readonly id: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly describedBy?: string;
  readonly onFiles: (files: FileList | null, input: HTMLInputElement) => void;
}

/**
 * A file chooser in the app's language. The browser's own control says "Choose Files / No file
 * chosen" in the browser's language, whatever the operator chose; here the real input stays (so
 * the keyboard, screen readers and the OS dialog work as usual) but is hidden, and a button-styled
 * label in the UI language opens it.
 */
export function FilePicker({ id, accept, multiple = false, disabled = false, describedBy, onFiles }: Readonly<FilePickerProps>) {
  const { t } = useTranslation();
  return (
    <span className="file-picker">
      <input
        id={id} type="file" className="visually-hidden file-picker__input" accept={accept} multiple={multiple} disabled={disabled} aria-describedby={describedBy}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onFiles(e.target.files, e.target)}
      />
      <label htmlFor={id} className="button file-picker__button" aria-hidden="true" data-testid={`${id}-button`}>
        {t(multiple ? 'common.chooseFiles' : 'common.chooseFile')}
      </label>
    </span>
  );
}
