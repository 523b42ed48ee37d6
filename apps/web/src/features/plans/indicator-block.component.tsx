import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import {
  DISAGGREGATIONS,
  FLAG_NAMES_ES,
  IndicatorCreateSchema,
  IndicatorValueSchema,
  INDICATOR_FORMULAS,
  PERIODICITIES,
  type IndicatorCreateInput,
  type IndicatorDetailView,
  type IndicatorSummaryView,
  type IndicatorValueInput,
} from '@telar/domain';
import { Link } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { indicatorsApi } from '../../api/plan-resources';
import { useAddForm } from '../../api/save-form.hook';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { ChoiceOptions } from '../../components/choice-options.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullableNumber } from '../../components/form-values.util';
import { NullableSelect } from '../../components/nullable-select.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { useStateOptions, useStates } from '../../components/states.hook';
import { formatNumber } from '../../i18n/format';
import { IndicatorDatasetSourceFields } from './indicator-dataset-source.component';
import { t } from '../../i18n/translate';

type IndicatorValueRow = IndicatorDetailView['values'][number];

/** "sex=female" → "Mujeres"; "age_group=12-17" → "12-17 años"; blank → «Total». */
export function formatDisaggregation(value: string): string {
  if (!value) return t('plans.indicators.total');
  const [dimension, group] = value.split('=');
  if (dimension === 'sex' && (group === 'female' || group === 'male')) return t(`activities.sex.${group}`);
  if (dimension === 'age_group') return t('plans.indicators.ageGroupValue', { group: group ?? '' });
  return value;
}

/** A value with its dataset mark, if any: a suppressed one shows only the mark (no number). */
export function formatIndicatorValue({ value, flag }: Pick<IndicatorValueRow, 'value' | 'flag'>): string {
  const mark = flag ? FLAG_NAMES_ES[flag] : null;
  if (value === null) return mark ?? t('app.none');
  return mark ? `${formatNumber(value)} (${mark})` : formatNumber(value);
}

/** The <tbody> rows of an indicator's values: period, state, disaggregation, value. */
export function useIndicatorValueColumns(): TableColumn<IndicatorValueRow>[] {
  const { getStateName } = useStates();
  return [
    { header: t('plans.indicators.periodColumn'), render: (row) => row.period, isRowHeader: true },
    { header: t('plans.indicators.state'), render: (row) => (row.stateCode ? getStateName(row.stateCode) : t('plans.indicators.national')) },
    { header: t('plans.indicators.disaggregation'), render: (row) => formatDisaggregation(row.disaggregation) },
    { header: t('plans.indicators.value'), render: formatIndicatorValue, className: 'numeric' },
    { header: t('plans.indicators.source'), render: (row) => row.source ?? t('app.none') },
  ];
}

/** Adds or corrects one value (same period, state and disaggregation replaces it). */
export function IndicatorValueForm({ indicator, reportId }: { indicator: Pick<IndicatorSummaryView, 'id' | 'periodicity'>; reportId?: string }) {
  const stateOptions = useStateOptions();
  const defaults: IndicatorValueInput = { period: '', stateCode: null, disaggregation: '', value: Number.NaN, source: '', notes: '' };
  const { form, saveState } = useAddForm(zodResolver(IndicatorValueSchema), defaults, (value) =>
    indicatorsApi.putValues({ id: indicator.id, input: { values: [value], reportId: reportId ?? null } }),
  );
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('plans.indicators.saveValue')} savedText={t('plans.indicators.valueSaved')}>
      <div className="plans-form-row">
        <FormField label={t('plans.indicators.periodColumn')} hint={t(`plans.indicators.periodHint.${indicator.periodicity}`)} error={errors.period?.message} isRequired>
          {(control) => <input {...control} {...register('period')} type="text" inputMode="numeric" />}
        </FormField>
        <FormField label={t('plans.indicators.state')} error={errors.stateCode?.message}>
          {(control) => <NullableSelect formControl={form.control} name="stateCode" fieldControl={control} options={stateOptions} blankLabel={t('plans.indicators.national')} blankValue={null} />}
        </FormField>
        <FormField label={t('plans.indicators.disaggregation')} hint={t('plans.indicators.disaggregationHint')} error={errors.disaggregation?.message}>
          {(control) => <input {...control} {...register('disaggregation')} type="text" autoCapitalize="none" />}
        </FormField>
        <FormField label={t('plans.indicators.value')} error={errors.value?.message} isRequired>
          {(control) => <input {...control} {...register('value', { valueAsNumber: true })} type="number" step="any" inputMode="decimal" />}
        </FormField>
      </div>
      <FormField label={t('plans.indicators.source')} error={errors.source?.message}>
        {(control) => <input {...control} {...register('source')} type="text" />}
      </FormField>
      <FormField label={t('plans.indicators.notes')} error={errors.notes?.message}>
        {(control) => <textarea {...control} {...register('notes')} rows={2} />}
      </FormField>
    </FormFrame>
  );
}

function IndicatorFacts({ indicator }: { indicator: IndicatorSummaryView }) {
  return (
    <dl className="facts facts--compact">
      <div>
        <dt>{t('plans.indicators.unit')}</dt>
        <dd>{indicator.unit}</dd>
      </div>
      <div>
        <dt>{t('plans.indicators.baseline')}</dt>
        <dd>{indicator.baseline === null ? t('app.none') : formatNumber(indicator.baseline)}</dd>
      </div>
      <div>
        <dt>{t('plans.indicators.target')}</dt>
        <dd>{indicator.target === null ? t('app.none') : `${formatNumber(indicator.target)}${indicator.targetYear ? ` (${indicator.targetYear})` : ''}`}</dd>
      </div>
      <div>
        <dt>{t('plans.indicators.latest')}</dt>
        <dd>{indicator.latest ? `${formatNumber(indicator.latest.value)} (${indicator.latest.period})` : t('app.none')}</dd>
      </div>
      <div>
        <dt>{t('plans.indicators.periodicityLabel')}</dt>
        <dd>{t(`plans.periodicity.${indicator.periodicity}`)}</dd>
      </div>
    </dl>
  );
}

/** One indicator of a node: its facts, the values recorded and (for who may) the form to add one. */
export function IndicatorBlock({ indicator, canEdit }: { indicator: IndicatorSummaryView; canEdit: boolean }) {
  const query = useQuery(indicatorsApi.detail(indicator.id));
  const columns = useIndicatorValueColumns();
  const headingId = `indicador-${indicator.id}`;
  const name = indicator.code ? `${indicator.code} · ${indicator.name}` : indicator.name;
  return (
    <li className="record">
      <h3 id={headingId} className="record__title">
        {name}
      </h3>
      <IndicatorFacts indicator={indicator} />
      <QueryContent query={query}>
        {(detail) => (
          <>
            {detail.dataSource && (
              <p>
                <Link to="/estadisticas/$datasetId" params={{ datasetId: detail.dataSource.dataset.id }}>
                  {t('plans.indicators.datasetSource', { dataset: detail.dataSource.dataset.name, revision: detail.dataSource.revision })}
                </Link>
              </p>
            )}
            <PaginatedTable caption={t('plans.indicators.valuesOf', { name })} columns={columns} rows={detail.values} getRowKey={(row) => `${row.period}|${row.stateCode ?? ''}|${row.disaggregation}`} emptyText={t('plans.indicators.valuesEmpty')} />
            {canEdit && indicator.formula === null && !detail.dataSource && (
              <Disclosure summary={t('plans.indicators.addValue')}>
                <IndicatorValueForm indicator={indicator} />
              </Disclosure>
            )}
          </>
        )}
      </QueryContent>
    </li>
  );
}

/** Adds an indicator to a node; a computed one names its formula and the indicator it is computed from. */
export function IndicatorCreateForm({ planNodeId, baseOptions }: { planNodeId: string; baseOptions: { value: string; label: string }[] }) {
  const defaults: IndicatorCreateInput = {
    planNodeId,
    code: '',
    name: '',
    unit: '',
    baseline: null,
    baselineYear: null,
    target: null,
    targetYear: null,
    periodicity: 'annual',
    source: '',
    disaggregations: [],
    formula: null,
    baseIndicatorId: null,
    dataSource: null,
  };
  const { form, saveState } = useAddForm(zodResolver(IndicatorCreateSchema), defaults, indicatorsApi.create);
  const { register, formState, control } = form;
  const { errors } = formState;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('plans.indicators.create')} savedText={t('plans.indicators.created')}>
      <div className="plans-form-row">
        <FormField label={t('plans.indicators.code')} error={errors.code?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('code')} type="text" />}
        </FormField>
        <FormField label={t('plans.indicators.unit')} hint={t('plans.indicators.unitHint')} error={errors.unit?.message} isRequired>
          {(fieldControl) => <input {...fieldControl} {...register('unit')} type="text" />}
        </FormField>
        <FormField label={t('plans.indicators.periodicityLabel')} error={errors.periodicity?.message}>
          {(fieldControl) => (
            <select {...fieldControl} {...register('periodicity')}>
              <ChoiceOptions values={PERIODICITIES} getLabel={(value) => t(`plans.periodicity.${value}`)} />
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('plans.indicators.name')} error={errors.name?.message} isRequired>
        {(fieldControl) => <textarea {...fieldControl} {...register('name')} rows={2} />}
      </FormField>
      <div className="plans-form-row">
        <FormField label={t('plans.indicators.baseline')} error={errors.baseline?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('baseline', { setValueAs: toNullableNumber })} type="number" step="any" inputMode="decimal" />}
        </FormField>
        <FormField label={t('plans.indicators.baselineYear')} error={errors.baselineYear?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('baselineYear', { setValueAs: toNullableNumber })} type="number" min={1900} max={2100} inputMode="numeric" />}
        </FormField>
        <FormField label={t('plans.indicators.target')} error={errors.target?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('target', { setValueAs: toNullableNumber })} type="number" step="any" inputMode="decimal" />}
        </FormField>
        <FormField label={t('plans.indicators.targetYear')} error={errors.targetYear?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('targetYear', { setValueAs: toNullableNumber })} type="number" min={1900} max={2100} inputMode="numeric" />}
        </FormField>
      </div>
      <FormField label={t('plans.indicators.source')} error={errors.source?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('source')} type="text" />}
      </FormField>
      <Controller
        control={control}
        name="dataSource"
        render={({ field, fieldState }) => <IndicatorDatasetSourceFields value={field.value} onChange={field.onChange} error={fieldState.error} />}
      />
      <Controller
        control={control}
        name="disaggregations"
        render={({ field, fieldState }) => (
          <FormFieldset legend={t('plans.indicators.disaggregations')} error={fieldState.error?.message}>
            <CheckboxGroup options={DISAGGREGATIONS.map((value) => ({ value, label: t(`plans.disaggregation.${value}`) }))} value={field.value ?? []} onChange={field.onChange} />
          </FormFieldset>
        )}
      />
      <div className="plans-form-row">
        <FormField label={t('plans.indicators.formula')} hint={t('plans.indicators.formulaHint')} error={errors.formula?.message}>
          {(fieldControl) => (
            <NullableSelect
              formControl={control}
              name="formula"
              fieldControl={fieldControl}
              options={INDICATOR_FORMULAS.map((value) => ({ value, label: t(`plans.formula.${value}`) }))}
              blankLabel={t('plans.indicators.noFormula')}
              blankValue={null}
            />
          )}
        </FormField>
        <FormField label={t('plans.indicators.baseIndicator')} error={errors.baseIndicatorId?.message}>
          {(fieldControl) => <NullableSelect formControl={control} name="baseIndicatorId" fieldControl={fieldControl} options={baseOptions} blankLabel={t('form.noneOption.masculine')} blankValue={null} />}
        </FormField>
      </div>
    </FormFrame>
  );
}
