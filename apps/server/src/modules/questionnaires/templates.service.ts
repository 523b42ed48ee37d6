import type { TemplateCreateSchema, TemplateDetailView, TemplateUpdateSchema, TemplateXlsFormImportResult } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/query.js';
import { DomainError, invalidField, notFound, rethrowDuplicateAs } from '../../platform/errors.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { findTemplate, findTemplateView, insertTemplate, insertTemplateVersion, listTemplates, listTemplateVersions, updateTemplate } from './questionnaires.repository.js';
import { readXlsForm } from './xlsform.js';

const DUPLICATE_NAME = 'Ya existe una plantilla con ese nombre en este órgano.';
const CREATOR_ONLY = { path: 'bodyId', message: 'Solo la secretaría técnica del órgano (o de uno superior) registra sus plantillas.' };

/** The scope of a body that must exist: a body chosen in a form that is not there is the field's fault. */
export async function requireBodyScope(db: Database, bodyId: string, field = 'bodyId') {
  const scope = await findBodyScope(db, bodyId);
  if (!scope.bodyIds.length) throw invalidField(field, 'El órgano no existe.');
  return scope;
}

/**
 * Questionnaire templates: sections and questions kept in immutable versions. Saving a changed
 * definition writes the next version; exercises keep the version they were made from. The
 * secretariat of the template's body (or of a body above it) and administrators edit them.
 */
export function createTemplateService(db: Database, actor: Actor) {
  return {
    async list(filter: { q?: string; bodyId?: string }, page: PageRequest) {
      requireSignedIn(actor);
      return { ...(await listTemplates(db, filter, page)), ...page };
    },

    async get(id: string): Promise<TemplateDetailView> {
      requireSignedIn(actor);
      const template = await findTemplateView(db, id);
      if (!template) throw notFound();
      const [versions, scope] = await Promise.all([listTemplateVersions(db, id), findBodyScope(db, template.body.id)]);
      const manages = canManageBody(actor, scope);
      return { ...template, versions, abilities: { edit: manages, createExercise: manages } };
    },

    async create({ definition, ...data }: z.output<typeof TemplateCreateSchema>) {
      const scope = await requireBodyScope(db, data.bodyId);
      requireBodyManager(actor, scope, CREATOR_ONLY);
      const id = await db.transaction(async (tx) => {
        const template = await insertTemplate(tx, { ...data, currentVersion: 1 }).catch(rethrowDuplicateAs('name', DUPLICATE_NAME));
        await insertTemplateVersion(tx, template.id, 1, definition);
        await auditCreate(tx, actor, 'questionnaire_template', template.id, { ...data, currentVersion: 1 });
        return template.id;
      });
      return this.get(id);
    },

    /**
     * A template read from an XLSForm workbook: any error (each naming its sheet, row and column) writes
     * nothing; what the template holds only in part comes back as warnings beside the created template.
     */
    async importXlsForm(fields: Omit<z.output<typeof TemplateCreateSchema>, 'definition'>, workbook: Uint8Array): Promise<TemplateXlsFormImportResult> {
      // Only who may create the template has the workbook read.
      requireBodyManager(actor, await requireBodyScope(db, fields.bodyId), CREATOR_ONLY);
      const reading = await readXlsForm(workbook);
      if ('errors' in reading) throw new DomainError('import_invalid', reading.errors.map((error) => ({ path: 'file', message: error.message })));
      return { template: await this.create({ ...fields, definition: reading.value }), warnings: reading.warnings };
    },

    /** A name or description edit keeps the version; a changed definition makes the next one. */
    async update(id: string, { definition, version, ...data }: z.output<typeof TemplateUpdateSchema>) {
      const template = await findTemplateView(db, id);
      if (!template) throw notFound();
      requireBodyManager(actor, await findBodyScope(db, template.body.id));
      const isNewVersion = definition !== undefined && JSON.stringify(definition) !== JSON.stringify(template.definition);
      const values = { ...data, ...(isNewVersion ? { currentVersion: template.currentVersion + 1 } : {}) };
      await db.transaction(async (tx) => {
        await writeVersionedUpdate(tx, actor, {
          entity: 'questionnaire_template',
          id,
          version,
          values,
          find: findTemplate,
          write: (t, rowId, v, changes) => updateTemplate(t, rowId, v, changes).catch(rethrowDuplicateAs('name', DUPLICATE_NAME)),
        });
        // After the versioned write, so a stale edit (409) writes no version.
        if (isNewVersion) await insertTemplateVersion(tx, id, template.currentVersion + 1, definition);
      });
      return this.get(id);
    },
  };
}
