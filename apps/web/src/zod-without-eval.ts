// The server's Content-Security-Policy (script-src 'self') forbids eval, so zod's compiled fast path
// can never run here, and zod probing for it with `new Function` is itself a reported CSP violation.
// zod reads its settings from this global when it loads (zod/v4/core/core.js), and it loads only with
// the lazy pages: setting the global here, in the entry, comes first without pulling zod into it.
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
