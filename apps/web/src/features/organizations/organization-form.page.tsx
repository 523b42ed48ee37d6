import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  ORGANIZATION_LEVELS,
  OrganizationCreateSchema,
  SECTORS,
  type OrganizationCreateInput,
  type OrganizationView,
} from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { organizationsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { useStateOptions } from '../../components/state-fields.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';

interface OrganizationFormProps {
  defaultValues: OrganizationCreateInput;
  save: (input: unknown) => Promise<OrganizationView>;
}

/**
 * Create and edit share this form and its schema; an edit adds the version it started from so the
 * server can refuse it (409) when someone else saved in between.
 */
function OrganizationForm({ defaultValues, save }: OrganizationFormProps) {
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(OrganizationCreateSchema), defaultValues });
  const { register, formState } = form;
  const { errors } = formState;
  const stateOptions = useStateOptions();
  const submitForm = useSaveForm(form, save, (saved) => navigate({ to: '/organizaciones/$organizationId', params: { organizationId: saved.id } }));

  return (
    <form className="form" onSubmit={submitForm} noValidate>
      {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
      <FormField label={t('organizations.name')} error={errors.name?.message} isRequired>
        {(control) => <input {...control} {...register('name')} type="text" autoComplete="organization" />}
      </FormField>
      <FormField label={t('organizations.acronym')} error={errors.acronym?.message}>
        {(control) => <input {...control} {...register('acronym')} type="text" />}
      </FormField>
      <FormField label={t('sector.label')} error={errors.sector?.message} isRequired>
        {(control) => (
          <select {...control} {...register('sector')}>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sector.${sector}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('orgLevel.label')} error={errors.level?.message} isRequired>
        {(control) => (
          <select {...control} {...register('level')}>
            {ORGANIZATION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`orgLevel.${level}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('organizations.state')} error={errors.stateCode?.message}>
        {(control) => (
          <NullableSelect formControl={form.control} name="stateCode" fieldControl={control} options={stateOptions} blankLabel={t('form.noneOption')} blankValue={null} />
        )}
      </FormField>
      <div className="form__actions">
        <SubmitButton label={t('form.save')} isPending={formState.isSubmitting} />
        <button type="button" className="button" onClick={() => window.history.back()}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

export function OrganizationCreatePage(): ReactElement {
  return (
    <>
      <PageHeader title={t('organizations.new')} eyebrow={t('nav.organizations')} />
      <OrganizationForm
        defaultValues={{ name: '', acronym: '', sector: 'civil_society', level: 'none', stateCode: null, parentId: null }}
        save={organizationsApi.create}
      />
    </>
  );
}

const editRouteApi = getRouteApi('/organizaciones/$organizationId/editar');

export function OrganizationEditPage(): ReactElement {
  const { organizationId } = editRouteApi.useParams();
  // Editing starts from what the server has now and keeps that version while the person types, so a
  // concurrent save surfaces as a conflict instead of being silently overwritten.
  const query = useQuery({ ...organizationsApi.detail(organizationId), staleTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false });
  return (
    <>
      <PageHeader title={t('organizations.edit')} eyebrow={t('nav.organizations')} />
      <QueryContent query={query}>
        {(organization) => (
          <OrganizationForm
            defaultValues={{
              name: organization.name,
              acronym: organization.acronym ?? '',
              sector: organization.sector,
              level: organization.level,
              stateCode: organization.stateCode,
              parentId: organization.parentId,
            }}
            save={(input) => organizationsApi.update(organizationId, { ...(input as object), version: organization.version })}
          />
        )}
      </QueryContent>
    </>
  );
}
