import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import { t, type MessageKey } from '../../i18n/translate';

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

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Active only on this exact address (a home page), not on the addresses under it. */
  isExact?: boolean;
}

/** A site's main navigation bar. */
export function SiteNav({ items, label }: { items: readonly NavItem[]; label: string }) {
  return (
    <nav className="site-nav" aria-label={label}>
      <ul className="site-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="site-nav__link" activeOptions={{ exact: item.isExact ?? false }}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface SiteFrameProps {
  /** The brand link (internal app or public portal). */
  brand: ReactNode;
  /** Beside the brand: the signed-in person and sign-out. */
  account?: ReactNode;
  nav?: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}

/** Skip link, header, the page, and the footer: the frame of the internal app, the portal and sign-in. */
export function SiteFrame({ brand, account, nav, footer, children }: SiteFrameProps) {
  const mainRef = useFocusMainOnNavigation();
  return (
    <>
      <a className="skip-link" href="#contenido">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          {brand}
          {account}
        </div>
        {nav}
      </header>
      <main id="contenido" ref={mainRef} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">{footer}</footer>
    </>
  );
}
