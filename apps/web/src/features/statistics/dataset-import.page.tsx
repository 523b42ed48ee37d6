import { Link, useNavigate } from '@tanstack/react-router';
import type { DatasetImportResult, InconsistencyPolicy } from '@telar/domain';
import { useState, type FormEvent, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { useApiMutation } from '../../api/resources';
import { statisticsApi, type DatasetImportRequest } from '../../api/statistics-resources';
import { FormAlert } from '../../components/form-alert.component';
import { ImportIssuesTable } from '../../components/import-issues-table.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';
import '../../styles/statistics.css';

const DATA_FILE = /\.(csv|xlsx)$/i;

type ImportFields = Omit<DatasetImportRequest, 'file' | 'policy' | 'dryRun'>;
const BLANK_FIELDS: ImportFields = { name: '', dimensions: '', measure: '', wideDimension: '' };

/** What the dry run read: counts, then the errors and warnings with their rows and columns. */
function ImportPreview({ result }: { result: DatasetImportResult }): ReactElement {
  return (
    <section aria-labelledby="vista-previa" className="panel">
      <h2 id="vista-previa">{t('statistics.import.previewTitle')}</h2>
      <p>
        {t('statistics.import.previewSummary', {
          dataset: result.dataset,
          observations: result.observations,
          dimensions: result.dimensions.join(', ') || t('app.none'),
        })}
      </p>
      {result.datasetId && (
        <p>{t('statistics.import.previewChanges', { added: result.added, changed: result.changed, removed: result.removed })}</p>
      )}
      <ImportIssuesTable issues={result.errors} caption={t('statistics.import.errors', { count: result.errors.length })} />
      <ImportIssuesTable issues={result.warnings} caption={t('statistics.import.warnings', { count: result.warnings.length })} />
      {result.errors.length === 0 && result.warnings.length === 0 && <p>{t('statistics.import.clean')}</p>}
    </section>
  );
}

/** «Importar datos»: a CSV or XLSX file previewed first (nothing written), then imported under the chosen policy. */
export function DatasetImportPage(): ReactElement {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState<ImportFields>(BLANK_FIELDS);
  const [policy, setPolicy] = useState<InconsistencyPolicy>('refuse');
  const [preview, setPreview] = useState<DatasetImportResult | null>(null);
  const [refused, setRefused] = useState<DatasetImportResult | null>(null);
  const [errors, setErrors] = useState<{ file?: string; name?: string }>({});
  const mutation = useApiMutation(statisticsApi.importFile);

  const change = (patch: Partial<ImportFields>) => {
    setFields({ ...fields, ...patch });
    // A preview speaks of the file and fields it was made with; a change asks for a new one.
    setPreview(null);
  };

  const send = async (dryRun: boolean) => {
    const found = {
      file: !file ? t('statistics.import.fileRequired') : DATA_FILE.test(file.name) ? undefined : t('statistics.import.fileType'),
      name: fields.name.trim() ? undefined : t('statistics.import.nameRequired'),
    };
    setErrors(found);
    setRefused(null);
    if (!file || found.file || found.name) return;
    try {
      const result = await mutation.mutateAsync({ file, ...fields, policy, dryRun });
      if (dryRun) setPreview(result);
      else if (result.isRefused || !result.datasetId) setRefused(result);
      else await navigate({ to: '/estadisticas/$datasetId', params: { datasetId: result.datasetId } });
    } catch {
      // The mutation keeps the error; it is shown above the buttons.
    }
  };

  const submitPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <>
      <PageHeader title={t('statistics.import.title')} trail={[{ label: t('statistics.title'), to: '/estadisticas' }]} />
      <p className="lead">{t('statistics.import.intro')}</p>
      <form className="form" onSubmit={submitPreview} noValidate>
        <FormField label={t('statistics.import.file')} hint={t('statistics.import.fileHint')} error={errors.file} isRequired>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.xlsx"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          )}
        </FormField>
        <FormField label={t('statistics.import.name')} hint={t('statistics.import.nameHint')} error={errors.name} isRequired>
          {(control) => <input {...control} type="text" maxLength={200} value={fields.name} onChange={(event) => change({ name: event.target.value })} />}
        </FormField>
        <FormField label={t('statistics.import.dimensions')} hint={t('statistics.import.dimensionsHint')}>
          {(control) => <input {...control} type="text" value={fields.dimensions} onChange={(event) => change({ dimensions: event.target.value })} />}
        </FormField>
        <FormField label={t('statistics.import.measure')} hint={t('statistics.import.measureHint')}>
          {(control) => <input {...control} type="text" value={fields.measure} onChange={(event) => change({ measure: event.target.value })} />}
        </FormField>
        <FormField label={t('statistics.import.wideDimension')} hint={t('statistics.import.wideDimensionHint')}>
          {(control) => <input {...control} type="text" value={fields.wideDimension} onChange={(event) => change({ wideDimension: event.target.value })} />}
        </FormField>
        {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
        <div className="form__actions">
          <SubmitButton label={t('statistics.import.preview')} isPending={mutation.isPending && !preview} />
        </div>
      </form>
      {preview && (
        <>
          <ImportPreview result={preview} />
          <div className="form">
            {preview.errors.length > 0 && (
              <FormFieldset legend={t('statistics.import.policy')} hint={t('statistics.import.policyHint')}>
                {(['refuse', 'keep_flagged'] as const).map((option) => (
                  <label key={option} className="checkbox">
                    <input type="radio" name="policy" value={option} checked={policy === option} onChange={() => setPolicy(option)} /> {t(`statistics.import.policy.${option}`)}
                  </label>
                ))}
              </FormFieldset>
            )}
            {refused && <FormAlert tone="error">{t('statistics.import.refused', { count: refused.errors.length })}</FormAlert>}
            <div className="form__actions">
              <button type="button" className="button button--primary" disabled={mutation.isPending} aria-busy={mutation.isPending || undefined} onClick={() => void send(false)}>
                {t('statistics.import.submit')}
              </button>
              <Link to="/estadisticas" className="button">
                {t('form.cancel')}
              </Link>
            </div>
          </div>
        </>
      )}
    </>
  );
}
