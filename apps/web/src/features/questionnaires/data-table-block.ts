/**
 * A dataset's cross-tab written into an answer as a table block, and the query that asks for it. The
 * block is a snapshot: the answer is a document that is sent, so it keeps the figures of the day they
 * were consulted, with the source, revision and date in its caption.
 */
import { blockToMarkup, FLAG_NAMES_ES, type Block, type CrossTabView, type DatasetDetailView } from '@telar/domain';
import type { CrossTabRequest } from '../../api/statistics-resources';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { buildCrossTabRows, formatStatCell, hasFlagMark, type ByChoice, type StatRow } from '../statistics/cross-tab-rows';
import { readSelection, type DatasetSearch } from '../statistics/dataset-selection';

export type TableBlock = Extract<Block, { type: 'table' }>;

export type EmbeddableDataset = Pick<DatasetDetailView, 'name' | 'publisher' | 'dimensions' | 'measures' | 'population'>;

/** The dialog's choices: the explorer's address parameters, plus an optional second «Ver por». */
export interface DataTableChoices extends Pick<DatasetSearch, 'por' | 'cifra' | 'medida' | 'filtro'> {
  por2?: string;
}

export interface DataTableQuery {
  choices: ByChoice[];
  /** The «Ver por» dimensions asked, one or two, distinct. */
  by: ByChoice[];
  measureLabel: string | undefined;
  isRateAvailable: boolean;
  where: Record<string, string[]>;
  request: CrossTabRequest;
}

/**
 * What the dialog asks for. Always the public view: the answer is sent outside the institution, so
 * small counts stay suppressed even for people allowed to see the internal figures.
 */
export function readDataTableQuery(choices: DataTableChoices, dataset: EmbeddableDataset): DataTableQuery {
  const selection = readSelection(choices, { ...dataset, hasPopulation: dataset.population !== null, canViewInternal: false });
  const second = selection.choices.find((choice) => choice.value === choices.por2 && choice.value !== selection.by?.value);
  const by = [selection.by, second].filter((choice): choice is ByChoice => choice !== undefined);
  return {
    choices: selection.choices,
    by,
    measureLabel: selection.measure?.label,
    isRateAvailable: selection.isRateAvailable,
    where: selection.where,
    request: { by: by.map((choice) => choice.value), where: selection.where, measure: selection.measure?.code, kind: selection.kind, view: 'public' },
  };
}

/** A cell as the explorer's table shows it, with a flag's Spanish name beside a number. */
function cellText(cell: Pick<StatRow, 'value' | 'flag'>, kind: CrossTabView['kind']): string {
  const text = formatStatCell(cell, kind);
  return hasFlagMark(cell) ? `${text} (${FLAG_NAMES_ES[cell.flag!]})` : text;
}

export interface DataTableSource {
  dataset: Pick<EmbeddableDataset, 'name' | 'publisher'>;
  by: readonly ByChoice[];
  /** The measure's label (the view's code when it has none). */
  measureLabel: string | undefined;
  consultedAt: Date;
}

/** The cross-tab as a table block: a column per «Ver por» dimension and the measure; the total last; the source in the caption. */
export function crossTabToTableBlock(view: CrossTabView, { dataset, by, measureLabel, consultedAt }: DataTableSource): TableBlock {
  const { rows, total } = buildCrossTabRows(view, by);
  const measure = measureLabel ?? view.measure;
  const valueHeader = view.kind === 'rate' ? t('statistics.rateOf', { measure }) : measure;
  const totalRow = total ? [[t('statistics.table.total'), ...by.slice(1).map(() => ''), cellText(total, view.kind)]] : [];
  const source = {
    dataset: dataset.name,
    revision: view.revision,
    date: formatDate(consultedAt.toISOString()),
    max: formatNumber(view.disclosureThreshold - 1),
  };
  return {
    type: 'table',
    caption: dataset.publisher ? t('questionnaires.dataTable.caption', { ...source, publisher: dataset.publisher }) : t('questionnaires.dataTable.captionNoPublisher', source),
    header: [...by.map((choice) => choice.label), valueHeader],
    rows: [...rows.map((row) => [...row.labels, cellText(row, view.kind)]), ...totalRow],
  };
}

/** The answer's markup with a block's markup added at the end, as its own chunk (a caption must open one). */
export function appendBlockMarkup(markup: string, block: Block): string {
  const text = markup.trimEnd();
  return `${text}${text ? '\n\n' : ''}${blockToMarkup(block)}\n`;
}
