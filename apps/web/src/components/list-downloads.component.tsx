import { LIST_EXPORT_CAP } from '@telar/domain';
import type { ReactElement } from 'react';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/translate';

interface ListDownloadsProps {
  /** The download's address in a format, carrying the list's current filters. */
  exportUrl: (format: 'xlsx' | 'csv') => string;
  /** How many records the list has under its filters, once known (said when the download cannot hold them all). */
  total?: number;
}

/** «Descargar Excel» and «Descargar CSV» of the whole filtered list, every page of it. */
export function ListDownloads({ exportUrl, total }: ListDownloadsProps): ReactElement {
  return (
    <>
      <a className="button" href={exportUrl('xlsx')} download>
        {t('table.downloadXlsx')}
      </a>
      <a className="button" href={exportUrl('csv')} download>
        {t('table.downloadCsv')}
      </a>
      {total !== undefined && total > LIST_EXPORT_CAP && <p className="list-downloads__note">{t('table.downloadCapped', { cap: formatNumber(LIST_EXPORT_CAP) })}</p>}
    </>
  );
}
