import { afterEach, describe, expect, it, vi } from 'vitest';
import { networksApi } from './network-resources';

afterEach(() => vi.unstubAllGlobals());

describe('network members API', () => {
  it('downloads the list with the filters on screen and leaves blank ones out', () => {
    const url = networksApi.membersExportUrl('net 1', 'xlsx', { q: 'infancia', stateCode: 'MX-OAX', sector: undefined, status: 'grace' });
    const parsed = new URL(url, 'http://localhost');
    expect(parsed.pathname).toBe('/api/networks/net%201/members/export');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ q: 'infancia', stateCode: 'MX-OAX', status: 'grace', format: 'xlsx' });
  });

  it('sends an import as multipart with the file and whether it is a dry run', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ dryRun: true, written: false, rows: 1, created: 1, organizationsCreated: 0, matched: 1, updated: 0, issues: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new File(['Nombre\nREDIM\n'], 'integrantes.csv', { type: 'text/csv' });
    const result = await networksApi.importMembers({ networkId: 'n1', file, dryRun: true });
    expect(result.created).toBe(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/networks/n1/members/import');
    expect(init.method).toBe('POST');
    const form = init.body as FormData;
    expect(form.get('dryRun')).toBe('true');
    expect((form.get('file') as File).name).toBe('integrantes.csv');
  });

  it('puts a year’s contribution at the member’s year', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await networksApi.saveContribution({ networkId: 'n1', memberId: 'm1', year: 2026, input: { status: 'paid', amount: 1500 } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/networks/n1/members/m1/contributions/2026');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body as string)).toEqual({ status: 'paid', amount: 1500 });
  });
});
