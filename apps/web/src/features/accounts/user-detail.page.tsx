import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PasswordResetSchema, UserUpdateSchema, type OrganizationRef, type PasswordResetInput, type UserUpdateInput, type UserView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useFormContext } from 'react-hook-form';
import { usersApi } from '../../api/account-resources';
import { describeApiError } from '../../api/api-error.util';
import { useEditForm } from '../../api/edit-form.hook';
import { useApiMutation } from '../../api/resources';
import { useAddForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { useMe } from '../../auth/me.hook';
import { ConfirmButton } from '../../components/confirm-button.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { describeGrant } from './account-format.util';
import { AccountBadges } from './account-badges.component';
import { RoleGrantsFields } from './role-grants-fields.component';

const routeApi = getRouteApi('/_internal/usuarios/$userId');

const toUserValues = (user: UserView) => ({ name: user.name, roles: user.roles.map(({ role, bodyId, organizationId }) => ({ role, bodyId, organizationId })) });

function NameField() {
  const { register, formState } = useFormContext<UserUpdateInput>();
  return (
    <FormField label={t('users.name')} error={formState.errors.name?.message} isRequired>
      {(fieldControl) => <input {...fieldControl} {...register('name')} type="text" autoComplete="off" />}
    </FormField>
  );
}

/** Name and roles, replaced as a whole, based on the version the page showed. */
function UserEditForm({ user }: { user: UserView }) {
  const { form, saveState } = useEditForm({ schema: UserUpdateSchema, record: user, toValues: toUserValues, update: usersApi.update });
  const knownOrganizations = user.roles.flatMap((grant): OrganizationRef[] => (grant.organization ? [grant.organization] : []));
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <NameField />
      <RoleGrantsFields knownOrganizations={knownOrganizations} />
    </FormFrame>
  );
}

/** What an administrator can do to a person's access, each answered with what was done. */
type AccessAction = 'deactivate' | 'reactivate' | 'signOut' | 'resendInvitation';

/** Deactivate or reactivate the account, end its sessions, invite again; an administrator does not deactivate themselves. */
function AccessActions({ user }: { user: UserView }) {
  const me = useMe();
  const action = useApiMutation(async (kind: AccessAction): Promise<string> => {
    if (kind === 'signOut') {
      await usersApi.signOut(user.id);
      return t('users.signedOut');
    }
    if (kind === 'resendInvitation') {
      await usersApi.resendInvitation(user.id);
      return t('users.invitationResent', { email: user.email });
    }
    await usersApi.setActive({ id: user.id, version: user.version, isActive: kind === 'reactivate' });
    return kind === 'reactivate' ? t('users.reactivated') : t('users.deactivated');
  });
  const isSelf = me?.id === user.id;
  const act = (kind: AccessAction) => () => action.mutate(kind);
  return (
    <PageSection id="acceso" title={t('users.access')} isPanel>
      <p>{isSelf ? t('users.ownAccountHint') : t('users.accessHint')}</p>
      {action.isError && <FormAlert tone="error">{describeApiError(action.error)}</FormAlert>}
      {action.isSuccess && <FormAlert tone="success">{action.data}</FormAlert>}
      <div className="form__actions">
        {!(isSelf && user.isActive) &&
          (user.isActive ? (
            <ConfirmButton
              label={t('users.deactivate')}
              title={t('users.deactivateConfirmTitle')}
              message={t('users.deactivateConfirm')}
              disabled={action.isPending}
              onConfirm={act('deactivate')}
            />
          ) : (
            <button type="button" className="button" disabled={action.isPending} onClick={act('reactivate')}>
              {t('users.reactivate')}
            </button>
          ))}
        <button type="button" className="button" disabled={action.isPending} onClick={act('signOut')}>
          {t('users.signOut')}
        </button>
        {user.isInvitationPending && user.isActive && (
          <button type="button" className="button" disabled={action.isPending} onClick={act('resendInvitation')}>
            {t('users.resendInvitation')}
          </button>
        )}
      </div>
    </PageSection>
  );
}

/** A new password chosen by the administrator, which the person must change when they sign in. */
function PasswordResetForm({ user }: { user: UserView }) {
  const { form, saveState } = useAddForm(zodResolver(PasswordResetSchema), { password: '' }, (input: PasswordResetInput) => usersApi.resetPassword(user.id, input));
  return (
    <PageSection id="contrasena-nueva" title={t('users.resetTitle')} isPanel>
      <p>{t('users.resetHint')}</p>
      <FormFrame form={form} saveState={saveState} submitLabel={t('users.resetSubmit')} savedText={t('users.resetDone')}>
        <FormField label={t('users.resetPassword')} hint={t('password.hint')} error={form.formState.errors.password?.message} isRequired>
          {(fieldControl) => <input {...fieldControl} {...form.register('password')} type="password" autoComplete="new-password" />}
        </FormField>
      </FormFrame>
    </PageSection>
  );
}

/** An account: its state, roles and the changes to its access, with its history. */
function UserDetail({ userId }: { userId: string }) {
  const query = useQuery({ ...usersApi.detail(userId), staleTime: 0 });
  return (
    <QueryContent query={query}>
      {(user) => (
        <>
          <PageHeader title={user.name} eyebrow={t('nav.users')} />
          <AccountBadges user={user} />
          <dl className="facts">
            <div>
              <dt>{t('auth.email')}</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>{t('users.createdAt')}</dt>
              <dd>{formatDateTime(user.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('users.roles')}</dt>
              <dd>{user.roles.map(describeGrant).join('; ')}</dd>
            </div>
          </dl>
          <AccessActions user={user} />
          <PageSection id="nombre-y-roles" title={t('users.editTitle')} isPanel>
            <UserEditForm user={user} />
          </PageSection>
          <PasswordResetForm user={user} />
          <RecordHistory entity="user" id={user.id} />
        </>
      )}
    </QueryContent>
  );
}

/** A user's page, for administrators only. */
export function UserDetailPage(): ReactElement {
  const { userId } = routeApi.useParams();
  return (
    <AbilityGate isAllowed={(abilities) => abilities.manageAccounts}>
      <UserDetail userId={userId} />
    </AbilityGate>
  );
}
