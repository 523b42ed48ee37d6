import { parseArgs } from 'node:util';
import { systemActor } from '../platform/auth/actor.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { createServices } from '../services.js';

const USAGE = 'Uso: telar export network NOMBRE-O-SIGLAS --format json';

/**
 * `telar export network NAME --format json`: the network in a few numbers — its declared size, the
 * current members Telar records and their states, and each commission with its commitment and whether
 * it has a focal point and an alternate today. No person is named.
 */
export async function exportNetworkCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' } } });
  if (positionals.length !== 1 || values.format !== 'json') {
    console.error(USAGE);
    return 2;
  }
  const summary = await createServices(handle.db, systemActor('cli')).networks.exportSummary(positionals[0]!);
  console.log(JSON.stringify(summary, null, 2));
  return 0;
}
