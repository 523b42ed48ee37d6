import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { NetworkMemberImportResult } from '@telar/domain';
import { useState, type FormEvent, type ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { networksApi } from '../../api/network-resources';
import { useApiMutation } from '../../api/resources';
import { FormAlert } from '../../components/form-alert.component';
import { ImportIssuesTable } from '../../components/import-issues-table.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { SubmitButton } from '../../components/submit-button.component';
import { t } from '../../i18n/translate';

const routeApi = getRouteApi('/_internal/redes/$networkId/integrantes/importar');
const MEMBERS_FILE = /\.(csv|xlsx)$/i;

/** What the dry run read: rows, new members, organisations found in the directory or to be created, and the issues. */
function ImportPreview({ result }: { result: NetworkMemberImportResult }): ReactElement {
  return (
    <section aria-labelledby="vista-previa" className="panel">
      <h2 id="vista-previa">{t('networks.import.previewTitle')}</h2>
      <ul>
        <li>{t('networks.import.rows', { count: result.rows })}</li>
        <li>{t('networks.import.created', { count: result.created })}</li>
        <li>{t('networks.import.organizationsCreated', { count: result.organizationsCreated })}</li>
        <li>{t('networks.import.matched', { count: result.matched })}</li>
        <li>{t('networks.import.updated', { count: result.updated })}</li>
      </ul>
      {result.issues.length > 0 ? <ImportIssuesTable issues={result.issues} caption={t('networks.import.issues', { count: result.issues.length })} /> : <p>{t('networks.import.clean')}</p>}
    </section>
  );
}

/** «Importar integrantes»: an Excel or CSV file previewed first (nothing written), then imported when it has no issues. */
export function MembersImportPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const navigate = useNavigate();
  const network = useQuery(networksApi.detail(networkId));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<NetworkMemberImportResult | null>(null);
  const [refused, setRefused] = useState<NetworkMemberImportResult | null>(null);
  const mutation = useApiMutation(networksApi.importMembers);

  const send = async (dryRun: boolean) => {
    const error = !file ? t('networks.import.fileRequired') : MEMBERS_FILE.test(file.name) ? undefined : t('networks.import.fileType');
    setFileError(error);
    setRefused(null);
    if (!file || error) return;
    try {
      const result = await mutation.mutateAsync({ networkId, file, dryRun });
      if (dryRun) setPreview(result);
      else if (!result.written) {
        setPreview(result);
        setRefused(result);
      } else await navigate({ to: '/redes/$networkId/integrantes', params: { networkId } });
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
      <PageHeader
        title={t('networks.import.title')}
        trail={[
          { label: t('networks.title'), to: '/redes' },
          { label: network.data?.acronym ?? network.data?.name ?? t('networks.network'), to: `/redes/${networkId}` },
          { label: t('networks.members.title'), to: `/redes/${networkId}/integrantes` },
        ]}
      />
      <p className="lead">{t('networks.import.intro')}</p>
      <form className="form" onSubmit={submitPreview} noValidate>
        <FormField label={t('networks.import.file')} hint={t('networks.import.fileHint')} error={fileError} isRequired>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.xlsx"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                // A preview speaks of the file it was made with.
                setPreview(null);
              }}
            />
          )}
        </FormField>
        {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
        <div className="form__actions">
          <SubmitButton label={t('networks.import.preview')} isPending={mutation.isPending && !preview} />
        </div>
      </form>
      {preview && (
        <>
          <ImportPreview result={preview} />
          <div className="form">
            {refused && <FormAlert tone="error">{t('networks.import.refused', { count: refused.issues.length })}</FormAlert>}
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={mutation.isPending || preview.issues.length > 0}
                aria-busy={mutation.isPending || undefined}
                onClick={() => void send(false)}
              >
                {t('networks.import.submit')}
              </button>
              <Link to="/redes/$networkId/integrantes" params={{ networkId }} className="button">
                {t('form.cancel')}
              </Link>
            </div>
            {preview.issues.length > 0 && <p className="field__hint">{t('networks.import.fixFirst')}</p>}
          </div>
        </>
      )}
    </>
  );
}
