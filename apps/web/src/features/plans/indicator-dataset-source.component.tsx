import { useQuery } from '@tanstack/react-query';
import { CROSS_TAB_MEASURES, type DatasetDetailView, type IndicatorDataSourceInput } from '@telar/domain';
import { statisticsApi } from '../../api/statistics-resources';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { t } from '../../i18n/translate';

/** Dimensions the values are read by (state × year) are not filters: every other one may narrow the query. */
const isFilterDimension = (dimension: DatasetDetailView['dimensions'][number]) => dimension.kind !== 'state' && dimension.kind !== 'period';

/** The code a `dim:code` filter list picks for a dimension, '' for all. */
export const filterCode = (where: string[], dimension: string) => where.find((item) => item.startsWith(`${dimension}:`))?.slice(dimension.length + 1) ?? '';

/** The filter list with a dimension's code replaced ('' removes the filter). */
export const withFilter = (where: string[], dimension: string, code: string) => [...where.filter((item) => !item.startsWith(`${dimension}:`)), ...(code ? [`${dimension}:${code}`] : [])];

/**
 * The server names the part of the source at fault (dataSource.where.0, dataSource.kind…): the section shows
 * the first message found under it. `ref` holds a DOM element, not an error.
 */
export function firstErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string') return message;
  for (const [key, nested] of Object.entries(error)) {
    const found = key === 'ref' ? undefined : firstErrorMessage(nested);
    if (found) return found;
  }
  return undefined;
}

/** «Tomar los valores de un conjunto de datos»: a dataset, its measure, count or rate, and a code per other dimension. */
export function IndicatorDatasetSourceFields({ value, onChange, error }: { value: IndicatorDataSourceInput | null | undefined; onChange: (value: IndicatorDataSourceInput | null) => void; error?: unknown }) {
  const datasets = useQuery(statisticsApi.list);
  const detail = useQuery({ ...statisticsApi.detail(value?.datasetId ?? ''), enabled: Boolean(value?.datasetId) });
  const where = value?.where ?? [];
  return (
    <FormFieldset legend={t('plans.indicators.datasetSection')} error={firstErrorMessage(error)}>
      <label>
        <input type="checkbox" checked={Boolean(value)} onChange={(event) => onChange(event.target.checked ? { datasetId: '', measure: null, kind: 'count', where: [] } : null)} />{' '}
        {t('plans.indicators.datasetToggle')}
      </label>
      {value && (
        <div className="plans-form-row">
          <FormField label={t('plans.indicators.dataset')} isRequired>
            {(control) => (
              <select {...control} value={value.datasetId} onChange={(event) => onChange({ datasetId: event.target.value, measure: null, kind: 'count', where: [] })}>
                <option value="">{t('form.noneOption.masculine')}</option>
                {datasets.data?.map((dataset) => (
                  <option key={dataset.id} value={dataset.id}>
                    {dataset.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {detail.data && (
            <>
              <FormField label={t('plans.indicators.datasetMeasure')}>
                {(control) => (
                  <select {...control} value={value.measure ?? ''} onChange={(event) => onChange({ ...value, measure: event.target.value || null })}>
                    {detail.data.measures.map((measure) => (
                      <option key={measure.code} value={measure.code}>
                        {measure.label}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('plans.indicators.datasetKind')}>
                {(control) => (
                  <select {...control} value={value.kind ?? 'count'} onChange={(event) => onChange({ ...value, kind: event.target.value as (typeof CROSS_TAB_MEASURES)[number] })}>
                    {CROSS_TAB_MEASURES.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`plans.indicators.datasetKindValue.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              {detail.data.dimensions.filter(isFilterDimension).map((dimension) => (
                <FormField key={dimension.code} label={dimension.label}>
                  {(control) => (
                    <select {...control} value={filterCode(where, dimension.code)} onChange={(event) => onChange({ ...value, where: withFilter(where, dimension.code, event.target.value) })}>
                      <option value="">{t('plans.indicators.datasetAllCodes')}</option>
                      {dimension.codes.map((code) => (
                        <option key={code.code} value={code.code}>
                          {code.label}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              ))}
            </>
          )}
        </div>
      )}
    </FormFieldset>
  );
}
