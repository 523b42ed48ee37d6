import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { DatasetDetailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { useApiMutation } from '../../api/resources';
import { statisticsApi } from '../../api/statistics-resources';
import { ConfirmButton } from '../../components/confirm-button.component';
import { Disclosure } from '../../components/disclosure.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { DatasetExplorer, useDatasetSearch } from './dataset-explorer.component';
import { DatasetProvenance } from './dataset-provenance.component';
import { DatasetRevisions } from './dataset-revisions.component';
import { DatasetSettingsForm } from './dataset-settings.component';
import { PublicBadge } from './datasets-table.component';

const routeApi = getRouteApi('/_internal/estadisticas/$datasetId');

/** «Publicar en el portal» / «Retirar del portal», confirmed first. */
function PublicationButton({ dataset }: { dataset: DatasetDetailView }): ReactElement {
  const mutation = useApiMutation(statisticsApi.changePublication);
  const action = dataset.isPublic ? 'unpublish' : 'publish';
  return (
    <>
      <ConfirmButton
        className={dataset.isPublic ? 'button' : 'button button--primary'}
        label={t(`statistics.${action}`)}
        title={t(`statistics.${action}Title`)}
        message={t(`statistics.${action}Message`)}
        disabled={mutation.isPending}
        onConfirm={() => mutation.mutate({ id: dataset.id, version: dataset.version, action })}
      />
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
    </>
  );
}

/** Which revision the tables show: the current one unless an earlier one is chosen. */
function RevisionPicker({ dataset, value, onChange }: { dataset: DatasetDetailView; value: number; onChange: (revision: number) => void }): ReactElement | null {
  if (dataset.revisions.length < 2) return null;
  return (
    <FormField label={t('statistics.revisions.shown')} className="stat-revision">
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(Number(event.target.value))}>
          {[...dataset.revisions]
            .sort((a, b) => b.number - a.number)
            .map((revision) => (
              <option key={revision.number} value={revision.number}>
                {t(revision.number === dataset.currentRevision ? 'statistics.revisions.optionCurrent' : 'statistics.revisions.option', {
                  revision: revision.number,
                  date: formatDateTime(revision.createdAt),
                })}
              </option>
            ))}
        </select>
      )}
    </FormField>
  );
}

function DatasetBody({ dataset }: { dataset: DatasetDetailView }): ReactElement {
  const { search, onSearchChange } = useDatasetSearch(routeApi);
  // An earlier revision only when the dataset has it; the current one is asked without a number.
  const revision = dataset.revisions.some((entry) => entry.number === search.revision) && search.revision !== dataset.currentRevision ? search.revision : undefined;
  return (
    <>
      <PageHeader
        title={dataset.name}
        trail={[{ label: t('statistics.title'), to: '/estadisticas' }]}
        actions={dataset.abilities.publish && <PublicationButton dataset={dataset} />}
      />
      <p>
        <PublicBadge isPublic={dataset.isPublic} />
      </p>
      {dataset.currentRevision === 0 ? (
        <p>{t('statistics.noRevision')}</p>
      ) : (
        <>
          <RevisionPicker dataset={dataset} value={revision ?? dataset.currentRevision} onChange={(chosen) => onSearchChange({ revision: chosen === dataset.currentRevision ? undefined : chosen })} />
          <DatasetExplorer
            source="/statistics/datasets"
            dataset={dataset}
            hasPopulation={dataset.population !== null}
            canViewInternal={dataset.abilities.viewInternal}
            revision={revision}
            search={search}
            onSearchChange={onSearchChange}
          />
        </>
      )}
      <DatasetProvenance dataset={dataset} />
      <PageSection id="revisiones" title={t('statistics.revisions.title')}>
        <DatasetRevisions revisions={dataset.revisions} />
      </PageSection>
      {dataset.abilities.edit && (
        <PageSection id="ajustes" title={t('statistics.settings.title')}>
          <Disclosure summary={t('statistics.settings.edit')}>
            <DatasetSettingsForm dataset={dataset} />
          </Disclosure>
        </PageSection>
      )}
    </>
  );
}

/** A dataset inside the app: its cross-tabs (public or, for those allowed, internal), provenance, revisions and settings. */
export function DatasetPage(): ReactElement {
  const { datasetId } = routeApi.useParams();
  const query = useQuery(statisticsApi.detail(datasetId));
  return <QueryContent query={query}>{(dataset) => <DatasetBody key={dataset.id} dataset={dataset} />}</QueryContent>;
}
