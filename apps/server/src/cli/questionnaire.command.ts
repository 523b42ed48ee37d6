import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseQuestionnaire, REPLY_FORMATS, type ReplyFormat, summarizeImport } from '@telar/domain';
import { findBodyByAcronym } from '../modules/bodies/index.js';
import { readReplyFile } from '../modules/questionnaires/index.js';
import { systemActor } from '../platform/auth/actor.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { createServices } from '../services.js';
import { readImportFile } from './import-file.js';

const USAGE = 'Uso: telar import questionnaire ARCHIVO(.txt|.md|.docx) (--dry-run | --body SIGLAS) [--json]';
const EXPORT_USAGE = 'Uso: telar export questionnaire REFERENCIA-O-ID --format docx|md|json --out ARCHIVO';

/**
 * `telar import questionnaire ARCHIVO (--dry-run | --body SIGLAS) [--json]`: reads an answered
 * questionnaire and says what it found (questions, answers, closed questions, tables, footnotes,
 * warnings by line); with `--body`, imports it as a closed exercise of that body (a second import of the
 * same reply creates nothing) and says what it created. Errors exit with 2 and nothing is written.
 */
export async function importQuestionnaireCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, body: { type: 'string' } },
  });
  if (positionals.length !== 1 || (!values['dry-run'] && !values.body)) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const result = parseQuestionnaire(await readReplyFile(file, await readImportFile(file)));
  if (!result.ok) {
    for (const error of result.errors) console.error(`${file}:${error.line}: Error: ${error.message}`);
    for (const warning of result.warnings) console.error(`${file}:${warning.line}: Aviso: ${warning.message}`);
    return 2;
  }
  const summary = summarizeImport(result.value);
  let imported: { exerciseId: string | null; created: Record<string, number>; reused: boolean } | undefined;
  if (!values['dry-run']) {
    const body = await findBodyByAcronym(handle.db, values.body!);
    if (!body) {
      console.error(`No hay un órgano con las siglas «${values.body}».`);
      return 2;
    }
    const { exerciseId, created, reused } = await createServices(handle.db, systemActor('cli')).questionnaireImport.importQuestionnaire(result.value, { bodyId: body.id, dryRun: false });
    imported = { exerciseId, created, reused };
  }
  if (values.json) {
    console.log(JSON.stringify(imported ? { ...summary, ...imported } : summary, null, 2));
    return 0;
  }
  for (const warning of summary.warnings) console.error(`${file}:${warning.line}: Aviso: ${warning.message}`);
  console.log(
    [
      `Título: ${summary.title}`,
      `Referencia: ${summary.reference ?? '—'}   Fecha: ${summary.date ?? '—'}`,
      `Preguntas: ${summary.questions} (con respuesta: ${summary.answers}; cerradas: ${summary.closed.length})`,
      `Tablas: ${summary.tables}   Notas al pie: ${summary.footnotes}   Avisos: ${summary.warnings.length}`,
      `Participantes: ${summary.contributors.length ? summary.contributors.join('; ') : '—'}`,
      ...(imported ? [imported.reused ? 'Ya estaba importada: no se creó nada.' : `Creados: ${JSON.stringify(imported.created)}`] : []),
    ].join('\n'),
  );
  return 0;
}

/** `telar export questionnaire REFERENCIA-O-ID --format docx|md|json --out ARCHIVO`: the consolidated reply, as the API gives it. */
export async function exportQuestionnaireCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'docx' }, out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.out || !REPLY_FORMATS.includes(values.format as ReplyFormat)) {
    console.error(EXPORT_USAGE);
    return 2;
  }
  const services = createServices(handle.db, systemActor('cli'));
  const exerciseId = await services.questionnaireExercises.resolveId(positionals[0]!);
  const file = await services.consolidation.exportReply(exerciseId, values.format as ReplyFormat);
  writeFileSync(values.out, file.body);
  console.log(`Respuesta escrita en ${values.out}.`);
  return 0;
}
