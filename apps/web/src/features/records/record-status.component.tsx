import { useQuery } from '@tanstack/react-query';
import { describeApiError } from '../../api/api-error.util';
import { historyQuery, useApiMutation, type AuditedEntity, type LifecycleAction } from '../../api/resources';
import { ConfirmButton } from '../../components/confirm-button.component';
import { FormAlert } from '../../components/form-alert.component';
import { PublicationBadge } from '../../components/publication-badge.component';
import { t } from '../../i18n/translate';
import { isArchivedByHistory } from './record-history.component';

interface RecordStatusProps {
  entity: AuditedEntity;
  /** `publishedAt` only for records that can be published; `abilities` as the server answered them for this person. */
  record: { id: string; version: number; publishedAt?: string | null; abilities: { archive: boolean; publish?: boolean } };
  changeLifecycle: (input: { id: string; version: number; action: LifecycleAction }) => Promise<unknown>;
}

/**
 * Where a record stands (draft or published, archived) and the buttons that change it, for those who
 * may. Publishing and withdrawing ask for confirmation, since the public sees them; archiving does
 * not: it is undone with «Restaurar», and nothing is deleted.
 */
export function RecordStatus({ entity, record, changeLifecycle }: RecordStatusProps) {
  const history = useQuery(historyQuery(entity, record.id));
  const isArchived = isArchivedByHistory(history.data ?? []);
  const mutation = useApiMutation(changeLifecycle);
  const isPublishable = record.publishedAt !== undefined;
  const act = (action: LifecycleAction) => mutation.mutate({ id: record.id, version: record.version, action });
  return (
    <div className="record-status">
      <p className="record-status__badges" aria-live="polite">
        {isPublishable && <PublicationBadge publishedAt={record.publishedAt ?? null} />}
        {isArchived && <span className="badge badge--archived">{t('lifecycle.archived')}</span>}
      </p>
      <div className="record-status__actions">
        {isPublishable && record.abilities.publish && (
          <ConfirmButton
            label={record.publishedAt ? t('lifecycle.unpublish') : t('lifecycle.publish')}
            title={record.publishedAt ? t('lifecycle.unpublishConfirmTitle') : t('lifecycle.publishConfirmTitle')}
            message={record.publishedAt ? t('lifecycle.unpublishConfirm') : t('lifecycle.publishConfirm')}
            disabled={mutation.isPending}
            onConfirm={() => act(record.publishedAt ? 'unpublish' : 'publish')}
          />
        )}
        {record.abilities.archive && history.isSuccess && (
          <button type="button" className="button" disabled={mutation.isPending} onClick={() => act(isArchived ? 'restore' : 'archive')}>
            {isArchived ? t('lifecycle.restore') : t('lifecycle.archive')}
          </button>
        )}
      </div>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
    </div>
  );
}
