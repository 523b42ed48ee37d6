import { describe, expect, it } from 'vitest';
import { ExerciseEditSchema } from './exercise-form';

describe('ExerciseEditSchema', () => {
  it('reads the cover note from markup, and a blank one as no note', () => {
    const edited = ExerciseEditSchema.parse({ coverNote: 'La Misión Permanente **saluda** a la Oficina.\n\nGinebra.', version: 3 });
    expect(edited.coverNote?.blocks).toHaveLength(2);
    expect(edited.coverNote?.blocks[0]).toMatchObject({ type: 'paragraph', content: [{ text: 'La Misión Permanente ' }, { text: 'saluda', bold: true }, { text: ' a la Oficina.' }] });
    expect(ExerciseEditSchema.parse({ coverNote: '  ', version: 3 }).coverNote).toBeNull();
  });

  it('refuses a note whose markup cannot be read, on the note, naming the line', () => {
    const refused = ExerciseEditSchema.safeParse({ coverNote: 'Ver [el acuerdo](javascript:alert(1)).', version: 3 });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ path: ['coverNote'], message: expect.stringMatching(/^Línea 1/) });
  });
});
