import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { t } from '../i18n/translate';

/** A page above the current one: its name and its address. */
export interface Crumb {
  label: string;
  to: string;
}

/** Where a record's page sits, as links: «Acuerdos › COMSE › Vigésima Cuarta Sesión Ordinaria › COMSE/24/01». */
export function Breadcrumbs({ trail, current }: { trail: readonly Crumb[]; current: string }): ReactElement {
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            {/* Exact: a page above this one would otherwise count as active (and say aria-current) here. */}
            <Link to={crumb.to} activeOptions={{ exact: true }}>
              {crumb.label}
            </Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
