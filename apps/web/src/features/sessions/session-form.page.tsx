import { zodResolver } from '@hookform/resolvers/zod';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { SESSION_KINDS, SESSION_MODALITIES, SessionCreateSchema, type SessionCreateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { sessionsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { dropBlankGroups, toNullable, toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';

const routeApi = getRouteApi('/sesiones/nueva');
const resolveSession = zodResolver(SessionCreateSchema);
// Minutes are optional: two blank inputs mean "no minutes", not "minutes with a blank title".
const resolveSessionForm: typeof resolveSession = (values, context, options) => resolveSession(dropBlankGroups(values, ['minutes']), context, options);

export function SessionCreatePage(): ReactElement {
  const { bodyId } = routeApi.useSearch();
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions();
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
  const submitForm = useSaveForm(form, sessionsApi.create, (saved) => navigate({ to: '/sesiones/$sessionId', params: { sessionId: saved.id } }));

  return (
    <>
      <PageHeader title={t('sessions.new')} eyebrow={t('nav.sessions')} />
      <form className="form" onSubmit={submitForm} noValidate>
        {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
        <FormField label={t('sessions.body')} error={errors.bodyId?.message} isRequired>
          {(control) => <NullableSelect formControl={form.control} name="bodyId" fieldControl={control} options={bodyOptions} blankLabel={t('reports.chooseBody')} blankValue="" />}
        </FormField>
        <FormField label={t('sessionKind.label')} error={errors.kind?.message} isRequired>
          {(control) => (
            <select {...control} {...register('kind')}>
              {SESSION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`sessionKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('sessions.number')} hint={t('sessions.numberHint')} error={errors.number?.message}>
          {(control) => <input {...control} {...register('number', { setValueAs: toNullableNumber })} type="number" min={1} max={999} inputMode="numeric" />}
        </FormField>
        <FormField label={t('sessions.date')} error={errors.date?.message} isRequired>
          {(control) => <input {...control} {...register('date')} type="date" />}
        </FormField>
        <FormField label={t('modality.label')} error={errors.modality?.message}>
          {(control) => (
            <select {...control} {...register('modality', { setValueAs: toNullable })}>
              <option value="">{t('form.noneOption')}</option>
              {SESSION_MODALITIES.map((modality) => (
                <option key={modality} value={modality}>
                  {t(`modality.${modality}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormFieldset legend={t('sessions.minutesLegend')}>
          <FormField label={t('sessions.minutesTitle')} error={errors.minutes?.title?.message}>
            {(control) => <input {...control} {...register('minutes.title')} type="text" />}
          </FormField>
          <FormField label={t('sessions.minutesUrl')} error={errors.minutes?.url?.message}>
            {(control) => <input {...control} {...register('minutes.url')} type="url" inputMode="url" placeholder="https://" />}
          </FormField>
        </FormFieldset>
        <div className="form__actions">
          <SubmitButton label={t('form.save')} isPending={formState.isSubmitting} />
        </div>
      </form>
    </>
  );
}
