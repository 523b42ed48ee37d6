import type { AgreementStatus } from '@telar/domain';
import { t } from '../i18n/translate';

/** Agreement status as a coloured label; the text carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: AgreementStatus }) {
  return <span className={`badge badge--${status}`}>{t(`agreementStatus.${status}`)}</span>;
}
