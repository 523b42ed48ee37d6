import { Link, Outlet } from '@tanstack/react-router';
import { t } from '../../i18n/translate';
import { SiteFrame, SiteNav, type NavItem } from './site-frame.component';

const NAV_ITEMS: NavItem[] = [
  { to: '/publico', label: 'public.nav.home', isExact: true },
  { to: '/publico/sesiones', label: 'public.nav.sessions' },
  { to: '/publico/acuerdos', label: 'public.nav.agreements' },
  { to: '/publico/tableros', label: 'dashboards.publicNav.dashboards' },
  { to: '/publico/estadisticas', label: 'statistics.publicNav' },
  { to: '/publico/planes', label: 'dashboards.publicNav.plans' },
  { to: '/publico/redes', label: 'networks.publicNav' },
  { to: '/publico/informes', label: 'public.nav.reports' },
  { to: '/publico/respuestas', label: 'public.nav.replies' },
  { to: '/publico/encuestas', label: 'surveys.public.title' },
  { to: '/publico/datos-abiertos', label: 'public.nav.openData' },
];

/** The public portal: no account, only what the secretariats published. */
export function PublicLayout() {
  return (
    <SiteFrame
      brand={
        <Link to="/publico" className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('public.tagline')}</span>
        </Link>
      }
      nav={<SiteNav items={NAV_ITEMS} label={t('public.nav.label')} />}
      footer={
        <p>
          {t('public.footer')} <Link to="/ingresar">{t('public.staffAccess')}</Link>
        </p>
      }
    >
      <Outlet />
    </SiteFrame>
  );
}
