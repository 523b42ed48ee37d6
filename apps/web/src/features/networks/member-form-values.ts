import { zodResolver } from '@hookform/resolvers/zod';
import { NetworkMemberCreateSchema, type NetworkMemberCreateInput } from '@telar/domain';
import { dropBlankGroups } from '../../components/form-values.util';

const resolveMember = zodResolver(NetworkMemberCreateSchema);

/** An organisation written by hand is optional: its blank name and acronym mean "chosen from the directory instead". */
export const resolveMemberForm: typeof resolveMember = (values, context, options) => resolveMember(dropBlankGroups(values, ['organization']), context, options);

/** The add form's values when it opens: nothing chosen, nothing written, civil society (what most network members are). */
export const blankMember = (): NetworkMemberCreateInput => ({
  organizationId: null,
  organization: { name: '', acronym: '' },
  stateCode: null,
  sector: 'civil_society',
  joinedOn: '',
  leftOn: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  source: '',
});
