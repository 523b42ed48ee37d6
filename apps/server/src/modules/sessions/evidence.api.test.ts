import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(name: string, bytes: Uint8Array, title = 'Acta de la sesión') {
  const form = new FormData();
  form.set('file', new File([Buffer.from(bytes)], name));
  form.set('title', title);
  form.set('kind', 'minutes');
  const response = await ctx.request('/api/evidence', { method: 'POST', body: form });
  return { status: response.status, body: await response.json() };
}

describe('evidence files', () => {
  it('stores a PDF, links it to a follow-up and serves it back byte for byte', async () => {
    const uploaded = await upload('acta-sesion-21.pdf', pdfBytes);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.url).toBe(`/api/evidence/${uploaded.body.id}/file`);

    const body = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de prueba', acronym: 'CP', level: 'national' });
    const session = await ctx.api('POST', '/sessions', { bodyId: body.body.id, kind: 'permanent', date: '2023-05-24' });
    const agreement = await ctx.api('POST', '/agreements', { sessionId: session.body.id, text: 'Presentar el estudio en los estados.' });
    const followUp = await ctx.api('POST', '/follow-ups', {
      agreementId: agreement.body.id,
      date: '2023-06-01',
      text: 'Se presentó en Sinaloa.',
      stateCodes: ['MX-SIN'],
      evidenceIds: [uploaded.body.id],
    });
    expect(followUp.status).toBe(201);
    expect(followUp.body.evidence[0].title).toBe('Acta de la sesión');

    const download = await ctx.request(uploaded.body.url);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);
  });

  it('refuses a file whose content is not what its name says, an unknown type, and a missing title', async () => {
    expect((await upload('acta.pdf', new TextEncoder().encode('MZ\x90\x00 not a pdf'))).body.error.issues[0].path).toBe('file');
    expect((await upload('script.exe', pdfBytes)).status).toBe(422);
    const noTitle = await upload('acta.pdf', pdfBytes, '');
    expect(noTitle.body.error.issues[0].path).toBe('title');
  });

  it('refuses a follow-up that links unknown evidence, writing nothing', async () => {
    const before = (await ctx.api('GET', '/dashboard')).body.counts.followUps;
    const agreements = (await ctx.api('GET', '/agreements')).body.items;
    const response = await ctx.api('POST', '/follow-ups', {
      agreementId: agreements[0].id,
      date: '2023-06-02',
      text: 'Otro avance.',
      evidenceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues[0].path).toBe('evidenceIds');
    expect((await ctx.api('GET', '/dashboard')).body.counts.followUps).toBe(before);
  });
});

describe('evidence given as a web address', () => {
  it('refuses javascript: and data: addresses, naming the field, and writes nothing', async () => {
    const before = (await ctx.api('GET', '/dashboard')).body.counts;
    const agreementId = (await ctx.api('GET', '/agreements')).body.items[0].id;
    const followUp = await ctx.api('POST', '/follow-ups', { agreementId, date: '2023-06-03', text: 'Avance.', evidence: { title: 'Nota', url: 'javascript:alert(1)' } });
    expect(followUp.status).toBe(422);
    expect(followUp.body.error.issues[0]).toMatchObject({ path: 'evidence.url', message: expect.stringMatching(/evidencia/) });
    const bodyId = (await ctx.api('GET', '/bodies')).body.items[0].id;
    const session = await ctx.api('POST', '/sessions', { bodyId, kind: 'permanent', date: '2023-07-01', minutes: { title: 'Acta', url: 'data:text/html,<script>alert(1)</script>' } });
    expect(session.status).toBe(422);
    expect(session.body.error.issues[0]).toMatchObject({ path: 'minutes.url', message: expect.stringMatching(/acta/) });
    expect((await ctx.api('GET', '/dashboard')).body.counts).toEqual(before);
  });
});
