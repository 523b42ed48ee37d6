import { Link } from '@tanstack/react-router';
import { t } from '../i18n/translate';

/** Agreements linked by their code, separated by semicolons. */
export function AgreementCodeLinks({ agreements }: { agreements: readonly { id: string; code: string | null }[] }) {
  return agreements.map((agreement, index) => (
    <span key={agreement.id}>
      {index > 0 && '; '}
      <Link to="/acuerdos/$agreementId" params={{ agreementId: agreement.id }}>
        {agreement.code ?? t('plans.agreementUntitled')}
      </Link>
    </span>
  ));
}
