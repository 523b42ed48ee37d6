import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { LoginSchema, type LoginInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { authApi, meQuery } from '../../api/auth-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { InternalBrand, InternalFooter } from '../../components/layout/internal-frame.component';
import { SiteFrame } from '../../components/layout/site-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import '../../i18n/zod-locale';

const routeApi = getRouteApi('/ingresar');
const defaultValues: LoginInput = { email: '', password: '' };

/** «Iniciar sesión»: e-mail and password; then back to the page the person was trying to open. */
export function SignInPage(): ReactElement {
  const { redirect } = routeApi.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(LoginSchema), defaultValues });
  const saveState = useSaveForm(form, authApi.login, (me) => {
    queryClient.setQueryData(meQuery.queryKey, me);
    router.history.push(redirect ?? '/');
  });
  const { errors } = form.formState;
  return (
    <SiteFrame brand={<InternalBrand />} footer={<InternalFooter />}>
      <div className="sign-in">
        <PageHeader title={t('auth.signInTitle')} />
        <p>{t('auth.signInIntro')}</p>
        <FormFrame form={form} saveState={saveState} submitLabel={t('auth.signIn')}>
          <FormField label={t('auth.email')} error={errors.email?.message} isRequired>
            {(control) => <input {...control} {...form.register('email')} type="email" autoComplete="username" inputMode="email" />}
          </FormField>
          <FormField label={t('auth.password')} error={errors.password?.message} isRequired>
            {(control) => <input {...control} {...form.register('password')} type="password" autoComplete="current-password" />}
          </FormField>
        </FormFrame>
        <p>
          <Link to="/recuperar-contrasena">{t('auth.forgotLink')}</Link>
        </p>
        <p className="sign-in__public">
          {t('auth.publicPrompt')} <Link to="/publico">{t('public.name')}</Link>
        </p>
      </div>
    </SiteFrame>
  );
}
