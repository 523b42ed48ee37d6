import type { ReactElement } from 'react';
import type { TableColumn } from '../../components/paginated-table.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { describeCoverage } from './network-coverage';

interface NetworkSummary {
  name: string;
  acronym: string | null;
  declaredMembers: number | null;
  members: number;
  states: number;
}

/** «Nombre (SIGLAS)», or the name alone. */
export const nameWithAcronym = (record: { name: string; acronym: string | null }): string => (record.acronym ? `${record.name} (${record.acronym})` : record.name);

/** The networks table of the app and of the portal: the same columns, the name linked where each page links. */
export function networkSummaryColumns<T extends NetworkSummary>(nameLink: (network: T) => ReactElement): TableColumn<T>[] {
  return [
    { header: t('networks.list.name'), isRowHeader: true, render: nameLink },
    { header: t('networks.size.declared'), className: 'numeric', render: (network) => (network.declaredMembers === null ? t('app.none') : formatNumber(network.declaredMembers)) },
    { header: t('networks.list.members'), className: 'numeric', render: (network) => formatNumber(network.members) },
    { header: t('networks.list.states'), className: 'numeric', render: (network) => formatNumber(network.states) },
    { header: t('networks.list.coverage'), render: describeCoverage },
  ];
}
