import type { RoleGrantView } from '@telar/domain';
import { formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** "Secretaría técnica de Comisión de Primera Infancia (COPI)", "Enlace de UNICEF", "Administración". */
export function describeGrant(grant: RoleGrantView): string {
  if (grant.role === 'secretariat' && grant.body) return t('users.grant.secretariat', { scope: formatRefName(grant.body) });
  if (grant.role === 'enlace' && grant.organization) return t('users.grant.enlace', { scope: grant.organization.acronym ?? grant.organization.name });
  return t(`role.${grant.role}`);
}

/** Values of the account-list status filter, as they appear in the address. */
export const ACCOUNT_STATES = ['activas', 'desactivadas'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
