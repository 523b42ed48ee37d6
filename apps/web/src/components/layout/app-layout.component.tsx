import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { authApi, meQuery } from '../../api/auth-resources';
import { describeApiError } from '../../api/api-error.util';
import { useMe, useMeAbilities } from '../../auth/me.hook';
import { t } from '../../i18n/translate';
// Every form lives under this layout or the sign-in page: both give zod its Spanish messages.
import '../../i18n/zod-locale';
import { FormAlert } from '../form-alert.component';
import { InternalBrand, InternalFooter } from './internal-frame.component';
import { SiteFrame, SiteNav, type NavItem } from './site-frame.component';

const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home', isExact: true },
  { to: '/organizaciones', label: 'nav.organizations' },
  { to: '/organos', label: 'nav.bodies' },
  { to: '/sesiones', label: 'nav.sessions' },
  { to: '/acuerdos', label: 'nav.agreements' },
  { to: '/informes', label: 'nav.reports' },
  { to: '/planes', label: 'nav.plans' },
  { to: '/actividades', label: 'nav.activities' },
  { to: '/pendientes', label: 'nav.obligations' },
  { to: '/tableros', label: 'nav.dashboards' },
];
const IMPORT_ITEM: NavItem = { to: '/importar', label: 'nav.import' };
const USERS_ITEM: NavItem = { to: '/usuarios', label: 'nav.users' };

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
  const items = [...NAV_ITEMS, ...(abilities?.manageAnyBody ? [IMPORT_ITEM] : []), ...(abilities?.manageAccounts ? [USERS_ITEM] : [])];
  return <SiteNav items={items} label={t('app.mainNav')} />;
}

/**
 * The internal app: header with the person and the navigation they can use, the page, the footer.
 * While a password someone else set waits to be changed there is nowhere else to go: no navigation.
 */
export function AppLayout() {
  const me = useMe();
  return (
    <SiteFrame brand={<InternalBrand />} account={<AccountMenu />} nav={me?.mustChangePassword ? undefined : <MainNav />} footer={<InternalFooter />}>
      <Outlet />
    </SiteFrame>
  );
}
