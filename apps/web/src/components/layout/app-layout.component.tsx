import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { authApi, meQuery } from '../../api/auth-resources';
import { describeApiError } from '../../api/api-error.util';
import type { MeAbilities } from '@telar/domain';
import { useMe, useMeAbilities } from '../../auth/me.hook';
import { t } from '../../i18n/translate';
// Every form lives under this layout or the sign-in page: both give zod its Spanish messages.
import '../../i18n/zod-locale';
import { FormAlert } from '../form-alert.component';
import { InternalBrand, InternalFooter } from './internal-frame.component';
import { GroupedNav, type NavEntry, type NavGroup } from './grouped-nav.component';
import { SiteFrame, type NavItem } from './site-frame.component';
import { HeaderSearch } from '../../features/search/header-search.component';
import { NotificationBell } from '../../features/notifications/notification-bell.component';

/** The menu by area; new areas (questionnaires, statistics, networks) join a group or add one. */
const NAV_ENTRIES: NavEntry[] = [
  { to: '/', label: 'nav.home', isExact: true },
  {
    label: 'nav.group.coordination',
    items: [
      { to: '/organizaciones', label: 'nav.organizations' },
      { to: '/organos', label: 'nav.bodies' },
      { to: '/sesiones', label: 'nav.sessions' },
      { to: '/acuerdos', label: 'nav.agreements' },
      { to: '/cuestionarios', label: 'nav.questionnaires' },
      { to: '/redes', label: 'nav.networks' },
    ],
  },
  {
    label: 'nav.group.planning',
    items: [
      { to: '/planes', label: 'nav.plans' },
      { to: '/actividades', label: 'nav.activities' },
      { to: '/pendientes', label: 'nav.obligations' },
    ],
  },
  {
    label: 'nav.group.reports',
    items: [
      { to: '/informes', label: 'nav.reports' },
      { to: '/tableros', label: 'nav.dashboards' },
      { to: '/estadisticas', label: 'nav.statistics' },
    ],
  },
];

/** Administration holds only what the person may use; without any of it, the group is not shown. */
function administrationGroup(abilities: MeAbilities | undefined): NavGroup[] {
  const items: NavItem[] = [
    ...(abilities?.manageAnyBody ? [{ to: '/importar', label: 'nav.import' } as const] : []),
    ...(abilities?.manageAccounts ? [{ to: '/usuarios', label: 'nav.users' } as const, { to: '/correos', label: 'nav.outbox' } as const] : []),
  ];
  return items.length ? [{ label: 'nav.group.administration', items }] : [];
}

/**
 * Ends the session here or on every device, then forgets everything this tab had cached: the next
 * person at this computer starts from the sign-in page with nothing of the previous one in memory.
 */
function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const signOut = async (isEverywhere: boolean) => {
    setFailure(null);
    try {
      await authApi.logout(isEverywhere);
    } catch (error) {
      setFailure(describeApiError(error));
      return;
    }
    // The person is forgotten first, so the sign-in page does not send them straight back.
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
    await router.navigate({ to: '/ingresar' });
    queryClient.clear();
  };
  return { signOut, failure };
}

/** The person's name, their account page, and signing out; only signing out here while their password must change. */
function AccountMenu() {
  const me = useMe();
  const { signOut, failure } = useSignOut();
  if (!me) return null;
  return (
    <div className="account">
      <p className="account__name">{me.name}</p>
      {!me.mustChangePassword && (
        <Link to="/mi-cuenta" className="button button--on-accent">
          {t('nav.myAccount')}
        </Link>
      )}
      <button type="button" className="button button--on-accent" onClick={() => void signOut(false)}>
        {t('auth.signOut')}
      </button>
      {!me.mustChangePassword && (
        <details className="account__more">
          <summary>{t('auth.moreOptions')}</summary>
          <div className="account__panel">
            <p>{me.email}</p>
            <button type="button" className="button" onClick={() => void signOut(true)}>
              {t('auth.signOutEverywhere')}
            </button>
          </div>
        </details>
      )}
      {failure && <FormAlert tone="error">{failure}</FormAlert>}
    </div>
  );
}

function MainNav() {
  const abilities = useMeAbilities();
  return <GroupedNav entries={[...NAV_ENTRIES, ...administrationGroup(abilities)]} label={t('app.mainNav')} />;
}

/**
 * The internal app: header with the person and the navigation they can use, the page, the footer.
 * While a password someone else set waits to be changed there is nowhere else to go: no navigation.
 */
export function AppLayout() {
  const me = useMe();
  return (
    <SiteFrame
      brand={<InternalBrand />}
      account={
        <>
          {!me?.mustChangePassword && <HeaderSearch />}
          {me && !me.mustChangePassword && <NotificationBell />}
          <AccountMenu />
        </>
      }
      nav={me?.mustChangePassword ? undefined : <MainNav />}
      footer={<InternalFooter />}
    >
      <Outlet />
    </SiteFrame>
  );
}
