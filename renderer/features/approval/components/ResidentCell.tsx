import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../schemas/outbox';
import { languageAttributes, pickText } from '../../registration/components/pickText';

/**
 * Who a waiting packet is about: the face thumbnail and name from its review summary (in the UI
 * language, else the first the summary has), so the supervisor recognises the person, not a RID.
 */
export function ResidentCell({ item, language }: Readonly<{ item: OutboxItem; language: string }>) {
  const { t } = useTranslation();
  const name = item.person ? pickText(item.person.residentName, language) : '';
  const nameLanguage = item.person && !item.person.residentName[language] ? Object.keys(item.person.residentName)[0] : undefined;
  return (
    <span className="approval__person">
      {item.person?.photo ? (
        <img className="approval__thumbnail" src={`data:image/jpeg;base64,${item.person.photo}`} alt={t('approval.table.photo', { name: name || item.rid })} width={40} height={48} />
      ) : (
        <span className="approval__thumbnail approval__thumbnail--none" role="img" aria-label={t('approval.table.noPhoto')} />
      )}
      <span data-testid={`resident-${item.rid}`} {...(nameLanguage ? languageAttributes(nameLanguage) : {})}>
        {name || <span className="muted">{t('approval.table.noName')}</span>}
      </span>
    </span>
  );
}
