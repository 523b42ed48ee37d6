import type { ReactElement } from 'react';
import { type DatasetDimension, groupFilterCodes } from './cross-tab-rows';

/** One option per entry (a dimension's codes, a dataset's measures), its code as the value. */
export function CodeLabelOptions({ entries }: { entries: readonly { code: string; label: string }[] }): ReactElement {
  return (
    <>
      {entries.map((entry) => (
        <option key={entry.code} value={entry.code}>
          {entry.label}
        </option>
      ))}
    </>
  );
}

/**
 * A dimension's codes as a filter's options, a period's grouped by year, quarter and month (the
 * explorer's filters and the answer's data-table dialog).
 */
export function DimensionCodeOptions({ dimension }: { dimension: DatasetDimension }): ReactElement {
  return (
    <>
      {groupFilterCodes(dimension).map((group) =>
        group.label ? (
          <optgroup key={group.label} label={group.label}>
            <CodeLabelOptions entries={group.codes} />
          </optgroup>
        ) : (
          <CodeLabelOptions key="" entries={group.codes} />
        ),
      )}
    </>
  );
}
