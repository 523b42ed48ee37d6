// Interim until branch net-domain lands checkSurveyAnswers in @telar/domain; then this file goes.
import type { TemplateDefinition } from '@telar/domain';

type AnswerInput = { selected?: string[]; number?: number; text?: string };

export function checkSurveyAnswers(definition: TemplateDefinition, answers: Record<string, AnswerInput>) {
  const rows: { questionKey: string; optionKey: string | null; number: number | null; text: string | null }[] = [];
  const issues: { path: string; message: string }[] = [];
  const questions = definition.sections.flatMap((s) => s.questions);
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push({ path: `answers.${key}`, message: 'No es una pregunta de esta encuesta.' });
  for (const q of questions) {
    const answer = answers[q.key];
    const empty = !answer || ((answer.selected ?? []).length === 0 && answer.number === undefined && !answer.text?.trim());
    if (empty) {
      if (q.required) issues.push({ path: `answers.${q.key}`, message: `Responda la pregunta ${q.number}.` });
      continue;
    }
    if (q.kind === 'open') rows.push({ questionKey: q.key, optionKey: null, number: null, text: answer.text!.trim() });
    else if (q.kind === 'number') {
      if (answer.number === undefined) issues.push({ path: `answers.${q.key}.number`, message: `La pregunta ${q.number} pide un número.` });
      else rows.push({ questionKey: q.key, optionKey: null, number: answer.number, text: null });
    } else {
      const selected = [...new Set(answer.selected ?? [])];
      const options = new Set(q.options.map((o) => o.key));
      const bad = selected.filter((s) => !options.has(s));
      if (bad.length) issues.push({ path: `answers.${q.key}.selected`, message: `Opción no válida en la pregunta ${q.number}.` });
      else if (q.kind !== 'multiple_choice' && selected.length > 1) issues.push({ path: `answers.${q.key}.selected`, message: `Elija una sola opción en la pregunta ${q.number}.` });
      else for (const o of selected) rows.push({ questionKey: q.key, optionKey: o, number: null, text: null });
    }
  }
  return { rows, issues };
}
