import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AbilityGate } from '../auth/ability-gate.component';
import { PageHeader } from './page-header.component';
import { QueryContent } from './query-content.component';

interface EditPageProps<T extends { abilities: { edit: boolean } }> {
  /** The record as the server has it now (a resource's `detailForEdit`), with what the person may do with it. */
  query: UseQueryResult<T>;
  title: string;
  /** The record's name above the title, so the page says what is being edited. */
  getEyebrow: (record: T) => string;
  /** The edit form. */
  children: (record: T) => ReactNode;
}

/** A page that edits one record: its header and form once the record has loaded, if the server says the person may edit it. */
export function EditPage<T extends { abilities: { edit: boolean } }>({ query, title, getEyebrow, children }: EditPageProps<T>) {
  return (
    <QueryContent query={query}>
      {(record) => (
        <>
          <PageHeader title={title} eyebrow={getEyebrow(record)} />
          <AbilityGate isAllowed={record.abilities.edit}>{children(record)}</AbilityGate>
        </>
      )}
    </QueryContent>
  );
}
