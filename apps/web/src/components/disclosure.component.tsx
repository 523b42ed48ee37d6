import { useState, type ReactNode } from 'react';

interface DisclosureProps {
  summary: string;
  children: ReactNode;
}

/**
 * A native <details> (keyboard and screen-reader support built in) whose content mounts only while
 * open: a page with many records keeps one form per open disclosure, and each opening starts afresh.
 */
export function Disclosure({ summary, children }: DisclosureProps) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details className="disclosure" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className="disclosure__summary">{summary}</summary>
      {isOpen && <div className="disclosure__content">{children}</div>}
    </details>
  );
}
