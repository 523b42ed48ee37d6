import type { ReactElement, ReactNode } from 'react';

/**
 * A table that may be wider than the page scrolls sideways inside this box; the box takes the keyboard
 * focus (and is named) so that someone without a mouse can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
