import { useQuery } from '@tanstack/react-query';
import type { AuditEntryView } from '@telar/domain';
import { historyQuery, type AuditedEntity } from '../../api/resources';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime } from '../../i18n/format';
import { hasMessage, t } from '../../i18n/translate';

/** Whether the record is archived now: its latest archive or restore says so (the views do not carry it). */
export function isArchivedByHistory(entries: readonly AuditEntryView[]): boolean {
  const latest = entries.find((entry) => entry.action === 'archive' || entry.action === 'restore');
  return latest?.action === 'archive';
}

function formatFieldName(field: string): string {
  const key = `history.field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/** A before or after value as a person reads it: dates in words, lists joined, blanks as a dash. */
function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('app.none');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (Array.isArray(value)) return value.length === 0 ? t('app.none') : value.map(formatChangeValue).join(', ');
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Actions whose name says it all: their recorded change is the new timestamp against a blank "before". */
const STATE_ACTIONS = new Set<AuditEntryView['action']>(['archive', 'restore', 'publish', 'unpublish']);

function HistoryEntry({ entry }: { entry: AuditEntryView }) {
  const changes = STATE_ACTIONS.has(entry.action) ? [] : Object.entries(entry.changes);
  return (
    <li className="history__entry">
      <p className="history__summary">
        <span className="history__action">{t(`history.action.${entry.action}`)}</span> ·{' '}
        <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time> · {entry.actor}
      </p>
      {changes.length > 0 && (
        <ul className="history__changes">
          {changes.map(([field, [before, after]]) => (
            <li key={field}>
              <span className="history__field">{formatFieldName(field)}:</span> {formatChangeValue(before)} → {formatChangeValue(after)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** «Historial»: who changed the record, when, how, and each changed field before → after. */
export function RecordHistory({ entity, id }: { entity: AuditedEntity; id: string }) {
  const query = useQuery(historyQuery(entity, id));
  return (
    <PageSection id="historial" title={t('history.title')}>
      <QueryContent query={query}>
        {(entries) =>
          entries.length === 0 ? (
            <p className="empty">{t('history.empty')}</p>
          ) : (
            <ol className="history">
              {entries.map((entry) => (
                <HistoryEntry key={entry.id} entry={entry} />
              ))}
            </ol>
          )
        }
      </QueryContent>
    </PageSection>
  );
}
