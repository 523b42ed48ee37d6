import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as domain from '@telar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDemoData } from '../../demo/demo-data.js';
import { createTestContext, type TestContext, testDatabaseKind } from '../../test/test-context.js';
import { ApiErrorSchema } from './router.js';

type JsonSchema = { $ref?: string; type?: string | string[]; format?: string; items?: JsonSchema; anyOf?: JsonSchema[] };
type Content = Record<string, { schema: JsonSchema }>;
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Content };
  responses: Record<string, { content?: Content; headers?: Record<string, unknown> }>;
};
type OpenApiDocument = {
  info: { license?: { name: string } };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
};

const require = createRequire(import.meta.url);
const LICENCE_URL = 'https://www.datos.gob.mx/libreusomx';

let ctx: TestContext;
let document: OpenApiDocument;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.handle.db);
  document = (await ctx.anonymous('GET', '/openapi.json')).body;
}, 180_000);
afterAll(() => ctx.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })));

const isPublic = (operation: Operation) => Array.isArray(operation.security) && operation.security.length === 0;

/** The operation a concrete request path reaches (its template's `{…}` match one segment). */
function findOperation(method: string, path: string): Operation {
  const pathname = path.split('?')[0]!;
  const template = Object.keys(document.paths).find(
    (candidate) => document.paths[candidate]![method] && new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
  );
  if (!template) throw new Error(`No operation for ${method.toUpperCase()} ${pathname}`);
  return document.paths[template]![method]!;
}

/** The zod schema a named component stands for: the domain's `<Name>Schema`, or the server's ApiError. */
function schemaNamed(name: string): z.ZodType {
  if (name === 'ApiError') return ApiErrorSchema;
  const schema = (domain as Record<string, unknown>)[`${name}Schema`];
  if (!(schema instanceof z.ZodType)) throw new Error(`@telar/domain exports no ${name}Schema`);
  return schema;
}

/** The zod schema behind a response schema of the document (a named one, a list of them, or either of them). */
function toZod(schema: JsonSchema): z.ZodType {
  if (schema.$ref) return schemaNamed(schema.$ref.replace('#/components/schemas/', ''));
  if (schema.type === 'array' && schema.items) return z.array(toZod(schema.items));
  if (schema.anyOf) return z.union(schema.anyOf.map(toZod) as [z.ZodType, z.ZodType]);
  throw new Error(`Unnamed response schema: ${JSON.stringify(schema)}`);
}

describe('the OpenAPI document', () => {
  it('says where the API is, under which licence, and how callers authenticate', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api' })]);
    expect(document.info.license?.name).toBe('AGPL-3.0-or-later');
    expect(document.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'telar_session' }),
      csrfToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    });
    expect(document.security).toEqual([{ sessionCookie: [] }]);
  });

  it('names every operation once, in camelCase, with a summary', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]+$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations().filter(({ operation }) => !operation.summary?.trim())).toEqual([]);
  });

  it('opens to anonymous callers only sign-in, sign-out, the links sent by e-mail, secret calendar feeds, survey invitations by personal link, the catalogue, evidence of published records and the portal', () => {
    const open = operations().filter(({ operation }) => isPublic(operation)).map(({ operation }) => operation.operationId);
    expect(open.filter((id) => !/^(get|list|download)Public|^downloadOpenData$/.test(id)).sort()).toEqual([
      'checkAccountLink',
      'downloadEvidence',
      'getCalendarFeed',
      'listStates',
      'login',
      'logout',
      'requestPasswordReset',
      'respondSurveyInvitation',
      'getSurveyInvitation',
      'setPasswordWithLink',
    ].sort());
    // Every other route needs the session cookie, and its writes the CSRF header too.
    for (const { path, method, operation } of operations().filter(({ operation }) => !isPublic(operation))) {
      expect(operation.responses, `${method} ${path}`).toHaveProperty('401');
      if (method !== 'get') {
        expect(operation.security, `${method} ${path}`).toEqual([{ sessionCookie: [], csrfToken: [] }]);
        expect(operation.responses, `${method} ${path}`).toHaveProperty('403');
      }
    }
  });

  it('states the open-data licence on the public data routes', () => {
    const portal = operations().filter(({ path }) => path.startsWith('/public/'));
    expect(portal.length).toBeGreaterThan(10);
    expect(portal.filter(({ operation }) => !operation.description?.includes(LICENCE_URL)).map(({ path }) => path)).toEqual([]);
  });

  it('describes every answer: named JSON schemas, ApiError for every error, binary files with their content type', () => {
    const problems: string[] = [];
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      if (operation.requestBody && !['413', '415', '422'].every((status) => status in operation.responses)) problems.push(`${where}: a body without 413/415/422`);
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, { schema }] of Object.entries(response.content ?? {})) {
          if (Number(status) >= 400) {
            const refs = schema.anyOf ?? [schema];
            if (!refs.some((s) => s.$ref === '#/components/schemas/ApiError')) problems.push(`${where} ${status}: not ApiError`);
          } else if (type === 'application/json' && !(schema.format === 'binary')) {
            try {
              toZod(schema);
            } catch (error) {
              problems.push(`${where} ${status}: ${(error as Error).message}`);
            }
          } else if (!(schema.type === 'string' && schema.format === 'binary')) {
            problems.push(`${where} ${status} ${type}: a file that is not a binary string`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names each response schema after the domain schema it comes from', () => {
    const names = Object.keys(document.components.schemas).filter((name) => !['ApiError', 'FieldIssue'].includes(name));
    expect(names.filter((name) => schemaNamed(name).meta()?.id !== name)).toEqual([]);
  });
});

// The document does not depend on the database: linting it and generating a client from it once is enough.
describe.runIf(testDatabaseKind === 'pglite')('client generators', () => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'telar-openapi-'));
    writeFileSync(join(workDir, 'openapi.json'), JSON.stringify(document));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("passes Redocly's recommended rules without an error", () => {
    const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
    const run = spawnSync(process.execPath, [cli, 'lint', '--extends', 'recommended', '--format', 'json', join(workDir, 'openapi.json')], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; location: { pointer: string }[] }[] };
    const describe = (severity: string) =>
      report.problems.filter((p) => p.severity === severity).map((p) => `${p.ruleId} ${p.location.map((l) => l.pointer).join(' ')}`);
    // Warnings are allowed (e.g. a route that cannot fail has no 4xx answer); they are listed here to be seen.
    if (report.totals.warnings) console.info(`Redocly: ${report.totals.warnings} warnings\n${describe('warn').join('\n')}`);
    expect(describe('error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('generates TypeScript types that read the public sessions, and refuse a field they do not have', { timeout: 120_000 }, async () => {
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    writeFileSync(join(workDir, 'api.ts'), astToString(await openapiTS(document as never)));
    const snippet = (field: string) => `import type { paths } from './api';
type PublicSessions = paths['/public/sessions']['get'];
export const query: NonNullable<PublicSessions['parameters']['query']> = { page: 2, pageSize: 10, from: '2023-01-01' };
declare const page: PublicSessions['responses'][200]['content']['application/json'];
const first = page.items[0];
export const total: number = page.total;
export const line: string = first ? [first.body.name, first.${field}, first.kind, String(first.number ?? '')].join(' ') : '';
`;
    writeFileSync(join(workDir, 'reads-sessions.ts'), snippet('date'));
    writeFileSync(join(workDir, 'misreads-sessions.ts'), snippet('fecha'));
    const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
    const run = spawnSync(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', 'reads-sessions.ts', 'misreads-sessions.ts'],
      { cwd: workDir, encoding: 'utf8' },
    );
    const errors = run.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.filter((line) => line.startsWith('reads-sessions.ts'))).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^misreads-sessions\.ts.*error TS2339: Property 'fecha' does not exist/)]);
  });
});

describe('answers', () => {
  /** Checks an answer against the schema the contract declares for its operation and status. */
  function expectDeclared(method: string, path: string, answer: { status: number; body: unknown }) {
    const response = findOperation(method, path).responses[String(answer.status)];
    const schema = response?.content?.['application/json']?.schema;
    expect(schema, `${method.toUpperCase()} ${path} answered ${answer.status}, which the contract does not declare`).toBeDefined();
    const parsed = toZod(schema!).safeParse(answer.body);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${method.toUpperCase()} ${path}: ${i.path.join('.')} ${i.message}`)).toEqual([]);
  }
  const read = async (path: string, client: TestContext['api'] = ctx.api) => {
    const answer = await client('GET', path);
    expect(answer.status, path).toBe(200);
    expectDeclared('get', path, answer);
    return answer.body;
  };

  it('of every list and detail of the demo data match their declared schemas', { timeout: 120_000 }, async () => {
    const { anonymous } = ctx;
    await read('/auth/me');
    await read('/dashboard');
    await read('/states', anonymous);
    const organization = (await read('/organizations?q=REDIM')).items[0];
    await read(`/organizations/${organization.id}`);
    await read(`/dashboards/organizations/${organization.id}`);
    const comse = (await read('/bodies?q=COMSE')).items[0];
    const session = (await read(`/sessions?bodyId=${comse.id}`)).items[0];
    await read(`/sessions/${session.id}`);
    await read(`/history/session/${session.id}`);
    const agreement = (await read('/agreements?pageSize=100')).items.find((a: { code: string | null }) => a.code === null);
    await read(`/agreements/${agreement.id}`);
    const plan = (await read('/plans?pageSize=50')).items.find((p: { shortName: string }) => p.shortName === 'PRONAPINNA 2020-2024');
    const { nodes } = await read(`/plans/${plan.id}`);
    type Node = { id: string; indicators: { id: string }[]; responsibleOrganizations: unknown[]; children: Node[] };
    const flat = (list: Node[]): Node[] => list.flatMap((n) => [n, ...flat(n.children)]);
    const measured = flat(nodes).find((n) => n.indicators.length)!;
    await read(`/plan-nodes/${measured.id}`);
    await read(`/indicators/${measured.indicators[0]!.id}?breakdowns=true`);
    const activity = (await read('/activities?pageSize=100')).items[0];
    await read(`/activities/${activity.id}`);
    await read('/dashboards/activities');
    await read(`/reports/mechanism?bodyId=${comse.id}&from=2022-11-01&to=2023-10-31`);

    // What the demo lacks is created, and the writes' answers are checked too.
    const membership = await ctx.api('POST', '/memberships', { bodyId: comse.id, organizationId: organization.id, role: 'member' });
    expectDeclared('post', '/memberships', membership);
    const focalPoint = await ctx.api('POST', '/focal-points', { membershipId: membership.body.id, kind: 'titular', person: { name: 'Persona Enlace' }, startDate: '2024-01-01' });
    expectDeclared('post', '/focal-points', focalPoint);
    await read(`/bodies/${comse.id}`);
    const period = await ctx.api('POST', '/reporting-periods', { planId: plan.id, title: 'Primer semestre 2024', periodFrom: '2024-01-01', periodTo: '2024-06-30', dueDate: '2024-07-31', organizationIds: [organization.id] });
    expectDeclared('post', '/reporting-periods', period);
    await read('/reporting-periods');
    await read(`/reporting-periods/${period.body.id}`);
    const report = (await read('/reports')).items[0];
    await read('/reports?mine=true');
    await read(`/reports/${report.id}`);
    const form = new FormData();
    form.append('file', new File([Buffer.from('%PDF-1.4\n%prueba\n')], 'acta.pdf', { type: 'application/pdf' }));
    form.append('title', 'Acta de prueba');
    expectDeclared('post', '/evidence', await ctx.api('POST', '/evidence', form));
    expectDeclared('patch', '/sessions/{id}', await ctx.api('PATCH', `/sessions/${session.id}`, { version: session.version, modality: 'virtual' }));
    expectDeclared('post', '/imports/mechanism-report', await ctx.api('POST', '/imports/mechanism-report', { text: 'No es un informe.', dryRun: true }));

    await read('/public/bodies', anonymous);
    const published = (await read('/public/sessions', anonymous)).items[0];
    await read(`/public/sessions/${published.id}`, anonymous);
    const publishedAgreement = (await read('/public/agreements', anonymous)).items[0];
    await read(`/public/agreements/${publishedAgreement.id}`, anonymous);
    await read('/public/reports', anonymous);
    const publicPlan = (await read('/public/plans', anonymous)).items[0];
    await read(`/public/plans/${publicPlan.id}`, anonymous);
    await read('/public/dashboards/activities', anonymous);
  });

  it('of errors match ApiError, whatever the status', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectDeclared('get', '/sessions/{id}', await ctx.api('GET', `/sessions/${unknown}`));
    expectDeclared('get', '/sessions/{id}', await ctx.api('GET', '/sessions/no-es-un-id'));
    expectDeclared('get', '/sessions', await ctx.anonymous('GET', '/sessions'));
    expectDeclared('post', '/organizations', await ctx.api('POST', '/organizations', { name: '' }));
  });

  it('refuses a body of another content type with 415 and its own code', async () => {
    const response = await ctx.request('/api/organizations', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"name":"Organización"}' });
    const answer = { status: response.status, body: await response.json() };
    expect(answer).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    expectDeclared('post', '/organizations', answer);
  });

  it('send the licence of published data with every public download', async () => {
    for (const path of ['/public/open-data/sessions?format=csv', '/public/open-data/agreements?format=json', '/public/dashboards/activities/table?table=byState']) {
      const answer = await ctx.anonymous('GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('link'), path).toBe(`<${LICENCE_URL}>; rel="license"`);
    }
  });
});
