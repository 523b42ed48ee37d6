import { Link, useNavigate } from '@tanstack/react-router';
import type { FieldIssue, QuestionnaireImportResult, XlsFormIssueView } from '@telar/domain';
import { useState, type FormEvent, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { ApiError } from '../../api/client';
import { questionnaireExercisesApi, questionnaireTemplatesApi } from '../../api/questionnaire-resources';
import { useApiMutation } from '../../api/resources';
import { SelectOptions } from '../../components/choice-options.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { SubmitButton } from '../../components/submit-button.component';
import { formatNumber } from '../../i18n/format';
import { t, type MessageKey } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';

declare module '@tanstack/history' {
  interface HistoryState {
    /** What the XLSForm workbook held only in part: shown once on the template it made. */
    xlsFormWarnings?: XlsFormIssueView[];
  }
}

const XLSX = /\.xlsx$/i;
const REPLY_FILE = /\.(txt|md|docx)$/i;

/** Why an upload was refused: the API's message, and each problem the file has (their messages name line, sheet or column). */
interface Refusal {
  message: string;
  issues: readonly FieldIssue[];
}

function readRefusal(error: unknown, refused: MessageKey): Refusal {
  if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) return { message: t(refused, { count: error.issues.length }), issues: error.issues };
  return { message: describeApiError(error), issues: [] };
}

function RefusalAlert({ refusal, title }: { refusal: Refusal | null; title: MessageKey }) {
  if (!refusal) return null;
  return (
    <FormAlert tone="error">
      <p>{refusal.message}</p>
      {refusal.issues.length > 0 && (
        <>
          <p>{t(title)}:</p>
          <ul>
            {refusal.issues.map((issue, index) => (
              <li key={`${index}-${issue.path}`}>{issue.message}</li>
            ))}
          </ul>
        </>
      )}
    </FormAlert>
  );
}

const fileError = (file: File | null, pattern: RegExp, wrongType: MessageKey) => (!file ? t('questionnaires.upload.fileRequired') : pattern.test(file.name) ? undefined : t(wrongType));

/** The coordinating body, among those the person manages (as in the template form). */
function BodyField({ value, error, onChange }: { value: string; error?: string; onChange: (bodyId: string) => void }) {
  const bodyOptions = useBodyOptions({ isManagedOnly: true });
  return (
    <FormField label={t('questionnaires.exercise.body')} error={error} isRequired>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('questionnaires.exercise.chooseBody')}</option>
          <SelectOptions options={bodyOptions} />
        </select>
      )}
    </FormField>
  );
}

/** «Importar desde XLSForm»: a workbook becomes a template, whose page then lists what was read only in part. */
export function XlsFormImportForm(): ReactElement {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [bodyId, setBodyId] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ file?: string; bodyId?: string; name?: string }>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const mutation = useApiMutation(questionnaireTemplatesApi.importXlsForm);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefusal(null);
    const found = {
      file: fileError(file, XLSX, 'questionnaires.xlsform.fileType'),
      bodyId: bodyId ? undefined : t('questionnaires.upload.bodyRequired'),
      name: name.trim() ? undefined : t('questionnaires.xlsform.nameRequired'),
    };
    setErrors(found);
    if (!file || found.file || found.bodyId || found.name) return;
    try {
      const { template, warnings } = await mutation.mutateAsync({ file, bodyId, name: name.trim() });
      await navigate({ to: '/cuestionarios/plantillas/$templateId', params: { templateId: template.id }, state: (previous) => ({ ...previous, xlsFormWarnings: warnings }) });
    } catch (error) {
      setRefusal(readRefusal(error, 'questionnaires.xlsform.refused'));
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="field__hint">{t('questionnaires.xlsform.intro')}</p>
      <RefusalAlert refusal={refusal} title="questionnaires.xlsform.issues" />
      <FormField label={t('questionnaires.xlsform.file')} hint={t('questionnaires.xlsform.fileHint')} error={errors.file} isRequired>
        {(control) => <input {...control} type="file" accept=".xlsx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </FormField>
      <BodyField value={bodyId} error={errors.bodyId} onChange={setBodyId} />
      <FormField label={t('questionnaires.templates.name')} error={errors.name} isRequired>
        {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
      </FormField>
      <div className="form__actions">
        <SubmitButton label={t('questionnaires.xlsform.submit')} isPending={mutation.isPending} />
      </div>
    </form>
  );
}

/** The warnings of an XLSForm import, carried to the new template's page in the history entry. */
export function XlsFormWarnings({ warnings }: { warnings: readonly XlsFormIssueView[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <FormAlert tone="success">
      <p>{t('questionnaires.xlsform.warnings')}</p>
      <ul>
        {warnings.map((warning, index) => (
          <li key={`${index}-${warning.message}`}>{warning.message}</li>
        ))}
      </ul>
    </FormAlert>
  );
}

const COUNT_KEYS = ['exercises', 'templates', 'questions', 'organizations'] as const satisfies readonly (keyof QuestionnaireImportResult['created'])[];

type ImportWarning = QuestionnaireImportResult['warnings'][number];
const warningColumns: TableColumn<ImportWarning>[] = [
  { header: t('questionnaires.replyImport.line'), render: (warning) => formatNumber(warning.line), isRowHeader: true, className: 'numeric' },
  { header: t('questionnaires.replyImport.message'), render: (warning) => warning.message },
];

function ReplyPreview({ result }: { result: QuestionnaireImportResult }) {
  return (
    <section aria-labelledby="respuesta-revision" className="panel">
      <h3 id="respuesta-revision">{t('questionnaires.replyImport.previewTitle')}</h3>
      {result.reused && result.exerciseId ? (
        <p>
          {t('questionnaires.replyImport.reused')}{' '}
          <Link to="/cuestionarios/$exerciseId" params={{ exerciseId: result.exerciseId }}>
            {t('questionnaires.replyImport.openExisting')}
          </Link>
        </p>
      ) : (
        <table className="table table--compact">
          <caption>{t('questionnaires.replyImport.counts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.replyImport.kind')}</th>
              <th scope="col" className="numeric">
                {t('questionnaires.replyImport.number')}
              </th>
            </tr>
          </thead>
          <tbody>
            {COUNT_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(`questionnaires.replyImport.count.${key}`)}</th>
                <td className="numeric">{formatNumber(result.created[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PaginatedTable
        caption={`${t('questionnaires.replyImport.warnings')} (${formatNumber(result.warnings.length)})`}
        columns={warningColumns}
        rows={result.warnings}
        getRowKey={(warning) => `${warning.line}-${warning.message}`}
        emptyText={t('questionnaires.replyImport.noWarnings')}
      />
    </section>
  );
}

/**
 * «Importar una respuesta enviada»: «Revisar» runs the import without saving and shows what it would
 * create; «Importar» saves exactly what was reviewed (same file, same body) and opens the new exercise.
 */
export function ReplyImportForm(): ReactElement {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [bodyId, setBodyId] = useState('');
  const [errors, setErrors] = useState<{ file?: string; bodyId?: string }>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [preview, setPreview] = useState<{ result: QuestionnaireImportResult; file: File; bodyId: string } | null>(null);
  const mutation = useApiMutation(questionnaireExercisesApi.importReplyFile);
  const isPreviewCurrent = preview !== null && preview.file === file && preview.bodyId === bodyId;
  const canConfirm = isPreviewCurrent && !preview.result.reused && !mutation.isPending;

  const review = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefusal(null);
    setPreview(null);
    const found = { file: fileError(file, REPLY_FILE, 'questionnaires.replyImport.fileType'), bodyId: bodyId ? undefined : t('questionnaires.upload.bodyRequired') };
    setErrors(found);
    if (!file || found.file || found.bodyId) return;
    try {
      setPreview({ result: await mutation.mutateAsync({ file, bodyId, dryRun: true }), file, bodyId });
    } catch (error) {
      setRefusal(readRefusal(error, 'questionnaires.replyImport.refused'));
    }
  };

  const confirm = async () => {
    if (!canConfirm) return;
    setRefusal(null);
    try {
      const result = await mutation.mutateAsync({ file: preview.file, bodyId: preview.bodyId, dryRun: false });
      if (result.exerciseId) await navigate({ to: '/cuestionarios/$exerciseId', params: { exerciseId: result.exerciseId } });
    } catch (error) {
      setRefusal(readRefusal(error, 'questionnaires.replyImport.refused'));
    }
  };

  return (
    <>
      <form className="form" onSubmit={(event) => void review(event)} noValidate>
        <p className="field__hint">{t('questionnaires.replyImport.intro')}</p>
        <RefusalAlert refusal={refusal} title="questionnaires.replyImport.issues" />
        <FormField label={t('questionnaires.replyImport.file')} hint={t('questionnaires.replyImport.fileHint')} error={errors.file} isRequired>
          {(control) => <input {...control} type="file" accept=".txt,.md,.docx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </FormField>
        <BodyField value={bodyId} error={errors.bodyId} onChange={setBodyId} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('questionnaires.replyImport.preview')}
          </button>
          <button type="button" className="button button--primary" disabled={!canConfirm} aria-describedby="respuesta-importar-ayuda" onClick={() => void confirm()}>
            {t('questionnaires.replyImport.confirm')}
          </button>
          <p id="respuesta-importar-ayuda" className="field__hint">
            {isPreviewCurrent ? '' : t('questionnaires.replyImport.previewFirst')}
          </p>
        </div>
      </form>
      {isPreviewCurrent && <ReplyPreview result={preview.result} />}
    </>
  );
}
