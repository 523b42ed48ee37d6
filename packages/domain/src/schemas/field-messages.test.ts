import { describe, expect, it } from 'vitest';
import { AgreementCreateSchema, MechanismImportSchema, SessionCreateSchema } from './sessions.js';

const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('messages that name what is missing', () => {
  it('asks to choose the record a blank required select leaves out, and for the date', () => {
    const messages = messagesOf(SessionCreateSchema.safeParse({ bodyId: '', kind: 'ordinary', number: 1, date: '' }));
    expect(messages.bodyId).toBe('Elija un órgano.');
    expect(messages.date).toBe('Indique la fecha.');
    expect(messagesOf(AgreementCreateSchema.safeParse({ sessionId: '', text: 'Texto' })).sessionId).toBe('Elija una sesión.');
  });

  it('still says when an id or a date is malformed, without asking for a format the picker already shows', () => {
    const messages = messagesOf(SessionCreateSchema.safeParse({ bodyId: 'abc', kind: 'ordinary', number: 1, date: '2023-02-30' }));
    expect(messages.bodyId).toBe('Identificador no válido.');
    expect(messages.date).toBe('La fecha no existe en el calendario.');
    expect(messagesOf(SessionCreateSchema.safeParse({ bodyId: 'abc', kind: 'ordinary', date: '30/11/2023' })).date).toBe('La fecha no es válida: indique día, mes y año.');
  });

  it('names the report text when a paste is too long', () => {
    expect(messagesOf(MechanismImportSchema.safeParse({ text: 'x'.repeat(2_000_001) })).text).toBe(
      'El texto del informe es demasiado largo: admite hasta 2,000,000 caracteres.',
    );
  });
});
