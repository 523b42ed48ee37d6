/** Questions in their template order, grouped under their section (consecutive questions of one section). */
export function groupBySection<T extends { section: string | null }>(questions: readonly T[]): { section: string | null; questions: T[] }[] {
  const groups: { section: string | null; questions: T[] }[] = [];
  for (const question of questions) {
    const last = groups[groups.length - 1];
    if (last && last.section === question.section) last.questions.push(question);
    else groups.push({ section: question.section, questions: [question] });
  }
  return groups;
}
