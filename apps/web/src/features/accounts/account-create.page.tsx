import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { UserCreateSchema, type UserCreateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { usersApi } from '../../api/account-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { RoleGrantsFields } from './role-grants-fields.component';

const defaultValues: UserCreateInput = { name: '', email: '', roles: [{ role: 'reader', bodyId: null, organizationId: null }] };

/** «Nueva cuenta»: an administrator creates a person's account with its roles; the person is invited by e-mail to choose their password. */
export function AccountCreatePage(): ReactElement {
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(UserCreateSchema), defaultValues });
  const saveState = useSaveForm(form, usersApi.create, (created) => navigate({ to: '/usuarios/$userId', params: { userId: created.id } }));
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <>
      <PageHeader title={t('users.new')} eyebrow={t('nav.users')} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAccounts}>
        <p>{t('users.createIntro')}</p>
        <FormFrame form={form} saveState={saveState} submitLabel={t('users.create')} canCancel>
          <FormField label={t('users.name')} error={errors.name?.message} isRequired>
            {(fieldControl) => <input {...fieldControl} {...register('name')} type="text" autoComplete="off" />}
          </FormField>
          <FormField label={t('auth.email')} error={errors.email?.message} isRequired>
            {(fieldControl) => <input {...fieldControl} {...register('email')} type="email" autoComplete="off" />}
          </FormField>
          <RoleGrantsFields />
        </FormFrame>
      </AbilityGate>
    </>
  );
}
