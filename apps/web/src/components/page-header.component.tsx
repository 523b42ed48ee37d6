import { useEffect, type ReactNode } from 'react';
import { t } from '../i18n/translate';

interface PageHeaderProps {
  title: string;
  /** Small line above the title (the record kind, the parent body…). */
  eyebrow?: string;
  actions?: ReactNode;
}

/** The page's single h1; also names the browser tab so history and screen readers say where we are. */
export function PageHeader({ title, eyebrow, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
        <h1>{title}</h1>
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
