import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CrossTabView } from '@telar/domain';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { crossTabQuery, type CrossTabRequest, type StatisticsSource } from '../../api/statistics-resources';
import { DatasetExplorer, type ExplorableDataset } from './dataset-explorer.component';
import type { DatasetSearch } from './dataset-selection';

const dataset: ExplorableDataset = {
  id: 'd1',
  name: 'Víctimas de 0 a 17 años',
  disclosureThreshold: 5,
  measures: [{ code: 'victims', label: 'Víctimas', unit: 'persons', scale: 1, isPersonCount: true }],
  dimensions: [
    {
      code: 'state',
      label: 'Entidad',
      kind: 'state',
      levels: [],
      codes: [
        { code: 'MX-AGU', label: 'Aguascalientes' },
        { code: 'MX-COL', label: 'Colima' },
      ],
    },
    { code: 'crime_type', label: 'Delito', kind: 'category', levels: [], codes: [{ code: 'Secuestro', label: 'Secuestro' }] },
  ],
};

const table: CrossTabView = {
  dataset: { id: 'd1', name: dataset.name },
  revision: 1,
  measure: 'victims',
  kind: 'count',
  view: 'public',
  disclosureThreshold: 5,
  dimensions: ['state'],
  where: {},
  labels: { state: { 'MX-AGU': 'Aguascalientes', 'MX-COL': 'Colima' } },
  cells: [
    { key: { state: 'MX-AGU' }, value: null, flag: 'suppressed' },
    { key: { state: 'MX-COL' }, value: 17, flag: null },
  ],
  margins: [{ key: {}, value: null, flag: 'suppressed' }],
  suppressedCells: 2,
};

/** The explorer as first drawn, with the default query's answer already in the cache. */
function render(source: StatisticsSource, props: { hasPopulation: boolean; canViewInternal?: boolean; search?: DatasetSearch }, request: Partial<CrossTabRequest> = {}): string {
  const client = new QueryClient();
  const asked: CrossTabRequest = { by: ['state'], where: {}, measure: 'victims', kind: 'count', view: 'public', ...request };
  client.setQueryData(crossTabQuery(source, 'd1', asked).queryKey, table);
  const explorer = createElement(DatasetExplorer, { source, dataset, search: {}, onSearchChange: () => undefined, ...props });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, explorer));
}

/** The «Tasa» radio button's tag. */
const rateInput = (html: string) => html.match(/<input[^>]*value="rate"[^>]*>/)?.[0] ?? '';

describe('the dataset view', () => {
  it('opens on the map by state with its table, says it is the public view, and never shows a suppressed number', () => {
    const html = render('/public/datasets', { hasPopulation: true });
    expect(html).toContain('Vista pública: cifras de 1 a 4 suprimidas');
    expect(html).toContain('mexico-map__state--suppressed');
    expect(html).toContain('<title>Baja California: sin datos</title>');
    expect(html).toContain('<caption>Víctimas por Entidad</caption>');
    expect(html).toMatch(/Aguascalientes<\/th><td class="numeric stat-cell--suppressed">Confidencial/);
    expect(html).toContain('Descargar SDMX-CSV');
    expect(html).not.toContain('Vista interna');
  });

  it('offers the internal view only when allowed, and a rate only with a population', () => {
    const internal = render('/statistics/datasets', { hasPopulation: false, canViewInternal: true });
    expect(internal).toContain('Vista interna');
    expect(rateInput(internal)).toContain('disabled');
    const portal = render('/public/datasets', { hasPopulation: true });
    expect(rateInput(portal)).not.toContain('disabled');
  });

  it('reads its choices from the address: the filter shown chosen, the rate checked, the downloads with them', () => {
    const search: DatasetSearch = { cifra: 'rate', filtro: ['crime_type:Secuestro'] };
    const html = render('/public/datasets', { hasPopulation: true, search }, { kind: 'rate', where: { crime_type: ['Secuestro'] } });
    expect(html).toContain('<option value="Secuestro" selected="">Secuestro</option>');
    expect(rateInput(html)).toContain('checked');
    expect(html).toContain('download?by=state&amp;where=crime_type%3ASecuestro&amp;measure=victims&amp;kind=rate&amp;format=csv');
  });
});
