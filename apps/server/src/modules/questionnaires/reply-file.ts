import { extname } from 'node:path';
import { docxToText } from '../../platform/documents/docx-text.js';

const REPLY_EXTENSIONS = ['.txt', '.md', '.docx'];

/**
 * The text of a sent reply held in a file: UTF-8 text or Markdown, or a Word document read as text.
 * Throws an Error whose Spanish message names the file (the command line's path, the upload's name).
 */
export async function readReplyFile(name: string, bytes: Uint8Array): Promise<string> {
  const extension = extname(name).toLowerCase();
  if (!REPLY_EXTENSIONS.includes(extension)) throw new Error(`${name}: se importan archivos .txt, .md o .docx.`);
  if (extension === '.docx') return docxToText(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name} no está en UTF-8; guárdelo como texto UTF-8 o como .docx.`);
  }
}
