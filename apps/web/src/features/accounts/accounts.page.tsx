import { zodResolver } from '@hookform/resolvers/zod';
import { EmailSchema, PasswordSchema, requiredText, RoleGrantSchema, ROLES } from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { accountsApi } from '../../api/auth-resources';
import { useAddForm } from '../../api/save-form.hook';
import { PermissionGate } from '../../auth/permission-gate.component';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';

/** One account with one role: the API takes a list of roles, the form offers the usual case. */
const AccountFormSchema = z.object({ name: requiredText(200), email: EmailSchema, password: PasswordSchema, grant: RoleGrantSchema });
type AccountFormValues = z.input<typeof AccountFormSchema>;
type AccountFormOutput = z.output<typeof AccountFormSchema>;

const defaultValues: AccountFormValues = { name: '', email: '', password: '', grant: { role: 'reader', bodyId: null, organizationId: null } };

/** Sends the role with only the scope it uses, whatever was chosen before the role changed. */
function createAccount({ grant, ...account }: AccountFormOutput) {
  const role = {
    role: grant.role,
    bodyId: grant.role === 'secretariat' ? grant.bodyId : null,
    organizationId: grant.role === 'enlace' ? grant.organizationId : null,
  };
  return accountsApi.create({ ...account, roles: [role] });
}

function AccountForm() {
  const { form, saveState } = useAddForm(zodResolver(AccountFormSchema), defaultValues, createAccount);
  const { register, control, formState, watch } = form;
  const { errors } = formState;
  const role = watch('grant.role');
  const bodyOptions = useBodyOptions();
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('accounts.save')} savedText={t('accounts.created')}>
      <FormField label={t('accounts.name')} error={errors.name?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('name')} type="text" autoComplete="off" />}
      </FormField>
      <FormField label={t('auth.email')} error={errors.email?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('email')} type="email" autoComplete="off" />}
      </FormField>
      <FormField label={t('auth.password')} hint={t('accounts.passwordHint')} error={errors.password?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('password')} type="password" autoComplete="new-password" />}
      </FormField>
      <FormField label={t('role.label')} error={errors.grant?.role?.message} isRequired>
        {(fieldControl) => (
          <select {...fieldControl} {...register('grant.role')}>
            <ChoiceOptions values={ROLES} getLabel={(value) => t(`role.${value}`)} />
          </select>
        )}
      </FormField>
      {role === 'secretariat' && (
        <FormField label={t('accounts.body')} error={errors.grant?.bodyId?.message} isRequired>
          {(fieldControl) => (
            <NullableSelect formControl={control} name="grant.bodyId" fieldControl={fieldControl} options={bodyOptions} blankLabel={t('reports.chooseBody')} blankValue={null} />
          )}
        </FormField>
      )}
      {role === 'enlace' && (
        <Controller
          control={control}
          name="grant.organizationId"
          render={({ field, fieldState }) => (
            <OrganizationPicker
              legend={t('accounts.organization')}
              searchLabel={t('accounts.searchOrganization')}
              value={field.value ? [field.value] : []}
              onChange={(ids) => field.onChange(ids[0] ?? null)}
              error={fieldState.error?.message}
              isRequired
              isSingleChoice
            />
          )}
        />
      )}
    </FormFrame>
  );
}

/** «Cuentas»: administrators create the accounts of secretariats, enlaces and readers. */
export function AccountsPage(): ReactElement {
  return (
    <>
      <PageHeader title={t('accounts.title')} />
      <PermissionGate isAllowed={(permissions) => permissions.canManageAccounts}>
        <p>{t('accounts.intro')}</p>
        <AccountForm />
      </PermissionGate>
    </>
  );
}
