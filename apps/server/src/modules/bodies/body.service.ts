import { BODY_LOGO_LIMITS, type BodyCreateSchema, type BodyDetailView, type BodyLogoView, type BodyUpdateSchema } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, canManageBodyOrEnlace, requireAdmin, requireBodyManager, requireBodyMoveWithinReach, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import { bodies } from './bodies.tables.js';
import { createLifecycle } from '../../platform/records/lifecycle.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { findBody, findBodyView, insertBody, listBodies, listChildBodies, updateBody } from './body.repository.js';
import { listMembershipsOfBody } from '../directory/index.js';
import type { PageRequest } from '../../platform/db/query.js';
import { listSessions } from '../sessions/index.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { describeActor } from '../../platform/auth/actor.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { readImageInfo } from '../../platform/documents/image-info.js';
import { formatMegabytes } from '../../platform/documents/import-limits.js';
import { type BodyLogoFacts, deleteBodyLogo, findBodyLogo, findBodyLogoFacts, saveBodyLogo } from './body-logo.repository.js';

const logoView = (bodyId: string, facts: BodyLogoFacts): BodyLogoView => ({
  url: `/api/bodies/${bodyId}/logo`,
  contentType: facts.contentType as BodyLogoView['contentType'],
  width: facts.width,
  height: facts.height,
  byteSize: facts.byteSize,
});
/** How the logo reads in the body's history. */
const describeLogo = (facts: BodyLogoFacts | undefined) =>
  facts ? `${facts.contentType === 'image/png' ? 'PNG' : 'JPEG'} de ${facts.width} × ${facts.height} píxeles` : null;

/** The image's facts when it is a PNG or JPEG within the limits; otherwise a 422 on `file` saying why. */
function checkLogo(bytes: Uint8Array) {
  if (bytes.length === 0) throw invalidField('file', 'El archivo está vacío.');
  if (bytes.length > BODY_LOGO_LIMITS.maxBytes) throw invalidField('file', `El logotipo pasa de ${formatMegabytes(BODY_LOGO_LIMITS.maxBytes)}; reduzca la imagen.`);
  const image = readImageInfo(bytes);
  if (!image) throw invalidField('file', 'El logotipo debe ser una imagen PNG o JPEG.');
  if (Math.max(image.width, image.height) > BODY_LOGO_LIMITS.maxSidePixels) {
    throw invalidField('file', `El logotipo mide ${image.width} × ${image.height} píxeles; se admiten hasta ${BODY_LOGO_LIMITS.maxSidePixels} por lado.`);
  }
  return image;
}

export function createBodyService(db: Database, actor: Actor) {
  /** A new parent must exist and keep the tree a tree; the move must stay within the actor's reach. */
  const requireMoveWithinReach = async (tx: Database, id: string, fromId: string | null, toId: string | null) => {
    const to = toId ? await findBodyScope(tx, toId) : null;
    if (to && !to.bodyIds.length) throw invalidField('parentId', 'El órgano del que depende no existe.');
    if (to?.bodyIds.includes(id)) throw invalidField('parentId', 'Un órgano no puede depender de sí mismo ni de uno de los órganos que dependen de él.');
    requireBodyMoveWithinReach(actor, fromId ? await findBodyScope(tx, fromId) : null, to);
  };
  const lifecycle = createLifecycle(db, actor, { entity: 'body', table: bodies, authorize: async (id) => requireBodyManager(actor, await findBodyScope(db, id)) });
  return {
    archive: lifecycle.archive,
    restore: lifecycle.restore,

    async list(filter: { q?: string }, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listBodies(db, filter, page)), ...page };
    },

    async get(id: string): Promise<BodyDetailView> {
      requireSignedIn(actor);
      const body = await findBodyView(db, id);
      if (!body) throw notFound();
      const [logo, children, memberships, sessions, scope] = await Promise.all([
        findBodyLogoFacts(db, id),
        listChildBodies(db, id),
        listMembershipsOfBody(db, id),
        listSessions(db, { bodyId: id }, { page: 1, pageSize: 500 }),
        findBodyScope(db, id),
      ]);
      const manages = canManageBody(actor, scope);
      return {
        ...body,
        logo: logo ? logoView(id, logo) : null,
        children,
        memberships: memberships.map((membership) => ({
          ...membership,
          abilities: { addFocalPoint: canManageBodyOrEnlace(actor, { ...scope, organizationIds: [membership.organization.id] }) },
        })),
        sessions: sessions.items,
        abilities: { edit: manages, archive: manages, addRecords: manages },
      };
    },

    async create(data: z.output<typeof BodyCreateSchema>) {
      // A secretariat may open working groups under its body; top-level bodies are the administrators'.
      if (data.parentId) requireBodyManager(actor, await findBodyScope(db, data.parentId));
      else requireAdmin(actor);
      return db.transaction(async (tx) => {
        const row = await insertBody(tx, data);
        await auditCreate(tx, actor, 'body', row.id, data);
        return (await findBodyView(tx, row.id))!;
      });
    },

    async update(id: string, { version, ...values }: z.output<typeof BodyUpdateSchema>) {
      requireBodyManager(actor, await findBodyScope(db, id));
      return db.transaction(async (tx) => {
        const body = await findBody(tx, id);
        if (!body) throw notFound();
        if (values.parentId !== undefined && values.parentId !== body.parentId) await requireMoveWithinReach(tx, id, body.parentId, values.parentId);
        await writeVersionedUpdate(tx, actor, { entity: 'body', id, version, values, find: findBody, write: updateBody });
        return (await findBodyView(tx, id))!;
      });
    },

    /** The logo printed in the header of the body's Word documents. */
    async logo(id: string) {
      requireSignedIn(actor);
      const logo = await findBodyLogo(db, id);
      if (!logo) throw notFound();
      return logo;
    },

    /** Sets or replaces the body's logo, checked to be a PNG or JPEG of sensible size. */
    async setLogo(id: string, bytes: Uint8Array): Promise<BodyLogoView> {
      requireBodyManager(actor, await findBodyScope(db, id));
      const image = checkLogo(bytes);
      return db.transaction(async (tx) => {
        if (!(await findBody(tx, id))) throw notFound();
        const before = await findBodyLogoFacts(tx, id);
        await saveBodyLogo(tx, id, { contentType: image.contentType, width: image.width, height: image.height, content: bytes });
        const after = { contentType: image.contentType, width: image.width, height: image.height, byteSize: bytes.length };
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'update', entity: 'body', entityId: id, changes: { logo: [describeLogo(before), describeLogo(after)] } });
        return logoView(id, after);
      });
    },

    async removeLogo(id: string) {
      requireBodyManager(actor, await findBodyScope(db, id));
      await db.transaction(async (tx) => {
        const before = await findBodyLogoFacts(tx, id);
        if (!before) throw notFound();
        await deleteBodyLogo(tx, id);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'update', entity: 'body', entityId: id, changes: { logo: [describeLogo(before), null] } });
      });
    },
  };
}
