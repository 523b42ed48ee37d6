import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { PasswordResetRequestSchema, type PasswordResetRequestInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { authApi } from '../../api/auth-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { InternalBrand, InternalFooter } from '../../components/layout/internal-frame.component';
import { SiteFrame } from '../../components/layout/site-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import '../../i18n/zod-locale';

const defaultValues: PasswordResetRequestInput = { email: '' };

/** «¿Olvidó su contraseña?»: the address; a link arrives by e-mail if it has an account (the page says the same either way). */
export function PasswordForgotPage(): ReactElement {
  const form = useForm({ resolver: zodResolver(PasswordResetRequestSchema), defaultValues });
  const saveState = useSaveForm(form, authApi.requestPasswordReset, () => undefined);
  const { errors } = form.formState;
  return (
    <SiteFrame brand={<InternalBrand />} footer={<InternalFooter />}>
      <div className="sign-in">
        <PageHeader title={t('auth.forgotTitle')} />
        <p>{t('auth.forgotIntro')}</p>
        <FormFrame form={form} saveState={saveState} submitLabel={t('auth.forgotSubmit')} savedText={t('auth.forgotSent')}>
          <FormField label={t('auth.email')} error={errors.email?.message} isRequired>
            {(control) => <input {...control} {...form.register('email')} type="email" autoComplete="username" inputMode="email" />}
          </FormField>
        </FormFrame>
        <p>
          <Link to="/ingresar">{t('auth.backToSignIn')}</Link>
        </p>
      </div>
    </SiteFrame>
  );
}
