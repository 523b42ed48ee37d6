import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PermissionGate } from '../auth/permission-gate.component';
import type { Permissions } from '../auth/permissions';
import { PageHeader } from './page-header.component';
import { QueryContent } from './query-content.component';

interface EditPageProps<T> {
  /** The record as the server has it now (a resource's `detailForEdit`). */
  query: UseQueryResult<T>;
  title: string;
  /** The record's name above the title, so the page says what is being edited. */
  getEyebrow: (record: T) => string;
  /** Whether the signed-in person may edit this record. */
  canEdit: (permissions: Permissions, record: T) => boolean;
  /** The edit form. */
  children: (record: T) => ReactNode;
}

/** A page that edits one record: its header and form once the record has loaded. */
export function EditPage<T>({ query, title, getEyebrow, canEdit, children }: EditPageProps<T>) {
  return (
    <QueryContent query={query}>
      {(record) => (
        <>
          <PageHeader title={title} eyebrow={getEyebrow(record)} />
          <PermissionGate isAllowed={(permissions) => canEdit(permissions, record)}>{children(record)}</PermissionGate>
        </>
      )}
    </QueryContent>
  );
}
