import { toFileStem } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './download.js';

describe('download names', () => {
  it('keeps accents in file names made from titles', () => {
    expect(toFileStem('Plan País 2024–2030')).toBe('plan-país-2024-2030');
    expect(toFileStem('  NIÑEZ"✓ ')).toBe('niñez');
    expect(toFileStem('Programa Nacional de Protección de Niñas, Niños y Adolescentes', 30)).toBe('programa-nacional-de-protecció');
    // Decomposed input (as some systems send it) gives the same name.
    expect(toFileStem('Pai\u0301s')).toBe('país');
  });

  it('sends the exact name in UTF-8 (RFC 5987) and an ASCII fallback without accents', () => {
    expect(attachmentDisposition('plan-país.xlsx')).toBe(`attachment; filename="plan-pais.xlsx"; filename*=UTF-8''plan-pa%C3%ADs.xlsx`);
    expect(attachmentDisposition('Año "100%".docx')).toBe(`attachment; filename="Ano _100__.docx"; filename*=UTF-8''A%C3%B1o%20%22100%25%22.docx`);
  });
});
