import type { AgreementStatus } from '@telar/domain';
import { t } from '../i18n/translate';

// The domain's AGREEMENT_STATUSES sits beside its zod schemas; the portal keeps zod out of its
// pages, so it lists the statuses here. A Record makes a status added to the domain a compile error.
const STATUS_POSITIONS: Record<AgreementStatus, number> = { pending: 0, in_progress: 1, fulfilled: 2, cancelled: 3 };

/** Agreement statuses in the order people go through them, without loading the domain's schemas. */
export const AGREEMENT_STATUS_CHOICES = Object.keys(STATUS_POSITIONS) as AgreementStatus[];

/** Agreement status as a coloured label; the text carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: AgreementStatus }) {
  return <span className={`badge badge--${status}`}>{t(`agreementStatus.${status}`)}</span>;
}
