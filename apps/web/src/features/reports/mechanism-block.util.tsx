import type { MechanismBlock } from '@telar/domain';
import type { ReactNode } from 'react';
import { EvidenceLinks } from '../../components/evidence-links.component';
import { formatSessionLine } from '../../i18n/format';
import { t, type MessageKey } from '../../i18n/translate';

export interface BlockField {
  label: MessageKey;
  render: (block: MechanismBlock) => ReactNode;
}

const NOT_APPLICABLE = () => t('reports.notApplicable');

/** The six rows of each block of the participation-mechanism report, in the document's order. */
export const MECHANISM_BLOCK_FIELDS: readonly BlockField[] = [
  { label: 'reports.field.participant', render: (block) => block.participants.join('; ') },
  { label: 'reports.field.session', render: (block) => formatSessionLine(block.session) },
  { label: 'reports.field.description', render: (block) => block.description },
  {
    label: 'reports.field.agreement',
    render: (block) =>
      block.agreements.length === 0
        ? NOT_APPLICABLE()
        : block.agreements.map((agreement) => (agreement.code ? `${agreement.code}: ${agreement.text}` : agreement.text)).join(' '),
  },
  { label: 'reports.field.followUp', render: (block) => block.followUp?.text || NOT_APPLICABLE() },
  {
    label: 'reports.field.evidence',
    render: (block) => (block.evidence.length === 0 ? NOT_APPLICABLE() : <EvidenceLinks evidence={block.evidence} separator="; " />),
  },
];
