import { Link } from '@tanstack/react-router';
import type { OrganizationRef } from '@telar/domain';
import { formatRefName } from '../i18n/format';

/** Organisations in a line, each a link to its page. */
export function OrganizationLinks({ organizations }: { organizations: readonly OrganizationRef[] }) {
  return (
    <>
      {organizations.map((organization, index) => (
        <span key={organization.id}>
          {index > 0 && '; '}
          <Link to="/organizaciones/$organizationId" params={{ organizationId: organization.id }}>
            {formatRefName(organization)}
          </Link>
        </span>
      ))}
    </>
  );
}
