import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from './DashboardView';

interface Props {
  readonly title: string;
  readonly tone?: 'normal' | 'warning' | 'danger';
  /** the view where this is handled, and the words of its link */
  readonly link?: { readonly view: DashboardView; readonly label: string; readonly onNavigate: (view: DashboardView) => void };
  readonly children: ReactNode;
}

/** The frame of one dashboard card: a labelled region, a figure, and a link to where it is handled. */
export function Card({ title, tone = 'normal', link, children }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={`card dashboard-card dashboard-card--${tone}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
      {link && (
        <button type="button" className="button button--link" onClick={() => link.onNavigate(link.view)}>
          {link.label}
          <span className="visually-hidden"> ({t('home.cards.opens', { view: t(`home.cards.views.${link.view}`) })})</span>
        </button>
      )}
    </section>
  );
}
