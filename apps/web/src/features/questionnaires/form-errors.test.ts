import { describe, expect, it } from 'vitest';
import { collectErrorMessages } from './form-errors';

describe('collectErrorMessages', () => {
  it('lists nested messages without following the controls the errors point to', () => {
    const element: Record<string, unknown> = { name: 'campo' };
    element.self = element;
    const errors = {
      sections: [{ questions: [undefined, { key: { type: 'custom', message: 'La clave «p1» está repetida.', ref: element } }] }],
      root: { message: 'Revise la definición.', type: 'custom' },
    };
    expect(collectErrorMessages(errors as never)).toEqual(['La clave «p1» está repetida.', 'Revise la definición.']);
  });
});
