import { useQuery } from '@tanstack/react-query';
import type { AuditEntryView } from '@telar/domain';
import { historyQuery, type AuditedEntity } from '../../api/resources';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';

/** Whether the record is archived now: its latest archive or restore says so (the views do not carry it). */
export function isArchivedByHistory(entries: readonly AuditEntryView[]): boolean {
  const latest = entries.find((entry) => entry.action === 'archive' || entry.action === 'restore');
  return latest?.action === 'archive';
}

/** Actions whose name says it all: their recorded change is the new timestamp against a blank "before". */
const STATE_ACTIONS = new Set<AuditEntryView['action']>(['archive', 'restore', 'publish', 'unpublish']);

function HistoryEntry({ entry }: { entry: AuditEntryView }) {
  const changes = STATE_ACTIONS.has(entry.action) ? [] : entry.shown.fields;
  return (
    <li className="history__entry">
      <p className="history__summary">
        <span className="history__action">{entry.shown.action}</span> · <time dateTime={entry.at}>{entry.shown.at}</time> ·{' '}
        {entry.shown.who}
      </p>
      {changes.length > 0 && (
        <ul className="history__changes">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="history__field">{change.label}:</span> {change.before} → {change.after}
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
            <>
              <ol className="history">
                {entries.map((entry) => (
                  <HistoryEntry key={entry.id} entry={entry} />
                ))}
              </ol>
              <p>
                <a href={`/api/history/${entity}/${encodeURIComponent(id)}/csv`} download>
                  {t('history.download')}
                </a>
              </p>
            </>
          )
        }
      </QueryContent>
    </PageSection>
  );
}
