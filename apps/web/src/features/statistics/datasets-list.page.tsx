import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { statisticsApi } from '../../api/statistics-resources';
import { useMeAbilities } from '../../auth/me.hook';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { DatasetsTable } from './datasets-table.component';

/** «Estadísticas»: every dataset, and the way to import one for those who may. */
export function DatasetsListPage(): ReactElement {
  const abilities = useMeAbilities();
  const query = useQuery(statisticsApi.list);
  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        actions={
          abilities?.manageAnyBody && (
            <Link to="/estadisticas/importar" className="button button--primary">
              {t('statistics.import.action')}
            </Link>
          )
        }
      />
      <p className="lead">{t('statistics.intro')}</p>
      <QueryContent query={query}>{(datasets) => <DatasetsTable datasets={datasets} />}</QueryContent>
    </>
  );
}
