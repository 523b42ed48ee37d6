import type { ReactNode } from 'react';

interface PageSectionProps {
  /** The heading's id, which also names the section for assistive technology. */
  id: string;
  title: string;
  /** A boxed section, for forms under the record they add to. */
  isPanel?: boolean;
  children: ReactNode;
}

/** A section of a detail page, named by its h2. */
export function PageSection({ id, title, isPanel, children }: PageSectionProps) {
  return (
    <section aria-labelledby={id} className={isPanel ? 'panel' : undefined}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
