import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { SEARCH_TYPES, type SearchFacetView, type SearchResultView, type SearchType } from '@telar/domain';
import type { ReactElement } from 'react';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';
import { searchQuery } from './search-resources';
import '../../styles/search.css';

const routeApi = getRouteApi('/_internal/buscar');

const facetLabel = ({ type, count, isCapped }: SearchFacetView) =>
  t(isCapped ? 'search.facetCountCapped' : 'search.facetCount', { label: t(`search.facet.${type}`), count: formatNumber(count) });

/** The type filters: links, so each filter has its address and the keyboard reaches it like any link. */
function Facets({ result, type }: { result: SearchResultView; type: SearchType | undefined }) {
  const total = result.facets.reduce((sum, facet) => sum + facet.count, 0);
  return (
    <nav className="search-facets" aria-label={t('search.facets')}>
      <ul>
        <li>
          <Link to="/buscar" search={{ q: result.q }} aria-current={type ? undefined : 'page'}>
            {t('search.facetCount', { label: t('search.allTypes'), count: formatNumber(total) })}
          </Link>
        </li>
        {result.facets
          .filter((facet) => facet.count > 0)
          .map((facet) => (
            <li key={facet.type}>
              <Link to="/buscar" search={{ q: result.q, type: facet.type }} aria-current={facet.type === type ? 'page' : undefined}>
                {facetLabel(facet)}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Results({ result }: { result: SearchResultView }) {
  if (!result.items.length) return <p>{t('search.none')}</p>;
  return (
    <ol className="search-results" aria-label={t('search.results')}>
      {result.items.map((item) => (
        <li key={`${item.type}:${item.id}`} className="search-result">
          <p className="search-result__type">{t(`search.type.${item.type}`)}</p>
          <Link to={item.url} className="search-result__title">
            {item.title}
          </Link>
          {item.snippet && <p className="search-result__snippet">{item.snippet}</p>}
        </li>
      ))}
    </ol>
  );
}

/** /buscar?q=…&type=…: results of the general search, most pertinent first, with a filter per type. */
export function SearchResultsPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const q = search.q ?? '';
  const type = readChoice(search.type, SEARCH_TYPES);
  const query = useQuery(searchQuery(q, type));
  return (
    <>
      <PageHeader title={q ? t('search.resultsFor', { q }) : t('search.title')} />
      <div className="filters" role="search" aria-label={t('search.pageLabel')}>
        <SearchBox label={t('search.words')} value={q} onSearch={(next) => void navigate({ search: { q: next || undefined, type }, replace: true })} />
      </div>
      {q ? (
        <QueryContent query={query}>
          {(result) => (
            <div className="search-layout">
              <Facets result={result} type={type} />
              <Results result={result} />
            </div>
          )}
        </QueryContent>
      ) : (
        <p>{t('search.hint')}</p>
      )}
    </>
  );
}
