import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ACTIVITY_KINDS, ActivityCreateSchema, ActivityUpdateSchema, DATE_PRECISIONS, SEXES, type ActivityCreateInput, type ActivityView } from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller, useFieldArray, useForm, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { activitiesApi, periodicReportsApi } from '../../api/plan-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { useMe } from '../../auth/me.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { EditPage } from '../../components/edit-page.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullable, toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { PageHeader } from '../../components/page-header.component';
import { LoadingLine } from '../../components/query-content.component';
import { StateCheckboxes } from '../../components/state-fields.component';
import { formatDate, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import { PlanNodePicker } from './plan-node-picker.component';
import '../../styles/plans.css';

type ActivityFieldValues = Omit<ActivityCreateInput, 'reportId'>;

/** Rows "sex × age group → count" that say who the participants were. */
function ReachBreakdownFields() {
  const { register, control, formState } = useFormContext<ActivityFieldValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'reachBreakdown' });
  const errors = formState.errors.reachBreakdown;
  // A server issue on a row ("reachBreakdown.0.count") arrives on the list as a whole.
  const listError = errors?.message ?? errors?.root?.message ?? (errors as { count?: { message?: string } } | undefined)?.count?.message;
  return (
    <FormFieldset legend={t('activities.reachBreakdown')} hint={t('activities.reachBreakdownHint')} error={listError}>
      {fields.length > 0 && (
        <ol className="breakdown-rows">
          {fields.map((field, index) => (
            <li key={field.id} className="breakdown-row">
              <FormField label={t('activities.breakdownSex', { n: index + 1 })} error={errors?.[index]?.sex?.message}>
                {(control) => (
                  <select {...control} {...register(`reachBreakdown.${index}.sex`, { setValueAs: toNullable })}>
                    <option value="">{t('activities.sexAny')}</option>
                    <ChoiceOptions values={SEXES} getLabel={(sex) => t(`activities.sex.${sex}`)} />
                  </select>
                )}
              </FormField>
              <FormField label={t('activities.breakdownAge', { n: index + 1 })} hint={t('activities.breakdownAgeHint')} error={errors?.[index]?.ageGroup?.message}>
                {(control) => <input {...control} {...register(`reachBreakdown.${index}.ageGroup`)} type="text" />}
              </FormField>
              <FormField label={t('activities.breakdownCount', { n: index + 1 })} error={errors?.[index]?.count?.message} isRequired>
                {(control) => <input {...control} {...register(`reachBreakdown.${index}.count`, { setValueAs: toNullableNumber })} type="number" min={0} inputMode="numeric" />}
              </FormField>
              <button type="button" className="button" onClick={() => remove(index)}>
                {t('activities.breakdownRemove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button" onClick={() => append({ sex: null, ageGroup: '', count: 0 })}>
        {t('activities.breakdownAdd')}
      </button>
    </FormFieldset>
  );
}

/** Whose activity it is: a body the person manages. Not asked inside a report, whose plan's body it takes. */
function ActivityBodyField({ keptId }: { keptId?: string }) {
  const { control, formState } = useFormContext<ActivityFieldValues>();
  const options = useBodyOptions({ isManagedOnly: true, keptId });
  return (
    <FormField label={t('activities.body')} hint={t('activities.bodyHint')} error={formState.errors.bodyId?.message} isRequired>
      {(fieldControl) => <NullableSelect formControl={control} name="bodyId" fieldControl={fieldControl} options={options} blankLabel={t('reports.chooseBody')} blankValue={null} />}
    </FormField>
  );
}

interface ActivityFieldsProps {
  activity?: ActivityView;
  isFiledInReport: boolean;
}

/** Every field of an activity: whose, what, when, who, where, how many, and which plan nodes it serves. */
function ActivityFields({ activity, isFiledInReport }: ActivityFieldsProps) {
  const { register, control, formState } = useFormContext<ActivityFieldValues>();
  const { errors } = formState;
  return (
    <>
      {!isFiledInReport && <ActivityBodyField keptId={activity?.body.id} />}
      <div className="plans-form-row">
        <FormField label={t('activities.kind.label')} error={errors.kind?.message} isRequired>
          {(fieldControl) => (
            <select {...fieldControl} {...register('kind')}>
              <ChoiceOptions values={ACTIVITY_KINDS} getLabel={(kind) => t(`activities.kind.${kind}`)} />
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('activities.titleField')} error={errors.title?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('title')} type="text" />}
      </FormField>
      <FormField label={t('activities.description')} error={errors.description?.message}>
        {(fieldControl) => <textarea {...fieldControl} {...register('description')} rows={4} />}
      </FormField>
      <FormFieldset legend={t('activities.when')} hint={t('activities.whenHint')}>
        <div className="plans-form-row">
          <FormField label={t('activities.startDate')} error={errors.startDate?.message} isRequired>
            {(fieldControl) => <input {...fieldControl} {...register('startDate')} type="date" />}
          </FormField>
          <FormField label={t('activities.endDate')} error={errors.endDate?.message}>
            {(fieldControl) => <input {...fieldControl} {...register('endDate')} type="date" />}
          </FormField>
          <FormField label={t('activities.precision.label')} error={errors.datePrecision?.message}>
            {(fieldControl) => (
              <select {...fieldControl} {...register('datePrecision')}>
                <ChoiceOptions values={DATE_PRECISIONS} getLabel={(precision) => t(`activities.precision.${precision}`)} />
              </select>
            )}
          </FormField>
        </div>
      </FormFieldset>
      <FormField label={t('activities.audience')} hint={t('activities.audienceHint')} error={errors.audience?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('audience')} type="text" />}
      </FormField>
      <div className="plans-form-row">
        <FormField label={t('activities.events')} error={errors.events?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('events', { setValueAs: toNullableNumber })} type="number" min={0} inputMode="numeric" />}
        </FormField>
        <FormField label={t('activities.participants')} error={errors.participants?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('participants', { setValueAs: toNullableNumber })} type="number" min={0} inputMode="numeric" />}
        </FormField>
        <FormField label={t('activities.peopleReached')} hint={t('activities.peopleReachedHint')} error={errors.peopleReached?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('peopleReached', { setValueAs: toNullableNumber })} type="number" min={0} inputMode="numeric" />}
        </FormField>
      </div>
      <ReachBreakdownFields />
      <Controller
        control={control}
        name="leadOrganizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('activities.leadOrganizations')}
            searchLabel={t('activities.searchLead')}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            isRequired
            knownOrganizations={activity?.leadOrganizations}
          />
        )}
      />
      <Controller
        control={control}
        name="partnerOrganizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('activities.partnerOrganizations')}
            searchLabel={t('activities.searchPartners')}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            knownOrganizations={activity?.partnerOrganizations}
          />
        )}
      />
      <Controller
        control={control}
        name="stateCodes"
        render={({ field, fieldState }) => <StateCheckboxes legend={t('activities.states')} value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <Controller
        control={control}
        name="planNodeIds"
        render={({ field, fieldState }) => <PlanNodePicker value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} knownNodes={activity?.planNodes} />}
      />
      <FormField label={t('activities.source')} hint={t('activities.sourceHint')} error={errors.source?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('source')} type="text" />}
      </FormField>
    </>
  );
}

const newRouteApi = getRouteApi('/_internal/actividades/nueva');

function ActivityCreateForm({ reportId, leadOrganizationIds }: { reportId: string | null; leadOrganizationIds: string[] }) {
  const navigate = useNavigate();
  // Outside a report, the body the person is secretariat of (the first, if several).
  const ownBodyId = useMe()?.roles.find((grant) => grant.role === 'secretariat')?.bodyId ?? null;
  const defaultValues: ActivityCreateInput = {
    bodyId: reportId ? null : ownBodyId,
    kind: 'training',
    title: '',
    description: '',
    startDate: '',
    endDate: '',
    datePrecision: 'day',
    audience: '',
    events: null,
    participants: null,
    peopleReached: null,
    reachBreakdown: [],
    leadOrganizationIds,
    partnerOrganizationIds: [],
    stateCodes: [],
    municipalityCodes: [],
    planNodeIds: [],
    agreementIds: [],
    evidenceIds: [],
    source: '',
    reportId,
  };
  const form = useForm({ resolver: zodResolver(ActivityCreateSchema), defaultValues });
  const saveState = useSaveForm(form, activitiesApi.create, (saved) =>
    reportId ? navigate({ to: '/reportes/$reportId', params: { reportId } }) : navigate({ to: '/actividades/$activityId', params: { activityId: saved.id } }),
  );
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('activities.save')} canCancel>
      <ActivityFields isFiledInReport={reportId !== null} />
    </FormFrame>
  );
}

/** «Registrar actividad»: directly (a secretariat) or inside a report of the person's organisation (an enlace). */
export function ActivityNewPage(): ReactElement {
  const { reportId } = newRouteApi.useSearch();
  const report = useQuery({ ...periodicReportsApi.detail(reportId ?? ''), enabled: Boolean(reportId) });
  if (reportId && !report.data) {
    return (
      <>
        <PageHeader title={t('activities.new')} eyebrow={t('nav.activities')} />
        {report.isError ? <p className="alert alert--error" role="alert">{t('error.notFound')}</p> : <LoadingLine />}
      </>
    );
  }
  const filedIn = report.data;
  return (
    <>
      <PageHeader title={t('activities.new')} eyebrow={filedIn ? `${formatRefName(filedIn.organization)} · ${filedIn.reportingPeriod.title}` : t('nav.activities')} />
      {filedIn && (
        <p className="alert plans-notice plans-notice--info" role="status">
          {t('activities.filedInReport', { period: filedIn.reportingPeriod.title, due: formatDate(filedIn.reportingPeriod.dueDate) })}
        </p>
      )}
      <AbilityGate isAllowed={filedIn ? filedIn.abilities.file : (abilities) => abilities.manageAnyBody}>
        <ActivityCreateForm reportId={reportId ?? null} leadOrganizationIds={filedIn ? [filedIn.organization.id] : []} />
      </AbilityGate>
    </>
  );
}

function toActivityValues(activity: ActivityView) {
  return {
    // A reported activity's body is its report's plan's: the form neither shows nor sends it.
    ...(activity.report ? {} : { bodyId: activity.body.id }),
    kind: activity.kind,
    title: activity.title,
    description: activity.description ?? '',
    startDate: activity.startDate,
    endDate: activity.endDate ?? '',
    datePrecision: activity.datePrecision,
    audience: activity.audience ?? '',
    events: activity.events,
    participants: activity.participants,
    peopleReached: activity.peopleReached,
    reachBreakdown: activity.reachBreakdown.map((row) => ({ ...row, ageGroup: row.ageGroup ?? '' })),
    leadOrganizationIds: activity.leadOrganizations.map((organization) => organization.id),
    partnerOrganizationIds: activity.partnerOrganizations.map((organization) => organization.id),
    stateCodes: activity.stateCodes,
    planNodeIds: activity.planNodes.map((node) => node.id),
    source: activity.source ?? '',
  };
}

function ActivityEditForm({ activity }: { activity: ActivityView }) {
  const navigate = useNavigate();
  const { form, saveState } = useEditForm({
    schema: ActivityUpdateSchema,
    record: activity,
    toValues: toActivityValues,
    update: activitiesApi.update,
    onSaved: (saved) =>
      saved.report ? navigate({ to: '/reportes/$reportId', params: { reportId: saved.report.id } }) : navigate({ to: '/actividades/$activityId', params: { activityId: saved.id } }),
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} canCancel>
      <ActivityFields activity={activity} isFiledInReport={activity.report !== null} />
    </FormFrame>
  );
}

const editRouteApi = getRouteApi('/_internal/actividades/$activityId/editar');

export function ActivityEditPage(): ReactElement {
  const { activityId } = editRouteApi.useParams();
  const query = useQuery(activitiesApi.detailForEdit(activityId));
  return (
    <EditPage query={query} title={t('activities.edit')} getEyebrow={(activity) => activity.title}>
      {(activity) => <ActivityEditForm activity={activity} />}
    </EditPage>
  );
}
