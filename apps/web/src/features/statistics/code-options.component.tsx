import type { ReactElement } from 'react';
import { type DatasetDimension, groupFilterCodes } from './cross-tab-rows';

/**
 * A dimension's codes as a filter's options, a period's grouped by year, quarter and month (the
 * explorer's filters and the answer's data-table dialog).
 */
export function DimensionCodeOptions({ dimension }: { dimension: DatasetDimension }): ReactElement {
  return (
    <>
      {groupFilterCodes(dimension).map((group) => {
        const options = group.codes.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.label}
          </option>
        ));
        return group.label ? (
          <optgroup key={group.label} label={group.label}>
            {options}
          </optgroup>
        ) : (
          options
        );
      })}
    </>
  );
}
