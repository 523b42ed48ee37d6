import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { t, type MessageKey } from '../../i18n/translate';

const NAV_ITEMS: { to: string; label: MessageKey; isExact?: boolean }[] = [
  { to: '/', label: 'nav.home', isExact: true },
  { to: '/organizaciones', label: 'nav.organizations' },
  { to: '/organos', label: 'nav.bodies' },
  { to: '/sesiones', label: 'nav.sessions' },
  { to: '/acuerdos', label: 'nav.agreements' },
  { to: '/importar', label: 'nav.import' },
  { to: '/informes', label: 'nav.reports' },
];

/** Moves focus to <main> after client-side navigation so screen readers start at the new page. */
function useFocusMainOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);
  return mainRef;
}

/** Skip link, header with the main navigation, the page, and the footer. */
export function AppLayout() {
  const mainRef = useFocusMainOnNavigation();
  return (
    <>
      <a className="skip-link" href="#contenido">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
        </div>
        <nav className="site-nav" aria-label={t('app.mainNav')}>
          <ul className="site-nav__list">
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="site-nav__link" activeOptions={{ exact: item.isExact ?? false }}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenido" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
