import { z } from 'zod';
import { EVIDENCE_KINDS } from './sessions.js';
import { requiredText } from './common.js';

/** Largest evidence file accepted (an acta or an informe in PDF, scanned). */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** File types accepted as evidence, recognised by their first bytes as well as their extension. */
export const EVIDENCE_FILE_TYPES = [
  { extension: 'pdf', contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  { extension: 'png', contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { extension: 'jpg', contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { extension: 'jpeg', contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
] as const;

/** The accepted type of a file whose extension and content agree, or undefined. */
export function detectEvidenceFileType(fileName: string, bytes: Uint8Array) {
  const extension = fileName.toLowerCase().split('.').pop();
  return EVIDENCE_FILE_TYPES.find((type) => type.extension === extension && type.magic.every((byte, i) => bytes[i] === byte));
}

export const EvidenceUploadSchema = z.object({
  title: requiredText(300),
  kind: z.enum(EVIDENCE_KINDS).default('other'),
});
export type EvidenceUploadInput = z.input<typeof EvidenceUploadSchema>;
