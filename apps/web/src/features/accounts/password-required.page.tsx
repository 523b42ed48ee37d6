import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import type { MeView } from '@telar/domain';
import type { ReactElement } from 'react';
import { meQuery } from '../../api/auth-resources';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { PasswordChangeForm } from './password-change-form.component';

const routeApi = getRouteApi('/_internal/cambiar-contrasena');

/**
 * «Cambie su contraseña»: where a person whose password someone else set is sent after signing in.
 * Until they change it the API answers nothing else; then they go on to the page they were opening.
 */
export function PasswordRequiredPage(): ReactElement {
  const { redirect } = routeApi.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const goOn = () => {
    queryClient.setQueryData<MeView>(meQuery.queryKey, (me) => me && { ...me, mustChangePassword: false });
    router.history.push(redirect ?? '/');
  };
  return (
    <div className="sign-in">
      <PageHeader title={t('password.required.title')} />
      <p>{t('password.required.intro')}</p>
      <PasswordChangeForm onChanged={goOn} />
    </div>
  );
}
