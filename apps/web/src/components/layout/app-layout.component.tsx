import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { authApi, meQuery } from '../../api/auth-resources';
import { describeApiError } from '../../api/api-error.util';
import { useMe, usePermissions } from '../../auth/permissions.hook';
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
const ACCOUNTS_ITEM: NavItem = { to: '/cuentas', label: 'nav.accounts' };

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

function AccountMenu() {
  const me = useMe();
  const { signOut, failure } = useSignOut();
  if (!me) return null;
  return (
    <div className="account">
      <p className="account__name">{me.name}</p>
      <button type="button" className="button button--on-accent" onClick={() => void signOut(false)}>
        {t('auth.signOut')}
      </button>
      <details className="account__more">
        <summary>{t('auth.moreOptions')}</summary>
        <div className="account__panel">
          <p>{me.email}</p>
          <button type="button" className="button" onClick={() => void signOut(true)}>
            {t('auth.signOutEverywhere')}
          </button>
        </div>
      </details>
      {failure && <FormAlert tone="error">{failure}</FormAlert>}
    </div>
  );
}

/** The internal app: header with the person and the navigation they can use, the page, the footer. */
export function AppLayout() {
  const permissions = usePermissions();
  const items = [...NAV_ITEMS, ...(permissions.managesAnyBody ? [IMPORT_ITEM] : []), ...(permissions.canManageAccounts ? [ACCOUNTS_ITEM] : [])];
  return (
    <SiteFrame brand={<InternalBrand />} account={<AccountMenu />} nav={<SiteNav items={items} label={t('app.mainNav')} />} footer={<InternalFooter />}>
      <Outlet />
    </SiteFrame>
  );
}
