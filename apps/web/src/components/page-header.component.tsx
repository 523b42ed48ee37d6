import { useEffect, type ReactNode } from 'react';
import { t } from '../i18n/translate';
import { Breadcrumbs, type Crumb } from './breadcrumbs.component';

interface PageHeaderProps {
  title: string;
  /** Small line above the title (the record kind, the parent body…), on pages without a trail. */
  eyebrow?: string;
  /** A record's page: the pages above it, shown as links before the title (the title closes the trail). */
  trail?: readonly Crumb[];
  actions?: ReactNode;
}

/** The page's single h1; also names the browser tab so history and screen readers say where we are. */
export function PageHeader({ title, eyebrow, trail, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        {trail && <Breadcrumbs trail={trail} current={title} />}
        {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
        <h1>{title}</h1>
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
