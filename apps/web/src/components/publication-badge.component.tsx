import { formatDate } from '../i18n/format';
import { t } from '../i18n/translate';
import type { TableColumn } from './paginated-table.component';

interface PublicationBadgeProps {
  publishedAt: string | null;
  /** In a table row the word is enough; the date is on the record's page. */
  isCompact?: boolean;
}

/** «Borrador» until a record is published, then «Publicado» with the day it was. */
export function PublicationBadge({ publishedAt, isCompact }: PublicationBadgeProps) {
  if (!publishedAt) return <span className="badge badge--draft">{t('publication.draft')}</span>;
  return (
    <span className="badge badge--published">
      {t('publication.published')}
      {!isCompact && (
        <>
          {' '}
          <time dateTime={new Date(publishedAt).toISOString()}>{formatDate(publishedAt)}</time>
        </>
      )}
    </span>
  );
}

/** The internal tables end with whether each row is published; the portal's rows all are. */
export function withPublicationColumn<T extends { publishedAt: string | null }>(columns: TableColumn<T>[]): TableColumn<T>[] {
  return [...columns, { header: t('publication.label'), render: (row) => <PublicationBadge publishedAt={row.publishedAt} isCompact /> }];
}
