import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DatasetDetailView } from '@telar/domain';
import { useId, useRef, useState, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { crossTabQuery, statisticsApi } from '../../api/statistics-resources';
import { FormField } from '../../components/form-field.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { CodeLabelOptions, DimensionCodeOptions } from '../statistics/code-options.component';
import { toFilterSearch } from '../statistics/dataset-selection';
import { crossTabToTableBlock, readDataTableQuery, type DataTableChoices, type TableBlock } from './data-table-block';

/**
 * «Insertar un cuadro de datos»: a dataset, one or two «Ver por», filters and count or rate; the public
 * cross-tab is written into the answer as a table (see `crossTabToTableBlock`). The list loads only
 * when the dialog opens.
 */
export function DataTableDialog({ onInsert }: { onInsert: (block: TableBlock) => void }): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [isOpen, setOpen] = useState(false);
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('questionnaires.dataTable.open')}
      </button>
      <dialog ref={dialog} className="confirm-dialog data-table-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <h2 id={titleId}>{t('questionnaires.dataTable.title')}</h2>
        <p className="field__hint">{t('questionnaires.dataTable.help')}</p>
        {isOpen && (
          <DataTableForm
            onCancel={close}
            onInsert={(block) => {
              onInsert(block);
              close();
            }}
          />
        )}
      </dialog>
    </>
  );
}

function DataTableForm({ onInsert, onCancel }: { onInsert: (block: TableBlock) => void; onCancel: () => void }): ReactElement {
  const datasets = useQuery(statisticsApi.list);
  const [datasetId, setDatasetId] = useState('');
  const detail = useQuery({ ...statisticsApi.detail(datasetId), enabled: datasetId !== '' });
  return (
    <>
      <QueryContent query={datasets}>
        {(list) => (
          <FormField label={t('questionnaires.dataTable.dataset')}>
            {(control) => (
              <select {...control} value={datasetId} onChange={(event) => setDatasetId(event.target.value)}>
                <option value="">{t('questionnaires.dataTable.chooseDataset')}</option>
                {list
                  .filter((dataset) => dataset.currentRevision > 0)
                  .map((dataset) => (
                    <option key={dataset.id} value={dataset.id}>
                      {dataset.name}
                    </option>
                  ))}
              </select>
            )}
          </FormField>
        )}
      </QueryContent>
      {datasetId !== '' ? (
        <QueryContent query={detail}>{(dataset) => <DataTableChoicesForm key={dataset.id} dataset={dataset} onInsert={onInsert} onCancel={onCancel} />}</QueryContent>
      ) : (
        <div className="form__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
        </div>
      )}
    </>
  );
}

interface ChoicesFormProps {
  dataset: DatasetDetailView;
  onInsert: (block: TableBlock) => void;
  onCancel: () => void;
}

function DataTableChoicesForm({ dataset, onInsert, onCancel }: ChoicesFormProps): ReactElement {
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<DataTableChoices>({});
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const query = readDataTableQuery(choices, dataset);
  const change = (patch: DataTableChoices) => setChoices((previous) => ({ ...previous, ...patch }));

  const insert = async () => {
    setLoading(true);
    setError(null);
    try {
      const view = await queryClient.fetchQuery(crossTabQuery('/statistics/datasets', dataset.id, query.request));
      onInsert(crossTabToTableBlock(view, { dataset, by: query.by, measureLabel: query.measureLabel, consultedAt: new Date() }));
    } catch (caught) {
      setError(describeApiError(caught));
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <div className="filters">
        <FormField label={t('statistics.by')}>
          {(control) => (
            <select {...control} value={query.by[0]?.value ?? ''} onChange={(event) => change({ por: event.target.value })}>
              {query.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('questionnaires.dataTable.by2')}>
          {(control) => (
            <select {...control} value={query.by[1]?.value ?? ''} onChange={(event) => change({ por2: event.target.value || undefined })}>
              <option value="">{t('questionnaires.dataTable.noSecond')}</option>
              {query.choices
                .filter((choice) => choice.value !== query.by[0]?.value)
                .map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        {dataset.measures.length > 1 && (
          <FormField label={t('statistics.measure')}>
            {(control) => (
              <select {...control} value={query.request.measure ?? ''} onChange={(event) => change({ medida: event.target.value })}>
                <CodeLabelOptions entries={dataset.measures} />
              </select>
            )}
          </FormField>
        )}
        <FormField label={t('statistics.kind')} hint={query.isRateAvailable ? undefined : t('statistics.kind.rateUnavailable')}>
          {(control) => (
            <select {...control} value={query.request.kind} onChange={(event) => change({ cifra: event.target.value })}>
              <option value="count">{t('statistics.kind.count')}</option>
              <option value="rate" disabled={!query.isRateAvailable}>
                {t('statistics.kind.rate')}
              </option>
            </select>
          )}
        </FormField>
      </div>
      <div className="filters">
        {dataset.dimensions.map((dimension) => (
          <FormField key={dimension.code} label={dimension.label}>
            {(control) => (
              <select
                {...control}
                value={query.where[dimension.code]?.[0] ?? ''}
                onChange={(event) => change({ filtro: toFilterSearch({ ...query.where, [dimension.code]: event.target.value ? [event.target.value] : [] }) })}
              >
                <option value="">{t('statistics.filter.all')}</option>
                <DimensionCodeOptions dimension={dimension} />
              </select>
            )}
          </FormField>
        ))}
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={isLoading || query.by.length === 0} onClick={() => void insert()}>
          {t('questionnaires.dataTable.insert')}
        </button>
      </div>
    </>
  );
}
