import { detectEvidenceFileType, EVIDENCE_MAX_BYTES, type EvidenceUploadSchema, type EvidenceView } from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { requireSignedIn, requireWriter } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { isEvidencePublic } from '../mechanism-report/index.js';
import { findEvidenceFile, findEvidenceView, insertEvidence } from './evidence.repository.js';
import { auditCreate } from '../../platform/records/versioned-write.js';

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
