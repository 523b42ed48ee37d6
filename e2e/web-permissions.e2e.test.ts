import type { RoleGrant } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { collectBodyAncestry, createPermissions } from '../apps/web/src/auth/permissions.js';

// The web app's permission rules are pure functions; they run here because the unit project
// only covers packages/ and the server. The browser specs check the same rules on real pages.

const bodies = [
  { id: 'sipinna', parentId: null },
  { id: 'comse', parentId: 'sipinna' },
  { id: 'grupo', parentId: 'comse' },
  { id: 'copi', parentId: 'sipinna' },
];
const grant = (role: RoleGrant['role'], scope: Partial<RoleGrant> = {}): RoleGrant => ({ role, bodyId: null, organizationId: null, ...scope });

describe('collectBodyAncestry', () => {
  it('walks up to the top body and stops on a loop in bad data', () => {
    expect(collectBodyAncestry(bodies, 'grupo')).toEqual(['grupo', 'comse', 'sipinna']);
    expect(collectBodyAncestry([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }], 'a')).toEqual(['a', 'b']);
    expect(collectBodyAncestry(bodies, 'desconocido')).toEqual(['desconocido']);
  });
});

describe('createPermissions', () => {
  it('lets a secretariat manage its body and the bodies under it, nothing above or beside', () => {
    const permissions = createPermissions([grant('secretariat', { bodyId: 'comse' })], bodies);
    expect(['comse', 'grupo', 'sipinna', 'copi'].map(permissions.canManageBody)).toEqual([true, true, false, false]);
    expect(permissions.canCreateBody('comse')).toBe(true);
    expect(permissions.canCreateBody(null)).toBe(false);
    expect(permissions.canCreateOrganization).toBe(true);
    expect(permissions.canEditOrganization('unicef')).toBe(false);
    expect(permissions.canManageAccounts).toBe(false);
  });

  it('lets an enlace edit its organisation and report the follow-up it is responsible for', () => {
    const permissions = createPermissions([grant('enlace', { organizationId: 'unicef' })], bodies);
    expect(permissions.canManageBody('comse')).toBe(false);
    expect(permissions.canReportFollowUp('comse', ['sep', 'unicef'])).toBe(true);
    expect(permissions.canReportFollowUp('comse', ['sep'])).toBe(false);
    expect(permissions.canAddFocalPoint('comse', 'unicef')).toBe(true);
    expect(permissions.canEditOrganization('unicef')).toBe(true);
    expect(permissions.canCreateOrganization).toBe(false);
    expect(permissions.managesAnyBody).toBe(false);
  });

  it('gives a reader nothing to write and an administrator everything', () => {
    const readerPermissions = createPermissions([grant('reader')], bodies);
    expect(readerPermissions.canReportFollowUp('comse', ['unicef'])).toBe(false);
    expect(readerPermissions.canAddFocalPoint('comse', 'unicef')).toBe(false);
    expect(readerPermissions.canCreateOrganization || readerPermissions.managesAnyBody || readerPermissions.canEditOrganization('unicef')).toBe(false);

    const admin = createPermissions([grant('admin')], bodies);
    expect(admin.canManageBody('copi')).toBe(true);
    expect(admin.canCreateBody(null)).toBe(true);
    expect(admin.canArchiveOrganization).toBe(true);
    expect(admin.canManageAccounts).toBe(true);
  });
});
