import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordChangeSchema, type PasswordChangeInput } from '@telar/domain';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ownAccountApi } from '../../api/account-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { t } from '../../i18n/translate';

/** The API's rules plus a second copy of the new password, so a typo does not lock the person out. */
const PasswordChangeFormSchema = PasswordChangeSchema.safeExtend({ confirmation: z.string() }).refine((values) => values.confirmation === values.newPassword, {
  message: t('password.mismatch'),
  path: ['confirmation'],
});

const defaultValues = { currentPassword: '', newPassword: '', confirmation: '' };

const changePassword = ({ currentPassword, newPassword }: PasswordChangeInput) => ownAccountApi.changePassword({ currentPassword, newPassword });

/** Current password, new password twice. `onChanged` runs once the server has accepted the change. */
export function PasswordChangeForm({ onChanged, savedText }: { onChanged?: () => unknown; savedText?: string }) {
  const form = useForm({ resolver: zodResolver(PasswordChangeFormSchema), defaultValues });
  const saveState = useSaveForm(form, changePassword, () => {
    form.reset(defaultValues);
    return onChanged?.();
  });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('password.submit')} savedText={savedText}>
      <FormField label={t('password.current')} error={errors.currentPassword?.message} isRequired>
        {(control) => <input {...control} {...register('currentPassword')} type="password" autoComplete="current-password" />}
      </FormField>
      <FormField label={t('password.new')} hint={t('password.hint')} error={errors.newPassword?.message} isRequired>
        {(control) => <input {...control} {...register('newPassword')} type="password" autoComplete="new-password" />}
      </FormField>
      <FormField label={t('password.confirmation')} error={errors.confirmation?.message} isRequired>
        {(control) => <input {...control} {...register('confirmation')} type="password" autoComplete="new-password" />}
      </FormField>
    </FormFrame>
  );
}
