import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { t, type MessageKey } from '../../i18n/translate';
import type { NavItem } from './site-frame.component';

/** Pages of one area under a heading of the menu («Coordinación», «Planeación y seguimiento»…). */
export interface NavGroup {
  label: MessageKey;
  items: readonly NavItem[];
}

export type NavEntry = NavItem | NavGroup;

const isGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;
const isUnder = (pathname: string, item: NavItem) => (item.isExact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`));

/**
 * The internal app's menu, by area: each area a disclosure button with its pages (the WAI disclosure
 * navigation pattern: plain links, Escape closes, Tab moves on). On a phone the whole menu folds
 * behind «Menú». Whatever is open closes when the page changes or the person clicks elsewhere.
 */
export function GroupedNav({ entries, label }: { entries: readonly NavEntry[]; label: string }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [openGroup, setOpenGroup] = useState<MessageKey | null>(null);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const menuId = useId();

  useEffect(() => {
    setOpenGroup(null);
    setMenuOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (openGroup === null && !isMenuOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) {
        setOpenGroup(null);
        setMenuOpen(false);
      }
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [openGroup, isMenuOpen]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || openGroup === null) return;
    const button = navRef.current?.querySelector<HTMLButtonElement>(`[data-group="${openGroup}"]`);
    setOpenGroup(null);
    button?.focus();
  };

  return (
    <nav className="site-nav" aria-label={label} ref={navRef} onKeyDown={closeOnEscape}>
      <button type="button" className="site-nav__toggle" aria-expanded={isMenuOpen} aria-controls={menuId} onClick={() => setMenuOpen(!isMenuOpen)}>
        {t('nav.menu')}
      </button>
      <ul id={menuId} className={`site-nav__list site-nav__list--grouped${isMenuOpen ? ' site-nav__list--open' : ''}`}>
        {entries.map((entry) =>
          isGroup(entry) ? (
            <li key={entry.label} className="site-nav__group">
              <button
                type="button"
                data-group={entry.label}
                className={`site-nav__link site-nav__group-button${entry.items.some((item) => isUnder(pathname, item)) ? ' site-nav__group-button--current' : ''}`}
                aria-expanded={openGroup === entry.label}
                aria-controls={`${menuId}-${entry.label}`}
                onClick={() => setOpenGroup(openGroup === entry.label ? null : entry.label)}
              >
                {t(entry.label)}
              </button>
              <ul id={`${menuId}-${entry.label}`} className="site-nav__submenu" hidden={openGroup !== entry.label}>
                {entry.items.map((item) => (
                  <li key={item.to}>
                    <NavLink item={item} />
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={entry.to}>
              <NavLink item={entry} />
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function NavLink({ item }: { item: NavItem }) {
  return (
    <Link to={item.to} className="site-nav__link" activeOptions={{ exact: item.isExact ?? false }}>
      {t(item.label)}
    </Link>
  );
}
