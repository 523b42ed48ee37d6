import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type AccountLinkView, PasswordSchema } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { accountLinkQuery, authApi } from '../../api/auth-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { InternalBrand, InternalFooter } from '../../components/layout/internal-frame.component';
import { SiteFrame } from '../../components/layout/site-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../i18n/zod-locale';

const routeApi = getRouteApi('/contrasena/nueva');

/** The new password twice, so a typo does not lock the person out. */
const ChoosePasswordSchema = z.object({ password: PasswordSchema, confirmation: z.string() }).refine((values) => values.confirmation === values.password, {
  message: t('password.mismatch'),
  path: ['confirmation'],
});
const defaultValues = { password: '', confirmation: '' };

/** Where an invitation or a reset mail leads: the person chooses their password, once, while the link lasts. */
export function PasswordFromLinkPage(): ReactElement {
  const { token = '' } = routeApi.useSearch();
  const link = useQuery({ ...accountLinkQuery(token), enabled: token !== '' });
  const isInvitation = link.data?.purpose === 'invitation';
  return (
    <SiteFrame brand={<InternalBrand />} footer={<InternalFooter />}>
      <div className="sign-in">
        <PageHeader title={isInvitation ? t('auth.linkInvitationTitle') : t('auth.linkResetTitle')} />
        {link.data ? (
          <ChoosePasswordForm token={token} link={link.data} />
        ) : link.isPending && token ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <>
            <FormAlert tone="error">{t('auth.linkInvalid')}</FormAlert>
            <p>
              <Link to="/recuperar-contrasena">{t('auth.forgotLink')}</Link>
            </p>
          </>
        )}
      </div>
    </SiteFrame>
  );
}

function ChoosePasswordForm({ token, link }: { token: string; link: AccountLinkView }) {
  const form = useForm({ resolver: zodResolver(ChoosePasswordSchema), defaultValues });
  const saveState = useSaveForm(form, ({ password }: { password: string }) => authApi.setPasswordWithLink({ token, password }), () => undefined);
  const { errors } = form.formState;
  if (saveState.isSaved) {
    return (
      <>
        <FormAlert tone="success">{t('auth.linkDone')}</FormAlert>
        <p>
          <Link to="/ingresar" className="button button--primary">
            {t('auth.signIn')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>{t('auth.linkIntro', { name: link.name, email: link.email, expiresAt: formatDateTime(link.expiresAt) })}</p>
      <FormFrame form={form} saveState={saveState} submitLabel={t('auth.linkSubmit')}>
        <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
        <FormField label={t('password.new')} hint={t('password.hint')} error={errors.password?.message} isRequired>
          {(control) => <input {...control} {...form.register('password')} type="password" autoComplete="new-password" />}
        </FormField>
        <FormField label={t('password.confirmation')} error={errors.confirmation?.message} isRequired>
          {(control) => <input {...control} {...form.register('confirmation')} type="password" autoComplete="new-password" />}
        </FormField>
      </FormFrame>
    </>
  );
}
