import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeApiError } from '../api/api-error.util';
import { t } from '../i18n/translate';

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}

/** Renders a query's data, or a loading line, or its error with a retry button. */
export function QueryContent<T>({ query, children }: QueryContentProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{describeApiError(query.error)}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return <LoadingLine />;
}

export function LoadingLine() {
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
