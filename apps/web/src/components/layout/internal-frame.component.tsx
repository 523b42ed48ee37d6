import { Link } from '@tanstack/react-router';
import { t } from '../../i18n/translate';

/** The internal app's brand: Telar and what it is for. */
export function InternalBrand() {
  return (
    <Link to="/" className="brand">
      <span className="brand__name">{t('app.name')}</span>
      <span className="brand__tagline">{t('app.tagline')}</span>
    </Link>
  );
}

/** The footer of the internal app and the sign-in page: licence, map source, and the way to the portal. */
export function InternalFooter() {
  return (
    <p>
      {t('app.footer')} <Link to="/publico">{t('public.name')}</Link>
    </p>
  );
}
