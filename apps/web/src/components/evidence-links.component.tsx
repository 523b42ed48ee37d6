import type { EvidenceRef } from '@telar/domain';

/** One piece of evidence: a link when it has an address (a web page or a stored file), else its title. */
export function EvidenceLink({ evidence }: { evidence: EvidenceRef }) {
  if (!evidence.url) return <>{evidence.title}</>;
  return (
    <a href={evidence.url} rel="noopener noreferrer" target="_blank">
      {evidence.title}
    </a>
  );
}

interface EvidenceLinksProps {
  evidence: readonly EvidenceRef[];
  separator: string;
}

/** Several pieces of evidence in a line. */
export function EvidenceLinks({ evidence, separator }: EvidenceLinksProps) {
  return (
    <>
      {evidence.map((item, index) => (
        // Evidence in a report has no id and titles may repeat, so the position is part of the key.
        <span key={`${index}-${item.url ?? item.title}`}>
          {index > 0 && separator}
          <EvidenceLink evidence={item} />
        </span>
      ))}
    </>
  );
}
