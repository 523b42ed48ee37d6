import { zodResolver } from '@hookform/resolvers/zod';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { BODY_KINDS, BODY_LEVELS, BodyCreateSchema } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { bodiesApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { useStateOptions } from '../../components/state-fields.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from './body-options.hook';

const routeApi = getRouteApi('/organos/nuevo');

export function BodyCreatePage(): ReactElement {
  const { parentId } = routeApi.useSearch();
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions();
  const form = useForm({
    resolver: zodResolver(BodyCreateSchema),
    defaultValues: { kind: 'commission', name: '', acronym: '', parentId: parentId ?? null, level: 'national', stateCode: null },
  });
  const { register, formState } = form;
  const { errors } = formState;
  const stateOptions = useStateOptions();
  const submitForm = useSaveForm(form, bodiesApi.create, (saved) => navigate({ to: '/organos/$bodyId', params: { bodyId: saved.id } }));

  return (
    <>
      <PageHeader title={t('bodies.new')} eyebrow={t('nav.bodies')} />
      <form className="form" onSubmit={submitForm} noValidate>
        {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
        <FormField label={t('bodyKind.label')} error={errors.kind?.message} isRequired>
          {(control) => (
            <select {...control} {...register('kind')}>
              {BODY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`bodyKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('bodies.name')} error={errors.name?.message} isRequired>
          {(control) => <input {...control} {...register('name')} type="text" />}
        </FormField>
        <FormField label={t('bodies.acronym')} error={errors.acronym?.message}>
          {(control) => <input {...control} {...register('acronym')} type="text" />}
        </FormField>
        <FormField label={t('bodies.parent')} error={errors.parentId?.message}>
          {(control) => (
            <NullableSelect formControl={form.control} name="parentId" fieldControl={control} options={bodyOptions} blankLabel={t('form.noneOption')} blankValue={null} />
          )}
        </FormField>
        <FormField label={t('bodyLevel.label')} error={errors.level?.message} isRequired>
          {(control) => (
            <select {...control} {...register('level')}>
              {BODY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`bodyLevel.${level}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('bodies.state')} error={errors.stateCode?.message}>
          {(control) => (
            <NullableSelect formControl={form.control} name="stateCode" fieldControl={control} options={stateOptions} blankLabel={t('form.noneOption')} blankValue={null} />
          )}
        </FormField>
        <div className="form__actions">
          <SubmitButton label={t('form.save')} isPending={formState.isSubmitting} />
        </div>
      </form>
    </>
  );
}
