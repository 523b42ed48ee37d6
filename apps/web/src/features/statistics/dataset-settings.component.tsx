import { useQuery } from '@tanstack/react-query';
import { DatasetUpdateSchema, type DatasetDetailView, type DatasetUpdateInput } from '@telar/domain';
import type { ReactElement } from 'react';
import type { z } from 'zod';
import { useEditForm } from '../../api/edit-form.hook';
import { statisticsApi } from '../../api/statistics-resources';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { toNullableNumber } from '../../components/form-values.util';
import { t } from '../../i18n/translate';

/**
 * The dataset's description and source, its disclosure threshold (never below 3: the schema says so in
 * Spanish) and the datasets its rates and coverage marks come from.
 */
export function DatasetSettingsForm({ dataset }: { dataset: DatasetDetailView }): ReactElement {
  const others = useQuery(statisticsApi.list);
  const options = (others.data ?? []).filter((entry) => entry.id !== dataset.id).map((entry) => ({ value: entry.id, label: entry.name }));
  const { form, saveState } = useEditForm<DatasetUpdateInput, z.output<typeof DatasetUpdateSchema>, DatasetDetailView>({
    schema: DatasetUpdateSchema,
    record: dataset,
    toValues: (source) => ({
      description: source.description ?? '',
      publisher: source.publisher ?? '',
      sourceUrl: source.sourceUrl ?? '',
      licence: source.licence ?? '',
      disclosureThreshold: source.disclosureThreshold,
      populationDatasetId: source.population?.id ?? null,
      coverageDatasetId: source.coverage?.id ?? null,
      coverageThreshold: source.coverageThreshold,
    }),
    // The threshold is an administrator's to change: an unchanged one is not sent, so the rest can be saved by anyone who edits.
    update: (id, { disclosureThreshold, ...changes }) =>
      statisticsApi.update(id, disclosureThreshold === dataset.disclosureThreshold ? changes : { ...changes, disclosureThreshold }),
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <FormField label={t('statistics.settings.description')} error={errors.description?.message}>
        {(control) => <textarea {...control} {...register('description')} rows={4} />}
      </FormField>
      <FormField label={t('statistics.provenance.publisher')} error={errors.publisher?.message}>
        {(control) => <input {...control} {...register('publisher')} type="text" />}
      </FormField>
      <FormField label={t('statistics.provenance.sourceUrl')} error={errors.sourceUrl?.message}>
        {(control) => <input {...control} {...register('sourceUrl')} type="text" inputMode="url" />}
      </FormField>
      <FormField label={t('statistics.provenance.licence')} error={errors.licence?.message}>
        {(control) => <input {...control} {...register('licence')} type="text" />}
      </FormField>
      <FormField label={t('statistics.settings.threshold')} hint={t('statistics.settings.thresholdHint')} error={errors.disclosureThreshold?.message} isRequired>
        {(control) => <input {...control} {...register('disclosureThreshold', { setValueAs: toNullableNumber })} type="number" min={3} max={100} step={1} inputMode="numeric" />}
      </FormField>
      <FormField label={t('statistics.settings.population')} hint={t('statistics.settings.populationHint')} error={errors.populationDatasetId?.message}>
        {(control) => (
          <NullableSelect formControl={form.control} name="populationDatasetId" fieldControl={control} options={options} blankLabel={t('form.noneOption.masculine')} blankValue={null} />
        )}
      </FormField>
      <FormField label={t('statistics.settings.coverage')} hint={t('statistics.settings.coverageHint')} error={errors.coverageDatasetId?.message}>
        {(control) => (
          <NullableSelect formControl={form.control} name="coverageDatasetId" fieldControl={control} options={options} blankLabel={t('form.noneOption.masculine')} blankValue={null} />
        )}
      </FormField>
      <FormField label={t('statistics.settings.coverageThreshold')} hint={t('statistics.settings.coverageThresholdHint')} error={errors.coverageThreshold?.message}>
        {(control) => <input {...control} {...register('coverageThreshold', { setValueAs: toNullableNumber })} type="number" min={0} max={100} step="any" inputMode="decimal" />}
      </FormField>
    </FormFrame>
  );
}
