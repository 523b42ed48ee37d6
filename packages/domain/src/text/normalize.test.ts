import { describe, expect, it } from 'vitest';
import { capitalizeWords, foldAccents, normalizeForMatch } from './normalize.js';

describe('text normalisation', () => {
  it('folds accents without moving indexes', () => {
    const text = 'Querétaro, Niñas y Adolescentes ¹';
    expect(foldAccents(text)).toBe('Queretaro, Ninas y Adolescentes ¹');
    expect(foldAccents(text)).toHaveLength(text.length);
  });

  it('builds comparison keys', () => {
    expect(normalizeForMatch('  SESIÓN\tde   Instalación ')).toBe('sesion de instalacion');
    expect(normalizeForMatch('Sesio\u0301n')).toBe('sesion');
  });

  it('capitalises words', () => {
    expect(capitalizeWords('vigésima primera')).toBe('Vigésima Primera');
  });
});
