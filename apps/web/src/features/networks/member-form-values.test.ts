import type { NetworkMemberCreateInput } from '@telar/domain';
import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { blankMember, resolveMemberForm } from './member-form-values';

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<NetworkMemberCreateInput>;
const ORGANIZATION_ID = '0b6f2a8e-5c1d-4f7a-9e3b-2d4c6a8b0e1f';

describe('the add member form', () => {
  it('takes an organisation chosen from the directory and drops the blank written one', async () => {
    const result = await resolveMemberForm({ ...blankMember(), organizationId: ORGANIZATION_ID, stateCode: 'MX-OAX' }, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ organizationId: ORGANIZATION_ID, organization: null, stateCode: 'MX-OAX', joinedOn: null, contactEmail: null });
  });

  it('takes an organisation written by hand', async () => {
    const result = await resolveMemberForm({ ...blankMember(), organization: { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM' } }, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ organizationId: null, organization: { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM' } });
  });

  it('asks for an organisation, on the picker, when none is chosen or written', async () => {
    const result = await resolveMemberForm(blankMember(), undefined, options);
    expect(result.errors.organizationId?.message).toBe('Elija una organización del directorio o escriba su nombre.');
  });

  it('refuses a leaving date before the joining date, on the leaving date', async () => {
    const result = await resolveMemberForm({ ...blankMember(), organizationId: ORGANIZATION_ID, joinedOn: '2026-05-01', leftOn: '2026-01-01' }, undefined, options);
    expect(result.errors.leftOn?.message).toBe('La fecha de baja es anterior a la de ingreso.');
  });
});
