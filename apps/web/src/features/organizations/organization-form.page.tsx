import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  ORGANIZATION_LEVELS,
  OrganizationCreateSchema,
  organizationNeedsState,
  OrganizationUpdateSchema,
  SECTORS,
  type OrganizationCreateInput,
  type OrganizationRef,
  type OrganizationView,
} from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller, useForm, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { organizationsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { ChoiceOptions } from '../../components/choice-options.component';
import { EditPage } from '../../components/edit-page.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { PageHeader } from '../../components/page-header.component';
import { useStateOptions } from '../../components/states.hook';
import { t } from '../../i18n/translate';

/** The fields of both organisation forms; `parent` names the organisation it depends on when editing. */
function OrganizationFields({ parent }: { parent?: OrganizationRef }) {
  const { register, control, formState, watch } = useFormContext<OrganizationCreateInput>();
  const { errors } = formState;
  const stateOptions = useStateOptions();
  return (
    <>
      <FormField label={t('organizations.name')} error={errors.name?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('name')} type="text" autoComplete="organization" />}
      </FormField>
      <FormField label={t('organizations.acronym')} error={errors.acronym?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('acronym')} type="text" />}
      </FormField>
      <FormField label={t('sector.label')} error={errors.sector?.message} isRequired>
        {(fieldControl) => (
          <select {...fieldControl} {...register('sector')}>
            <ChoiceOptions values={SECTORS} getLabel={(sector) => t(`sector.${sector}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('orgLevel.label')} error={errors.level?.message} isRequired>
        {(fieldControl) => (
          <select {...fieldControl} {...register('level')}>
            <ChoiceOptions values={ORGANIZATION_LEVELS} getLabel={(level) => t(`orgLevel.${level}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('organizations.state')} error={errors.stateCode?.message} isRequired={organizationNeedsState(watch('level'))}>
        {(fieldControl) => (
          <NullableSelect formControl={control} name="stateCode" fieldControl={fieldControl} options={stateOptions} blankLabel={t('form.noneOption.feminine')} blankValue={null} />
        )}
      </FormField>
      <Controller
        control={control}
        name="parentId"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('organizations.parent')}
            searchLabel={t('organizations.searchParent')}
            value={field.value ? [field.value] : []}
            onChange={(ids) => field.onChange(ids[0] ?? null)}
            error={fieldState.error?.message}
            isSingleChoice
            knownOrganizations={parent ? [parent] : []}
          />
        )}
      />
    </>
  );
}

/** After a save, the organisation's page. */
function useShowOrganization() {
  const navigate = useNavigate();
  return (saved: OrganizationView) => navigate({ to: '/organizaciones/$organizationId', params: { organizationId: saved.id } });
}

export function OrganizationCreatePage(): ReactElement {
  const showOrganization = useShowOrganization();
  const form = useForm({
    resolver: zodResolver(OrganizationCreateSchema),
    defaultValues: { name: '', acronym: '', sector: 'civil_society', level: 'none', stateCode: null, parentId: null },
  });
  const saveState = useSaveForm(form, organizationsApi.create, showOrganization);
  return (
    <>
      <PageHeader title={t('organizations.new')} eyebrow={t('nav.organizations')} />
      <AbilityGate isAllowed={(abilities) => abilities.createOrganization}>
        <FormFrame form={form} saveState={saveState} submitLabel={t('form.save')} canCancel>
          <OrganizationFields />
        </FormFrame>
      </AbilityGate>
    </>
  );
}

function toOrganizationValues(organization: OrganizationView) {
  return {
    name: organization.name,
    acronym: organization.acronym ?? '',
    sector: organization.sector,
    level: organization.level,
    stateCode: organization.stateCode,
    parentId: organization.parentId,
  };
}

function OrganizationEditForm({ organization }: { organization: OrganizationView }) {
  const showOrganization = useShowOrganization();
  const { form, saveState } = useEditForm({
    schema: OrganizationUpdateSchema,
    record: organization,
    toValues: toOrganizationValues,
    update: organizationsApi.update,
    onSaved: showOrganization,
  });
  // The picker shows chosen organisations by name; the current parent's name comes from its own record.
  const parentQuery = useQuery({ ...organizationsApi.detail(organization.parentId ?? ''), enabled: organization.parentId !== null });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} canCancel>
      <OrganizationFields parent={parentQuery.data} />
    </FormFrame>
  );
}

const editRouteApi = getRouteApi('/_internal/organizaciones/$organizationId/editar');

export function OrganizationEditPage(): ReactElement {
  const { organizationId } = editRouteApi.useParams();
  const query = useQuery(organizationsApi.detailForEdit(organizationId));
  return (
    <EditPage
      query={query}
      title={t('organizations.edit')}
      getEyebrow={(organization) => organization.name}
    >
      {(organization) => <OrganizationEditForm organization={organization} />}
    </EditPage>
  );
}
