import { zodResolver } from '@hookform/resolvers/zod';
import { MechanismImportSchema, type Diagnostic, type ImportCounts, type ImportTargetBody, type MechanismBlock, type MechanismReport } from '@telar/domain';
import { useState, type ChangeEvent, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { describeApiError } from '../../api/api-error.util';
import { ApiError, sendJson } from '../../api/client';
import { useApiMutation } from '../../api/resources';
import { AbilityGate } from '../../auth/ability-gate.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { formatNumber } from '../../i18n/format';
import { t, type MessageKey } from '../../i18n/translate';
import { MECHANISM_BLOCK_FIELDS } from '../reports/mechanism-block.util';

interface ImportResult {
  described: ImportCounts;
  created: ImportCounts;
  body: ImportTargetBody | null;
  warnings: Diagnostic[];
  diagnostics: Diagnostic[];
  report: MechanismReport | null;
}

interface ImportRequest {
  text: string;
  bodyAcronym?: string;
  dryRun: boolean;
}

const COUNT_KEYS = ['sessions', 'participations', 'agreements', 'followUps', 'organizations'] as const satisfies readonly (keyof ImportCounts)[];

function isImportResult(body: unknown): body is ImportResult {
  return typeof body === 'object' && body !== null && 'diagnostics' in body && 'described' in body;
}

/** Sends the document; a 422 that carries the import result is an answer to show, not a failure. */
async function requestImport(request: ImportRequest): Promise<ImportResult> {
  try {
    return await sendJson<ImportResult>('POST', '/imports/mechanism-report', request);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && isImportResult(error.body)) return error.body;
    throw error;
  }
}

const blockColumns: TableColumn<MechanismBlock>[] = MECHANISM_BLOCK_FIELDS.map((field, index) => ({
  header: t(field.label),
  render: field.render,
  isRowHeader: index === 0,
}));

const diagnosticColumns: TableColumn<Diagnostic>[] = [
  { header: t('import.lineColumn'), render: (item) => formatNumber(item.line), isRowHeader: true, className: 'numeric' },
  { header: t('import.fieldColumn'), render: (item) => item.field ?? t('app.none') },
  { header: t('import.messageColumn'), render: (item) => item.message },
];

function DiagnosticTable({ title, items }: { title: MessageKey; items: readonly Diagnostic[] }) {
  if (items.length === 0) return null;
  return (
    <PaginatedTable
      caption={`${t(title)} (${formatNumber(items.length)})`}
      columns={diagnosticColumns}
      rows={items}
      getRowKey={(item) => `${item.line}-${item.code}-${item.field ?? ''}-${item.message}`}
    />
  );
}

/** "Comisión de Secretarías Ejecutivas … (COMSE)". */
function describeBody(body: ImportTargetBody): string {
  return body.acronym ? `${body.name} (${body.acronym})` : body.name;
}

function ImportSummary({ result, isPreview }: { result: ImportResult; isPreview: boolean }) {
  return (
    <section aria-labelledby="resultado-importacion" className="panel">
      <h2 id="resultado-importacion">{isPreview ? t('import.preview') : t('import.done')}</h2>
      {result.body && <p>{t(result.body.isNew ? 'import.targetBodyNew' : 'import.targetBody', { body: describeBody(result.body) })}</p>}
      <table className="table table--compact">
        <caption>{t('import.counts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.countKind')}</th>
            <th scope="col" className="numeric">
              {t('import.described')}
            </th>
            <th scope="col" className="numeric">
              {isPreview ? t('import.new') : t('import.created')}
            </th>
          </tr>
        </thead>
        <tbody>
          {COUNT_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`import.count.${key}`)}</th>
              <td className="numeric">{formatNumber(result.described[key])}</td>
              <td className="numeric">{formatNumber(result.created[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DiagnosticTable title="import.errors" items={result.diagnostics} />
      <DiagnosticTable title="import.warnings" items={result.warnings} />
      {result.report && result.report.blocks.length > 0 && (
        <PaginatedTable caption={t('import.blocks')} columns={blockColumns} rows={result.report.blocks} getRowKey={(block) => `${block.session.date}-${block.participants.join('|')}-${block.description.slice(0, 40)}`} />
      )}
    </section>
  );
}

export function ImportPage(): ReactElement {
  const form = useForm({ resolver: zodResolver(MechanismImportSchema), defaultValues: { text: '', bodyAcronym: '', dryRun: true } });
  const { errors } = form.formState;
  const mutation = useApiMutation(requestImport);
  const [outcome, setOutcome] = useState<{ result: ImportResult; request: ImportRequest } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const text = form.watch('text');
  const bodyAcronym = form.watch('bodyAcronym');

  // Confirming imports exactly what was previewed: same text, same body, and no errors in it.
  const isPreviewCurrent = outcome?.request.dryRun === true && outcome.request.text === text && (outcome.request.bodyAcronym ?? '') === (bodyAcronym ?? '').trim();
  const canConfirm = isPreviewCurrent && outcome.result.diagnostics.length === 0 && !mutation.isPending;

  const runImport = (dryRun: boolean) =>
    form.handleSubmit(async (values) => {
      setFailure(null);
      const request: ImportRequest = { text: values.text, bodyAcronym: values.bodyAcronym || undefined, dryRun };
      try {
        setOutcome({ result: await mutation.mutateAsync(request), request: { ...request, bodyAcronym: request.bodyAcronym ?? '' } });
      } catch (error) {
        setFailure(describeApiError(error));
      }
    });

  const loadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      form.setValue('text', await file.text(), { shouldValidate: true, shouldDirty: true });
    } catch {
      setFailure(t('import.fileError'));
    }
  };

  return (
    <>
      <PageHeader title={t('import.title')} eyebrow={t('nav.import')} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAnyBody}>
        <p>{t('import.intro')}</p>
        <form className="form" onSubmit={runImport(true)} noValidate>
          {failure && <FormAlert tone="error">{failure}</FormAlert>}
          <FormField label={t('import.file')}>{(control) => <input {...control} type="file" accept=".txt,.md,text/plain,text/markdown" onChange={(event) => void loadFile(event)} />}</FormField>
          <FormField label={t('import.text')} error={errors.text?.message} isRequired>
            {(control) => <textarea {...control} {...form.register('text')} rows={14} className="textarea--code" spellCheck={false} />}
          </FormField>
          <FormField label={t('import.bodyAcronym')} hint={t('import.bodyAcronymHint')} error={errors.bodyAcronym?.message}>
            {(control) => <input {...control} {...form.register('bodyAcronym')} type="text" autoCapitalize="characters" />}
          </FormField>
          <div className="form__actions">
            <button type="submit" className="button" disabled={mutation.isPending}>
              {t('import.preview')}
            </button>
            <button type="button" className="button button--primary" disabled={!canConfirm} aria-describedby="confirmar-ayuda" onClick={() => void runImport(false)()}>
              {t('import.confirm')}
            </button>
            <p id="confirmar-ayuda" className="field__hint">
              {isPreviewCurrent && outcome.result.diagnostics.length > 0 ? t('import.confirmBlocked') : !isPreviewCurrent ? t('import.previewFirst') : ''}
            </p>
          </div>
        </form>
        {outcome && (
          <>
            <FormAlert tone={outcome.result.diagnostics.length > 0 ? 'error' : 'success'}>
              {outcome.request.dryRun
                ? t('import.previewReady', { errors: outcome.result.diagnostics.length, warnings: outcome.result.warnings.length })
                : t('import.done')}
            </FormAlert>
            <ImportSummary result={outcome.result} isPreview={outcome.request.dryRun} />
          </>
        )}
      </AbilityGate>
    </>
  );
}
