import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff';

describe('diffWords', () => {
  it('keeps identical texts as one shared run', () => {
    expect(diffWords('Se capacitó a 30 personas.', 'Se capacitó a 30 personas.')).toEqual([{ kind: 'same', text: 'Se capacitó a 30 personas.' }]);
  });

  it('marks a changed figure as removed then added, the rest shared', () => {
    expect(diffWords('Se capacitó a 30 personas en 2023.', 'Se capacitó a 45 personas en 2024.')).toEqual([
      { kind: 'same', text: 'Se capacitó a ' },
      { kind: 'removed', text: '30 ' },
      { kind: 'added', text: '45 ' },
      { kind: 'same', text: 'personas en ' },
      { kind: 'removed', text: '2023.' },
      { kind: 'added', text: '2024.' },
    ]);
  });

  it('reads words added at the end and the start', () => {
    expect(diffWords('uno dos', 'cero uno dos tres')).toEqual([
      { kind: 'added', text: 'cero ' },
      { kind: 'same', text: 'uno dos ' },
      { kind: 'added', text: 'tres' },
    ]);
  });

  it('gives back both texts when joined by side', () => {
    const before = 'El SNDIF coordinó  la campaña\nnacional.';
    const after = 'El SNDIF y la SEP coordinaron la campaña nacional de 2024.';
    const parts = diffWords(before, after);
    expect(parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('').replace(/\s+/g, ' ')).toBe(before.replace(/\s+/g, ' '));
    expect(parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('')).toBe(after);
  });

  it('handles empty texts', () => {
    expect(diffWords('', 'nuevo')).toEqual([{ kind: 'added', text: 'nuevo' }]);
    expect(diffWords('viejo', '')).toEqual([{ kind: 'removed', text: 'viejo' }]);
    expect(diffWords('', '')).toEqual([]);
  });
});
