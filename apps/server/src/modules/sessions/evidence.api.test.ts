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

describe('who may link evidence, and when the public sees it', () => {
  type Client = TestContext['api'];
  let ids: Record<string, string>;
  let enlace: Client;
  let secretariat: Client;
  let otherSecretariat: Client;

  const uploadAs = async (client: Client, title: string) => {
    const form = new FormData();
    form.set('file', new File([Buffer.from(pdfBytes)], 'informe.pdf'));
    form.set('title', title);
    const response = await client('POST', '/evidence', form);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const followUp = (client: Client, agreementId: string, evidenceIds: string[]) =>
    client('POST', '/follow-ups', { agreementId, date: '2024-03-01', text: `Avance ${Math.random()}`, evidenceIds });
  const publicly = async (evidenceId: string) => (await ctx.anonymous('GET', `/evidence/${evidenceId}/file`)).status;
  const act = async (path: string, action: string) => {
    const { version } = (await ctx.api('GET', path)).body;
    expect((await ctx.api('POST', `${path}/${action}`, { version })).status).toBe(204);
  };

  beforeAll(async () => {
    const post = async (path: string, body: unknown) => (await ctx.api('POST', path, body)).body.id as string;
    const bodyId = await post('/bodies', { kind: 'commission', name: 'Comisión de enlaces', acronym: 'CE', level: 'national' });
    const otherBodyId = await post('/bodies', { kind: 'commission', name: 'Otra comisión', acronym: 'OC', level: 'national' });
    const organizationId = await post('/organizations', { name: 'Institución responsable', sector: 'government', level: 'federal' });
    const sessionId = await post('/sessions', { bodyId, kind: 'ordinary', number: 1, date: '2024-02-01' });
    const agreement = (text: string) => post('/agreements', { sessionId, text, responsibleOrganizationIds: [organizationId] });
    ids = { bodyId, otherBodyId, organizationId, sessionId, published: await agreement('Acuerdo publicado.'), draft: await agreement('Acuerdo interno.') };
    await act(`/sessions/${sessionId}`, 'publish');
    await act(`/agreements/${ids.published}`, 'publish');
    enlace = await ctx.signInAs([{ role: 'enlace', organizationId }]);
    secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId }]);
    otherSecretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: otherBodyId }]);
  });

  it('refuses an enlace linking a file it did not upload to a published agreement, so the file stays internal', async () => {
    const internal = await uploadAs(ctx.api, 'Oficio interno');
    expect((await followUp(ctx.api, ids.draft!, [internal])).status).toBe(201);
    const before = (await ctx.api('GET', `/agreements/${ids.published}`)).body.followUps.length;

    const response = await followUp(enlace, ids.published!, [internal]);
    expect(response.status).toBe(422);
    expect(response.body.error.issues[0]).toMatchObject({ path: 'evidenceIds', message: expect.stringMatching(/evidencia/) });
    expect((await ctx.api('GET', `/agreements/${ids.published}`)).body.followUps).toHaveLength(before);
    expect(await publicly(internal)).toBe(401);
  });

  it('lets the uploader link its file, and the secretariat of a record the file supports reuse it', async () => {
    const own = await uploadAs(enlace, 'Informe de la institución');
    expect((await followUp(enlace, ids.published!, [own])).status).toBe(201);
    expect(await publicly(own)).toBe(200);

    expect((await followUp(secretariat, ids.draft!, [own])).status).toBe(201);
    const unrelated = await uploadAs(otherSecretariat, 'Archivo de otra comisión');
    expect((await followUp(secretariat, ids.draft!, [unrelated])).status).toBe(422);
  });

  it('applies the same rule to activities, and an edit keeps what the activity already links', async () => {
    const own = await uploadAs(otherSecretariat, 'Lista de asistencia');
    const foreign = await uploadAs(ctx.api, 'Oficio de otra área');
    const activity = { bodyId: ids.otherBodyId, kind: 'forum', title: 'Foro', startDate: '2024-05-01', leadOrganizationIds: [ids.organizationId] };
    const refused = await otherSecretariat('POST', '/activities', { ...activity, evidenceIds: [own, foreign] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].path).toBe('evidenceIds');
    const created = await otherSecretariat('POST', '/activities', { ...activity, evidenceIds: [own] });
    expect(created.status).toBe(201);

    const path = `/activities/${created.body.id}`;
    expect((await otherSecretariat('PATCH', path, { evidenceIds: [own, foreign], version: created.body.version })).status).toBe(422);
    const linked = await ctx.api('PATCH', path, { evidenceIds: [own, foreign], version: created.body.version });
    expect(linked.status).toBe(200);
    const edited = await otherSecretariat('PATCH', path, { title: 'Foro regional', evidenceIds: [own, foreign], version: linked.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body.evidence).toHaveLength(2);
  });

  it('serves a file to the public only while the record it supports and its parents are public', async () => {
    const file = await uploadAs(ctx.api, 'Acta firmada');
    expect((await followUp(ctx.api, ids.published!, [file])).status).toBe(201);
    expect(await publicly(file)).toBe(200);

    await act(`/sessions/${ids.sessionId}`, 'unpublish');
    expect(await publicly(file)).toBe(401);
    await act(`/sessions/${ids.sessionId}`, 'publish');
    expect(await publicly(file)).toBe(200);

    await act(`/agreements/${ids.published}`, 'archive');
    expect(await publicly(file)).toBe(401);
    await act(`/agreements/${ids.published}`, 'restore');
    await act(`/sessions/${ids.sessionId}`, 'archive');
    expect(await publicly(file)).toBe(401);
    await act(`/sessions/${ids.sessionId}`, 'restore');
    expect(await publicly(file)).toBe(200);
  });
});
