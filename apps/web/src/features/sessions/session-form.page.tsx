import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { SESSION_KINDS, SESSION_MODALITIES, SessionCreateSchema, SessionUpdateSchema, type SessionCreateInput, type SessionView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { sessionsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { ChoiceOptions } from '../../components/choice-options.component';
import { EditPage } from '../../components/edit-page.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { dropBlankGroups, toNullable, toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';

type SessionFieldValues = Pick<SessionCreateInput, 'kind' | 'number' | 'date' | 'modality'>;

/** Kind, number, date and modality: what the create and edit forms of a session share. */
function SessionFields() {
  const { register, formState } = useFormContext<SessionFieldValues>();
  const { errors } = formState;
  return (
    <>
      <FormField label={t('sessionKind.label')} error={errors.kind?.message} isRequired>
        {(control) => (
          <select {...control} {...register('kind')}>
            <ChoiceOptions values={SESSION_KINDS} getLabel={(kind) => t(`sessionKind.${kind}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('sessions.number')} hint={t('sessions.numberHint')} error={errors.number?.message}>
        {(control) => <input {...control} {...register('number', { setValueAs: toNullableNumber })} type="number" min={1} max={99} inputMode="numeric" />}
      </FormField>
      {errors.root?.existing?.type === 'session' && errors.root.existing.message && (
        <p className="field__hint">
          <Link to="/sesiones/$sessionId" params={{ sessionId: errors.root.existing.message }}>
            {t('sessions.openExisting')}
          </Link>
        </p>
      )}
      <FormField label={t('sessions.date')} error={errors.date?.message} isRequired>
        {(control) => <input {...control} {...register('date')} type="date" />}
      </FormField>
      <FormField label={t('modality.label')} error={errors.modality?.message}>
        {(control) => (
          <select {...control} {...register('modality', { setValueAs: toNullable })}>
            <option value="">{t('form.noneOption.feminine')}</option>
            <ChoiceOptions values={SESSION_MODALITIES} getLabel={(modality) => t(`modality.${modality}`)} />
          </select>
        )}
      </FormField>
    </>
  );
}

const createRouteApi = getRouteApi('/_internal/sesiones/nueva');
const resolveSession = zodResolver(SessionCreateSchema);
// Minutes are optional: two blank inputs mean "no minutes", not "minutes with a blank title".
const resolveSessionForm: typeof resolveSession = (values, context, options) => resolveSession(dropBlankGroups(values, ['minutes']), context, options);

export function SessionCreatePage(): ReactElement {
  const { bodyId } = createRouteApi.useSearch();
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions({ isManagedOnly: true });
  const defaultValues: SessionCreateInput = {
    bodyId: bodyId ?? '',
    kind: 'ordinary',
    number: null,
    date: '',
    modality: null,
    minutes: { title: '', url: '' },
  };
  const form = useForm({ resolver: resolveSessionForm, defaultValues });
  const { register, formState } = form;
  const { errors } = formState;
  const saveState = useSaveForm(form, sessionsApi.create, (saved) => navigate({ to: '/sesiones/$sessionId', params: { sessionId: saved.id } }));

  return (
    <>
      <PageHeader title={t('sessions.new')} eyebrow={t('nav.sessions')} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAnyBody}>
        <FormFrame form={form} saveState={saveState} submitLabel={t('form.save')}>
          <FormField label={t('sessions.body')} error={errors.bodyId?.message} isRequired>
            {(control) => <NullableSelect formControl={form.control} name="bodyId" fieldControl={control} options={bodyOptions} blankLabel={t('reports.chooseBody')} blankValue="" />}
          </FormField>
          <SessionFields />
          <FormFieldset legend={t('sessions.minutesLegend')}>
            <FormField label={t('sessions.minutesTitle')} error={errors.minutes?.title?.message}>
              {(control) => <input {...control} {...register('minutes.title')} type="text" />}
            </FormField>
            <FormField label={t('sessions.minutesUrl')} error={errors.minutes?.url?.message}>
              {(control) => <input {...control} {...register('minutes.url')} type="url" inputMode="url" placeholder="https://" />}
            </FormField>
          </FormFieldset>
        </FormFrame>
      </AbilityGate>
    </>
  );
}

function toSessionValues(session: SessionView) {
  return { kind: session.kind, number: session.number, date: session.date, modality: session.modality };
}

function SessionEditForm({ session }: { session: SessionView }) {
  const navigate = useNavigate();
  const { form, saveState } = useEditForm({
    schema: SessionUpdateSchema,
    record: session,
    toValues: toSessionValues,
    update: sessionsApi.update,
    onSaved: (saved) => navigate({ to: '/sesiones/$sessionId', params: { sessionId: saved.id } }),
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} canCancel>
      <SessionFields />
    </FormFrame>
  );
}

const editRouteApi = getRouteApi('/_internal/sesiones/$sessionId/editar');

export function SessionEditPage(): ReactElement {
  const { sessionId } = editRouteApi.useParams();
  const query = useQuery(sessionsApi.detailForEdit(sessionId));
  return (
    <EditPage
      query={query}
      title={t('sessions.edit')}
      getEyebrow={(session) => `${session.body.acronym ?? session.body.name} · ${formatSessionTitle(session)}`}
    >
      {(session) => <SessionEditForm session={session} />}
    </EditPage>
  );
}
