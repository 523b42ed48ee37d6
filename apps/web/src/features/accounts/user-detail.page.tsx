import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { PasswordResetSchema, UserUpdateSchema, type OrganizationRef, type PasswordResetInput, type UserUpdateInput, type UserView } from '@telar/domain';
import { useState, type ReactElement } from 'react';
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

/** Deactivate or reactivate the account, and end its sessions; an administrator does not deactivate themselves. */
function AccessActions({ user }: { user: UserView }) {
  const me = useMe();
  const [done, setDone] = useState<string | null>(null);
  const setActive = useApiMutation(usersApi.setActive);
  const signOut = useApiMutation(usersApi.signOut);
  const resendInvitation = useApiMutation(usersApi.resendInvitation);
  const isSelf = me?.id === user.id;
  const failure = setActive.error ?? signOut.error ?? resendInvitation.error;
  const isPending = setActive.isPending || signOut.isPending || resendInvitation.isPending;
  const changeActive = (isActive: boolean) => {
    setDone(null);
    signOut.reset();
    resendInvitation.reset();
    const message = isActive ? t('users.reactivated') : t('users.deactivated');
    setActive.mutate({ id: user.id, version: user.version, isActive }, { onSuccess: () => setDone(message) });
  };
  return (
    <PageSection id="acceso" title={t('users.access')} isPanel>
      <p>{isSelf ? t('users.ownAccountHint') : t('users.accessHint')}</p>
      {failure && <FormAlert tone="error">{describeApiError(failure)}</FormAlert>}
      {done && <FormAlert tone="success">{done}</FormAlert>}
      <div className="form__actions">
        {!(isSelf && user.isActive) &&
          (user.isActive ? (
            <ConfirmButton
              label={t('users.deactivate')}
              title={t('users.deactivateConfirmTitle')}
              message={t('users.deactivateConfirm')}
              disabled={isPending}
              onConfirm={() => changeActive(false)}
            />
          ) : (
            <button type="button" className="button" disabled={isPending} onClick={() => changeActive(true)}>
              {t('users.reactivate')}
            </button>
          ))}
        <button
          type="button"
          className="button"
          disabled={isPending}
          onClick={() => {
            setDone(null);
            setActive.reset();
            resendInvitation.reset();
            signOut.mutate(user.id, { onSuccess: () => setDone(t('users.signedOut')) });
          }}
        >
          {t('users.signOut')}
        </button>
        {user.isInvitationPending && user.isActive && (
          <button
            type="button"
            className="button"
            disabled={isPending}
            onClick={() => {
              setDone(null);
              setActive.reset();
              signOut.reset();
              resendInvitation.mutate(user.id, { onSuccess: () => setDone(t('users.invitationResent', { email: user.email })) });
            }}
          >
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
