import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { FieldIssue } from '@telar/domain';
import { useState, type FormEvent, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { ApiError } from '../../api/client';
import { planImportApi, plansApi } from '../../api/plan-resources';
import { useApiMutation } from '../../api/resources';
import { useMeAbilities } from '../../auth/me.hook';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import { PlansTable } from './plans-table.component';
import '../../styles/plans.css';
import { SelectOptions } from '../../components/choice-options.component';

const routeApi = getRouteApi('/_internal/planes');
const PAGE_SIZE = 25;
const ACCEPTED = '.xlsx,.csv';

/** Uploads a spreadsheet of a plan (one row per node) into a body; refused rows are listed with their line. */
function PlanImportForm() {
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions({ isManagedOnly: true });
  const [file, setFile] = useState<File | null>(null);
  const [bodyId, setBodyId] = useState('');
  const [errors, setErrors] = useState<{ file?: string; bodyId?: string }>({});
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useApiMutation(planImportApi.upload);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIssues([]);
    setFailure(null);
    const found = {
      file: !file ? t('plans.import.fileRequired') : /\.(xlsx|csv)$/i.test(file.name) ? undefined : t('plans.import.fileType'),
      bodyId: bodyId ? undefined : t('plans.import.bodyRequired'),
    };
    setErrors(found);
    if (found.file || found.bodyId || !file) return;
    try {
      const result = await mutation.mutateAsync({ file, bodyId });
      await navigate({ to: '/planes/$planId', params: { planId: result.plan.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) {
        setIssues(error.issues);
        setFailure(t('plans.import.refused', { count: error.issues.length }));
      } else setFailure(describeApiError(error));
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="field__hint">{t('plans.import.intro')}</p>
      {failure && <FormAlert tone="error">{failure}</FormAlert>}
      {issues.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact">
            <caption>{t('plans.import.issues')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.import.where')}</th>
                <th scope="col">{t('plans.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, index) => (
                <tr key={`${index}-${issue.path}`}>
                  <th scope="row">{issue.path || t('app.none')}</th>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormField label={t('plans.import.file')} hint={t('plans.import.fileHint')} error={errors.file} isRequired>
        {(control) => <input {...control} type="file" accept={ACCEPTED} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </FormField>
      <FormField label={t('plans.body')} error={errors.bodyId} isRequired>
        {(control) => (
          <select {...control} value={bodyId} onChange={(event) => setBodyId(event.target.value)}>
            <option value="">{t('plans.chooseBody')}</option>
            <SelectOptions options={bodyOptions} />
          </select>
        )}
      </FormField>
      <div className="form__actions">
        <SubmitButton label={t('plans.import.submit')} isPending={mutation.isPending} />
      </div>
    </form>
  );
}

export function PlansListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const abilities = useMeAbilities();
  const page = search.page ?? 1;
  const query = useQuery(plansApi.list({ q: search.q, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        actions={
          abilities?.manageAnyBody && (
            <Link to="/planes/nuevo" className="button button--primary">
              {t('plans.new')}
            </Link>
          )
        }
      />
      {abilities?.manageAnyBody && (
        <Disclosure summary={t('plans.import.title')}>
          <PlanImportForm />
        </Disclosure>
      )}
      <div className="filters" role="search" aria-label={t('plans.filters')}>
        <SearchBox label={t('plans.searchLabel')} value={search.q ?? ''} onSearch={(q) => void navigate({ search: (previous) => ({ ...previous, q: q || undefined, page: undefined }), replace: true })} />
      </div>
      <QueryContent query={query}>
        {(result) => (
          <PlansTable
            caption={t('plans.title')}
            isCaptionHidden
            plans={result.items}
            emptyText={t('plans.empty')}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
