import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { BODY_KINDS, BODY_LEVELS, BodyCreateSchema, BodyUpdateSchema, type BodyCreateInput, type BodyView } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { bodiesApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { AbilityGate } from '../../auth/ability-gate.component';
import { useMeAbilities } from '../../auth/me.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { EditPage } from '../../components/edit-page.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { useStateOptions } from '../../components/states.hook';
import { t } from '../../i18n/translate';
import { useBodyOptions } from './body-options.hook';

/** Kind, name, acronym, parent, level and state: the fields of both body forms. */
function BodyFields({ editedBody }: { editedBody?: BodyView }) {
  const { register, control, formState, watch } = useFormContext<BodyCreateInput>();
  const { errors } = formState;
  // The schema requires a state for a state or municipal body, so the asterisk follows the level.
  const isStateRequired = watch('level') !== 'national';
  // A new parent must be a body the person manages; the server checks it too.
  const bodyOptions = useBodyOptions({ excludedBranchId: editedBody?.id, isManagedOnly: true, keptId: editedBody?.parentId });
  const stateOptions = useStateOptions();
  // Only administrators make a body that depends on none; a body that already has none keeps that choice.
  const mayHaveNoParent = useMeAbilities()?.createTopLevelBody === true || (editedBody !== undefined && editedBody.parentId === null);
  return (
    <>
      <FormField label={t('bodyKind.label')} error={errors.kind?.message} isRequired>
        {(fieldControl) => (
          <select {...fieldControl} {...register('kind')}>
            <ChoiceOptions values={BODY_KINDS} getLabel={(kind) => t(`bodyKind.${kind}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('bodies.name')} error={errors.name?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('name')} type="text" />}
      </FormField>
      <FormField label={t('bodies.acronym')} error={errors.acronym?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('acronym')} type="text" />}
      </FormField>
      <FormField label={t('bodies.parent')} error={errors.parentId?.message} isRequired={!mayHaveNoParent}>
        {(fieldControl) => (
          <NullableSelect
            formControl={control}
            name="parentId"
            fieldControl={fieldControl}
            options={bodyOptions}
            blankLabel={mayHaveNoParent ? t('form.noneOption.masculine') : t('bodies.chooseParent')}
            blankValue={null}
          />
        )}
      </FormField>
      <FormField label={t('bodyLevel.label')} error={errors.level?.message} isRequired>
        {(fieldControl) => (
          <select {...fieldControl} {...register('level')}>
            <ChoiceOptions values={BODY_LEVELS} getLabel={(level) => t(`bodyLevel.${level}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('bodies.state')} error={errors.stateCode?.message} isRequired={isStateRequired}>
        {(fieldControl) => (
          <NullableSelect formControl={control} name="stateCode" fieldControl={fieldControl} options={stateOptions} blankLabel={t('form.noneOption.feminine')} blankValue={null} />
        )}
      </FormField>
    </>
  );
}

const createRouteApi = getRouteApi('/_internal/organos/nuevo');

export function BodyCreatePage(): ReactElement {
  const { parentId } = createRouteApi.useSearch();
  const navigate = useNavigate();
  const form = useForm({
    resolver: zodResolver(BodyCreateSchema),
    defaultValues: { kind: 'commission', name: '', acronym: '', parentId: parentId ?? null, level: 'national', stateCode: null },
  });
  const saveState = useSaveForm(form, bodiesApi.create, (saved) => navigate({ to: '/organos/$bodyId', params: { bodyId: saved.id } }));
  return (
    <>
      <PageHeader title={t('bodies.new')} eyebrow={t('nav.bodies')} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAnyBody}>
        <FormFrame form={form} saveState={saveState} submitLabel={t('form.save')}>
          <BodyFields />
        </FormFrame>
      </AbilityGate>
    </>
  );
}

function toBodyValues(body: BodyView) {
  return { kind: body.kind, name: body.name, acronym: body.acronym ?? '', parentId: body.parentId, level: body.level, stateCode: body.stateCode };
}

function BodyEditForm({ body }: { body: BodyView }) {
  const navigate = useNavigate();
  const { form, saveState } = useEditForm({
    schema: BodyUpdateSchema,
    record: body,
    toValues: toBodyValues,
    update: bodiesApi.update,
    onSaved: (saved) => navigate({ to: '/organos/$bodyId', params: { bodyId: saved.id } }),
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} canCancel>
      <BodyFields editedBody={body} />
    </FormFrame>
  );
}

const editRouteApi = getRouteApi('/_internal/organos/$bodyId/editar');

export function BodyEditPage(): ReactElement {
  const { bodyId } = editRouteApi.useParams();
  const query = useQuery(bodiesApi.detailForEdit(bodyId));
  return (
    <EditPage query={query} title={t('bodies.edit')} getEyebrow={(body) => body.name}>
      {(body) => <BodyEditForm body={body} />}
    </EditPage>
  );
}
