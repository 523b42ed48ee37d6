import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type OpenApiDocument = { paths: Record<string, Record<string, { security?: unknown[] }>> };
const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('the request chain', () => {
  it('refuses an anonymous caller of every protected route with 401 before reading its body, whatever the body', async () => {
    const { body: document } = (await ctx.anonymous('GET', '/openapi.json')) as { body: OpenApiDocument };
    const protectedRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
        .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, SOME_ID) })),
    );
    expect(protectedRoutes.length).toBeGreaterThan(40);
    const answers = await Promise.all(
      protectedRoutes.flatMap(({ method, path }) => {
        const bodies = ['GET', 'HEAD'].includes(method) ? [undefined] : ['{"sin cerrar', JSON.stringify({ basura: true }), 'x'.repeat(100_000)];
        return bodies.map(async (body) => {
          const response = await ctx.anonymousRequest(`/api${path}`, { method, headers: { 'Content-Type': 'application/json' }, body });
          const code = ((await response.json()) as { error?: { code?: string } }).error?.code;
          return `${method} ${path} → ${response.status} ${code}`;
        });
      }),
    );
    expect(answers.filter((line) => !line.endsWith('→ 401 unauthenticated'))).toEqual([]);
  });

  it('answers a signed-in caller of an unknown API path with a JSON 404', async () => {
    const response = await ctx.api('GET', '/no-existe');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers an anonymous 2 MB import with 401 without parsing it', async () => {
    const text = `# Informe\n${'Participación de una organización. '.repeat(60_000)}`;
    const response = await ctx.anonymous('POST', '/imports/mechanism-report', { text, dryRun: true });
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body).length).toBeLessThan(500);
  });

  it('refuses NUL and lone surrogates in any text field with a 422 naming the field', async () => {
    const organization = { sector: 'government', level: 'federal' };
    const withNul = await ctx.api('POST', '/organizations', { ...organization, name: 'Secretaría\u0000 de Salud' });
    expect(withNul.status).toBe(422);
    expect(withNul.body).toMatchObject({ error: { code: 'validation', issues: [{ path: 'name' }] } });
    const withSurrogate = await ctx.api('POST', '/organizations', { ...organization, name: 'Salud', acronym: 'SS\ud800' });
    expect(withSurrogate.status).toBe(422);
    expect(withSurrogate.body).toMatchObject({ error: { issues: [{ path: 'acronym' }] } });
    const inQuery = await ctx.api('GET', `/organizations?q=${encodeURIComponent('a\u0000')}`);
    expect(inQuery.status).toBe(422);
    const whole = await ctx.api('POST', '/organizations', { ...organization, name: 'Sistema DIF 👧 Nacional' });
    expect(whole.status).toBe(201);
    const listed = await ctx.api('GET', '/organizations?q=Salud');
    expect(JSON.stringify(listed.body)).not.toContain('\u0000');
  });

  it('sends download names that any acronym can be written in (RFC 6266 / 5987)', async () => {
    const body = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Niñez', acronym: 'NIÑEZ"✓', level: 'national' });
    expect(body.status).toBe(201);
    const { id } = body.body as { id: string };
    const response = await ctx.request(`/api/reports/mechanism?bodyId=${id}&from=2024-01-01&to=2024-12-31&format=md`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition')!;
    // The acronym becomes part of a file name with its accents kept; the header adds an ASCII fallback.
    expect(disposition).toBe(
      `attachment; filename="informe-mecanismo-ninez-2024-01-01-2024-12-31.md"; filename*=UTF-8''informe-mecanismo-ni%C3%B1ez-2024-01-01-2024-12-31.md`,
    );
  });

  it('tells browsers and proxies never to keep what a signed-in person reads', async () => {
    for (const path of ['/auth/me', '/organizations', '/dashboard']) {
      const response = await ctx.api('GET', path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('lets any site read the public data (CORS), and no internal route', async () => {
    const open = await ctx.request('/api/public/sessions', { headers: { Origin: 'https://datos.example.org' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await ctx.request('/api/public/open-data/sessions', { method: 'OPTIONS', headers: { Origin: 'https://datos.example.org', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const internal = await ctx.request('/api/organizations', { headers: { Origin: 'https://datos.example.org' } });
    expect(internal.headers.get('access-control-allow-origin')).toBeNull();
  });
});
