import { describe, expect, it } from 'vitest';
import { FollowUpCreateSchema, SessionCreateSchema } from './sessions.js';

const session = { bodyId: '00000000-0000-4000-8000-000000000001', kind: 'permanent', date: '2024-01-10' };
const followUp = { agreementId: '00000000-0000-4000-8000-000000000002', date: '2024-01-11', text: 'Avance.' };
const unsafeAddresses = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'ftp://example.org/acta.pdf',
  'https://example.org/"><img src=x onerror=alert(1)>',
];

describe('web addresses of evidence', () => {
  it.each(unsafeAddresses)('refuses %s as the minutes of a session, naming the field', (url) => {
    const result = SessionCreateSchema.safeParse({ ...session, minutes: { title: 'Acta', url } });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === 'minutes.url');
    expect(issue?.message).toMatch(/acta.*https:\/\//);
  });

  it.each(unsafeAddresses)('refuses %s as the evidence of a follow-up, naming the field', (url) => {
    const result = FollowUpCreateSchema.safeParse({ ...followUp, evidence: { title: 'Informe', url } });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === 'evidence.url');
    expect(issue?.message).toMatch(/evidencia.*https:\/\//);
  });

  it('accepts http and https addresses, trimmed', () => {
    const minutes = SessionCreateSchema.parse({ ...session, minutes: { title: 'Acta', url: ' https://www.gob.mx/sipinna/actas?id=7 ' } }).minutes;
    expect(minutes?.url).toBe('https://www.gob.mx/sipinna/actas?id=7');
    expect(FollowUpCreateSchema.parse({ ...followUp, evidence: { title: 'Nota', url: 'http://example.org/nota' } }).evidence?.url).toBe('http://example.org/nota');
  });
});
