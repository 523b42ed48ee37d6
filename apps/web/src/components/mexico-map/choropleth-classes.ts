/** Colour classes of a choropleth map: quantiles of the values above zero, zero (or no data) apart. */

export const CHOROPLETH_CLASS_COUNT = 5;

/** One colour class: its CSS modifier (1 lightest … 5 darkest) and the values it covers. */
export interface ChoroplethClass {
  shade: number;
  min: number;
  max: number;
  count: number;
}

export interface ChoroplethScale {
  classes: ChoroplethClass[];
  /** Shade of a value: 0 for zero or no data, else 1…5. */
  getShade: (value: number | undefined) => number;
}

/**
 * Splits the values above zero into up to five quantile classes. Equal values always share a class,
 * so fewer distinct values give fewer classes; those are spread over the palette (light to dark) so
 * two classes are still told apart at a glance.
 */
export function buildChoroplethScale(values: Iterable<number>): ChoroplethScale {
  const sorted = [...values].filter((value) => Number.isFinite(value) && value > 0).sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const classCount = Math.min(CHOROPLETH_CLASS_COUNT, distinct);
  // Upper bound of each class, taken at the quantiles of the sorted values; repeated bounds merge.
  const uppers: number[] = [];
  for (let k = 1; k <= classCount; k++) {
    const upper = sorted[Math.ceil((sorted.length * k) / classCount) - 1]!;
    if (uppers.at(-1) !== upper) uppers.push(upper);
  }
  const shadeOf = (index: number) =>
    uppers.length === 1 ? CHOROPLETH_CLASS_COUNT : 1 + Math.round((index * (CHOROPLETH_CLASS_COUNT - 1)) / (uppers.length - 1));
  const indexOf = (value: number) => {
    const index = uppers.findIndex((upper) => value <= upper);
    return index === -1 ? uppers.length - 1 : index;
  };
  const classes: ChoroplethClass[] = uppers.map((upper, index) => ({ shade: shadeOf(index), min: upper, max: upper, count: 0 }));
  for (const value of sorted) {
    const entry = classes[indexOf(value)]!;
    if (entry.count === 0 || value < entry.min) entry.min = value;
    entry.count++;
  }
  return {
    classes,
    getShade: (value) => (value === undefined || !Number.isFinite(value) || value <= 0 || uppers.length === 0 ? 0 : shadeOf(indexOf(value))),
  };
}
