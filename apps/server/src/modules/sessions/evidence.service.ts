import { detectEvidenceFileType, EVIDENCE_MAX_BYTES, type EvidenceUploadSchema, type EvidenceView } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { requireEvidenceLinker, requireSignedIn, requireWriter } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { findEvidenceFile, findEvidenceOwnership, findEvidenceView, insertEvidence, isEvidencePublic } from './evidence.repository.js';
import { auditCreate } from '../../platform/records/versioned-write.js';

/** Who is recorded as having added evidence: a signed-in person; imports and the command line leave it to admins. */
export const evidenceCreator = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

/**
 * Evidence newly linked to a record must exist and be the actor's to link (see `requireEvidenceLinker`):
 * a link can put it on the portal. What the record already links stays linkable by whoever edits it.
 */
export async function requireLinkableEvidence(db: Database, actor: Actor, evidenceIds: string[] | undefined, alreadyLinked: string[] = []) {
  const added = [...new Set(evidenceIds ?? [])].filter((id) => !alreadyLinked.includes(id));
  const found = await findEvidenceOwnership(db, added);
  if (found.length !== added.length) throw invalidField('evidenceIds', 'Uno de los archivos de evidencia no existe.');
  for (const { createdById, bodyIds } of found) {
    // A secretariat also manages the bodies below its own: a record's scope holds the body and those above it.
    const scopes = await Promise.all(bodyIds.map((bodyId) => findBodyScope(db, bodyId)));
    requireEvidenceLinker(actor, { createdById, scope: { bodyIds: scopes.flatMap((scope) => scope.bodyIds), organizationIds: [] } });
  }
}

export function createEvidenceService(db: Database, actor: Actor) {
  return {
    /** Stores an uploaded file after checking its size and that its content is what its name says. */
    async upload(file: { name: string; bytes: Uint8Array }, data: z.output<typeof EvidenceUploadSchema>): Promise<EvidenceView> {
      requireWriter(actor);
      if (file.bytes.length === 0) throw invalidField('file', 'El archivo está vacío.');
      if (file.bytes.length > EVIDENCE_MAX_BYTES) throw invalidField('file', 'El archivo pasa de 20 MB.');
      const type = detectEvidenceFileType(file.name, file.bytes);
      if (!type) throw invalidField('file', 'Solo se aceptan archivos PDF, Word (.docx), Excel (.xlsx), PNG o JPEG.');
      return db.transaction(async (tx) => {
        const { id } = await insertEvidence(tx, {
          ...data,
          url: null,
          fileName: file.name,
          contentType: type.contentType,
          content: file.bytes,
          byteSize: file.bytes.length,
          createdById: evidenceCreator(actor),
        });
        await auditCreate(tx, actor, 'evidence', id, { ...data, fileName: file.name, byteSize: file.bytes.length });
        return (await findEvidenceView(tx, id))!;
      });
    },

    /** Internal users get any file; the public only files that support something published. */
    async download(id: string) {
      if (actor.kind === 'anonymous' && !(await isEvidencePublic(db, id))) requireSignedIn(actor);
      const file = await findEvidenceFile(db, id);
      if (!file) throw notFound();
      return file;
    },
  };
}
