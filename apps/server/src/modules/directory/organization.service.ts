import {
  ORGANIZATION_STATE_MESSAGE,
  OrganizationCreateSchema,
  type OrganizationDetailView,
  type OrganizationLevel,
  organizationNeedsState,
  type OrganizationUpdateSchema,
  parseOrganizationName,
  LIST_EXPORT_CAP,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canEditOrganization, isAdmin, requireAdmin, requireAnySecretariat, requireOrganizationEditor, requireSignedIn } from '../../platform/auth/policy.js';
import { organizations } from './directory.tables.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { findOrganizationAncestorIds } from '../../platform/auth/scope.repository.js';
import {
  findOrganization,
  findOrganizationByIdentity,
  findOrganizationView,
  insertOrganization,
  listOrganizations,
  type OrganizationFilter,
  updateOrganization,
} from './organization.repository.js';
import { listAgreements } from '../sessions/index.js';
import { listParticipationsOfOrganization } from '../sessions/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import { renderListFile } from '../../platform/documents/table-file.js';
import { ORGANIZATION_EXPORT_COLUMNS, toOrganizationExportRow } from './organization-files.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';

type CreateData = z.output<typeof OrganizationCreateSchema>;
type UpdateData = z.output<typeof OrganizationUpdateSchema>;

export function createOrganizationService(db: Database, actor: Actor) {
  const lifecycle = createLifecycle(db, actor, { entity: 'organization', table: organizations, authorize: async () => requireAdmin(actor) });
  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,

    async list(filter: OrganizationFilter, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listOrganizations(db, filter, page)), ...page };
    },

    async exportFile(filter: OrganizationFilter, format: 'xlsx' | 'csv') {
      requireSignedIn(actor);
      const { items } = await listOrganizations(db, filter, { page: 1, pageSize: LIST_EXPORT_CAP + 1 });
      return renderListFile({ title: 'Organizaciones', columns: ORGANIZATION_EXPORT_COLUMNS, rows: items.map(toOrganizationExportRow) }, format);
    },

    async get(id: string): Promise<OrganizationDetailView> {
      requireSignedIn(actor);
      const organization = await findOrganizationView(db, id);
      if (!organization) throw notFound();
      const [participations, agreements] = await Promise.all([
        listParticipationsOfOrganization(db, id),
        listAgreements(db, { organizationId: id }, { page: 1, pageSize: 200 }),
      ]);
      return { ...organization, participations, agreements: agreements.items, abilities: { edit: canEditOrganization(actor, id), archive: isAdmin(actor) } };
    },

    /** The registered organisation a written name or acronym refers to, if any. */
    async findExisting(name: string, acronym: string | null) {
      requireSignedIn(actor);
      return findOrganizationByIdentity(db, parseOrganizationName(name).key, acronym);
    },

    async create(data: CreateData) {
      requireAnySecretariat(actor);
      const { key } = parseOrganizationName(data.name);
      return db.transaction(async (tx) => {
        if (await findOrganizationByIdentity(tx, key, data.acronym)) {
          throw new DomainError('duplicate', [{ path: 'name', message: 'Ya existe una organización con ese nombre o siglas.' }]);
        }
        const row = await insertOrganization(tx, { ...data, nameKey: key });
        await auditCreate(tx, actor, 'organization', row.id, data);
        return (await findOrganizationView(tx, row.id))!;
      });
    },

    async update(id: string, { version, ...data }: UpdateData) {
      requireOrganizationEditor(actor, id);
      if (data.parentId && (await findOrganizationAncestorIds(db, data.parentId)).includes(id)) {
        throw invalidField('parentId', 'Una organización no puede depender de sí misma ni de una organización que depende de ella.');
      }
      return db.transaction(async (tx) => {
        const nameKey = data.name ? parseOrganizationName(data.name).key : undefined;
        const values = { ...data, nameKey };
        // A state or municipal organisation keeps a state, whichever of the two fields the edit leaves out.
        const findWithState = async (t: Database, rowId: string) => {
          const before = await findOrganization(t, rowId);
          const level = (data.level ?? before?.level) as OrganizationLevel | undefined;
          const stateCode = data.stateCode === undefined ? before?.stateCode : data.stateCode;
          if (before && level && organizationNeedsState(level) && !stateCode) throw invalidField('stateCode', ORGANIZATION_STATE_MESSAGE);
          return before;
        };
        await writeVersionedUpdate(tx, actor, { entity: 'organization', id, version, values, find: findWithState, write: updateOrganization });
        return (await findOrganizationView(tx, id))!;
      });
    },
  };
}
