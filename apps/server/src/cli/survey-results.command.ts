import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemActor } from '../platform/auth/actor.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { DomainError } from '../platform/errors.js';
import { createServices } from '../services.js';

const USAGE = 'Uso: telar export survey-results TÍTULO-O-ID --format json|csv [--out ARCHIVO]';
const FORMATS = ['json', 'csv'] as const;

/**
 * `telar export survey-results TÍTULO-O-ID --format json|csv`: a survey's results as the coordination
 * sees them, with the same suppression of small segments. JSON prints {survey, invited, responses,
 * responseRate, questions [{text, kind, answers, options [{label, respondents, mentions}], themes [{label, count}]}]};
 * CSV is the results download. A title that names several surveys is an error listing them.
 */
export async function exportSurveyResultsCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, out: { type: 'string' } } });
  const format = values.format as (typeof FORMATS)[number];
  if (positionals.length !== 1 || !FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const results = createServices(handle.db, systemActor('cli')).surveyResults;
  let id: string;
  try {
    id = await results.resolveId(positionals[0]!);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.code === 'not_found' ? `Error: no hay una encuesta con el título o identificador «${positionals[0]}».` : `Error: ${error.message}`);
    for (const issue of error.issues ?? []) console.error(`  ${issue.message}`);
    return 1;
  }
  const body = format === 'json' ? `${JSON.stringify(await results.summary(id), null, 2)}\n` : (await results.exportResults(id, {}, 'csv')).body;
  if (values.out) {
    writeFileSync(values.out, body);
    console.log(`Resultados escritos en ${values.out}.`);
  } else process.stdout.write(body);
  return 0;
}
