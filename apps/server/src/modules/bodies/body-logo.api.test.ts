import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JPEG_40_BY_20, pngImage } from '../../platform/documents/image.test-support.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids = { system: '', commission: '', other: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  const post = async (body: object) => (await ctx.api('POST', '/bodies', { level: 'national', ...body })).body.id as string;
  ids.system = await post({ kind: 'system', name: 'Sistema Nacional', acronym: 'SN' });
  ids.commission = await post({ kind: 'commission', name: 'Comisión de Prueba', acronym: 'CP', parentId: ids.system });
  ids.other = await post({ kind: 'system', name: 'Otro sistema', acronym: 'OS' });
});
afterAll(() => ctx.close());

const logoForm = (bytes: Uint8Array, name = 'logo.png') => {
  const form = new FormData();
  form.set('file', new File([Buffer.from(bytes)], name));
  return form;
};

describe("a body's logo", () => {
  it('is set by the body secretariat, shown on the body and served back byte for byte', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.commission }]);
    const logo = pngImage(300, 120);
    const saved = await secretariat('PUT', `/bodies/${ids.commission}/logo`, logoForm(logo));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ url: `/api/bodies/${ids.commission}/logo`, contentType: 'image/png', width: 300, height: 120, byteSize: logo.length });
    expect((await ctx.api('GET', `/bodies/${ids.commission}`)).body.logo).toEqual(saved.body);
    const served = await secretariat('GET', `/bodies/${ids.commission}/logo`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(served.body)).toEqual(logo);

    const replaced = await secretariat('PUT', `/bodies/${ids.commission}/logo`, logoForm(JPEG_40_BY_20, 'escudo.jpg'));
    expect(replaced.body).toMatchObject({ contentType: 'image/jpeg', width: 40, height: 20 });
    const history = (await ctx.api('GET', `/history/body/${ids.commission}`)).body as { shown: { fields: { label: string; before: string; after: string }[] } }[];
    const logoChanges = history.flatMap((entry) => entry.shown.fields.filter((field) => field.label === 'Logotipo').map(({ before, after }) => [before, after]));
    expect(logoChanges).toEqual([
      ['PNG de 300 × 120 píxeles', 'JPEG de 40 × 20 píxeles'],
      ['—', 'PNG de 300 × 120 píxeles'],
    ]);
  });

  it('heads the Word report of the body, and only of that body', async () => {
    await ctx.api('PUT', `/bodies/${ids.commission}/logo`, logoForm(pngImage(100, 50)));
    const mediaOf = async (bodyId: string) => {
      const report = await ctx.api('GET', `/reports/mechanism?bodyId=${bodyId}&from=2024-01-01&to=2024-12-31&format=docx`);
      expect(report.status).toBe(200);
      const zip = await JSZip.loadAsync(report.body);
      return Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).map((name) => zip.file(name)!.async('uint8array')));
    };
    expect((await mediaOf(ids.commission)).map((bytes) => new Uint8Array(bytes))).toEqual([pngImage(100, 50)]);
    expect(await mediaOf(ids.other)).toEqual([]);
  });

  it('refuses what is not a PNG or JPEG, too heavy or too large, naming the file field, and keeps the logo there was', async () => {
    await ctx.api('PUT', `/bodies/${ids.commission}/logo`, logoForm(JPEG_40_BY_20, 'escudo.jpg'));
    const refusals = [
      [new TextEncoder().encode('%PDF-1.4 not an image'), 'PNG o JPEG'],
      [new Uint8Array(0), 'vacío'],
      [pngImage(4001, 10), '4001 × 10 píxeles'],
      [new Uint8Array(1024 * 1024 + 1).fill(7), 'pasa de 1 MB'],
    ] as const;
    for (const [bytes, says] of refusals) {
      const refused = await ctx.api('PUT', `/bodies/${ids.commission}/logo`, logoForm(bytes));
      expect(refused.status).toBe(422);
      expect(refused.body.error.issues[0].path).toBe('file');
      expect(refused.body.error.issues[0].message).toContain(says);
    }
    expect((await ctx.api('GET', `/bodies/${ids.commission}`)).body.logo).toMatchObject({ contentType: 'image/jpeg', width: 40 });
  });

  it("is another body's secretariat's to look at, not to change; anonymous callers are refused before the upload is read", async () => {
    const outsider = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    expect((await outsider('PUT', `/bodies/${ids.commission}/logo`, logoForm(pngImage(10, 10)))).status).toBe(403);
    expect((await outsider('DELETE', `/bodies/${ids.commission}/logo`)).status).toBe(403);
    expect((await outsider('GET', `/bodies/${ids.commission}/logo`)).status).toBe(200);
    expect((await ctx.anonymous('PUT', `/bodies/${ids.commission}/logo`, logoForm(pngImage(10, 10)))).status).toBe(401);
    expect((await ctx.anonymous('GET', `/bodies/${ids.commission}/logo`)).status).toBe(401);
  });

  it('is removed by its secretariat, and then there is none', async () => {
    expect((await ctx.api('DELETE', `/bodies/${ids.commission}/logo`)).status).toBe(204);
    expect((await ctx.api('GET', `/bodies/${ids.commission}`)).body.logo).toBeNull();
    expect((await ctx.api('GET', `/bodies/${ids.commission}/logo`)).status).toBe(404);
    expect((await ctx.api('DELETE', `/bodies/${ids.commission}/logo`)).status).toBe(404);
  });
});
