import { EVIDENCE_FILE_TYPES, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES, EvidenceUploadSchema, EvidenceViewSchema } from '@telar/domain';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DomainError, invalidField } from '../../platform/errors.js';
import { attachmentDisposition } from '../../platform/http/download.js';
import { apiRoute, type createRouter, fileResponse, formFile, IdParamsSchema, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';

const UploadFormSchema = z.object({
  file: formFile('El archivo (PDF, DOCX, XLSX, PNG o JPEG, hasta 20 MB)'),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
});

/** Evidence files: upload (multipart) and download. URLs are given inline with the record they support. */
export function registerEvidenceRoutes(router: ReturnType<typeof createRouter>) {
  router.use('/evidence', bodyLimit({ maxSize: EVIDENCE_MAX_BYTES + 64 * 1024, onError: () => { throw new DomainError('payload_too_large'); } }));
  router.openapi(
    apiRoute({
      method: 'post',
      path: '/evidence',
      tags: ['Evidencia'],
      operationId: 'uploadEvidence',
      summary: 'Subir un archivo de evidencia',
      request: { body: { content: { 'multipart/form-data': { schema: UploadFormSchema } }, required: true } },
      responses: { 201: jsonResponse('Evidencia guardada', EvidenceViewSchema) },
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw invalidField('file', 'Elija un archivo.');
      const fields = EvidenceUploadSchema.safeParse({ title: form.title, kind: form.kind || undefined });
      if (!fields.success) throw new DomainError('validation', fields.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const bytes = new Uint8Array(await file.arrayBuffer());
      return c.json(await c.var.services.evidence.upload({ name: file.name, bytes }, fields.data), 201);
    },
  );
  router.openapi(
    apiRoute({
      // Evidence of published records is public; the service decides what this caller may see.
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/evidence/{id}/file',
      tags: ['Evidencia'],
      operationId: 'downloadEvidence',
      summary: 'Descargar un archivo de evidencia',
      description: 'Sin sesión, solo la evidencia de lo publicado (actas de sesiones y seguimiento de acuerdos publicados).',
      request: { params: IdParamsSchema },
      responses: { 200: fileResponse('El archivo, con el tipo de contenido con que se subió', [...new Set(EVIDENCE_FILE_TYPES.map((type) => type.contentType)), 'application/octet-stream']) },
      errors: [401, 404],
    }),
    async (c) => {
      const file = await c.var.services.evidence.download(c.req.valid('param').id);
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType ?? 'application/octet-stream',
        'Content-Disposition': attachmentDisposition(file.fileName ?? 'evidencia'),
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );
}
