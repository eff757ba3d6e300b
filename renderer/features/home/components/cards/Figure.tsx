import { useTranslation } from 'react-i18next';

/** A card's big number, or "…" while it loads. */
export function Figure({ value, label }: Readonly<{ value: number | null; label: string }>) {
  const { t } = useTranslation();
  return (
    <p className="dashboard-card__figure">
      <span className="dashboard-card__number">{value === null ? '…' : value}</span> <span>{label}</span>
      {value === null && <span className="visually-hidden">{t('common.loading')}</span>}
    </p>
  );
}
