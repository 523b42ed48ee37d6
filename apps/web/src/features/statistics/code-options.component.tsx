import type { ReactElement } from 'react';
import type { CodeGroup } from './cross-tab-rows';

/** A filter's options, one per code (the explorer's filters and the answer's data-table dialog). */
export function CodeOptions({ codes }: { codes: CodeGroup['codes'] }): ReactElement {
  return (
    <>
      {codes.map((entry) => (
        <option key={entry.code} value={entry.code}>
          {entry.label}
        </option>
      ))}
    </>
  );
}
