/**
 * Spanish (es-MX) texts of the domain's diagnostics, keyed by stable code. Each entry renders the
 * reason only; the location prefix ("Línea 42, «Participante»") has its own entries so that the
 * English catalogue can order them its own way.
 */
export const MESSAGES_ES_MX = {
  'location.line': (p: { line: number }) => `Línea ${p.line}`,
  'location.lineField': (p: { line: number; field: string }) => `Línea ${p.line}, «${p.field}»`,

  'document.empty': () => 'el documento está vacío.',
  'document.noBlocks': () =>
    'no se encontró ningún bloque de participación; cada bloque empieza con la etiqueta «Participante:».',
  'internal.error': () => 'no se pudo leer el documento por un error interno; avise al equipo de Telar.',

  'label.unknown': (p: { label: string }) => `no se reconoce la etiqueta "${p.label}".`,
  'label.approximate': (p: { label: string; canonical: string }) =>
    `la etiqueta "${p.label}" no es exacta; se tomó como «${p.canonical}».`,
  'label.ambiguous': (p: { label: string; candidates: string[] }) =>
    `la etiqueta "${p.label}" se parece por igual a ${p.candidates.map((c) => `«${c}»`).join(' y ')}; escríbala como una de ellas.`,
  'label.incomplete': () =>
    'la etiqueta quedó partida (salto de página) y no se encontró su continuación en la línea siguiente.',
  'field.missing': (p: { field: string }) => `al bloque que empieza aquí le falta el campo «${p.field}».`,
  'field.empty': () => 'el campo está vacío.',
  'line.continuation': () =>
    'esta línea no tiene etiqueta y se unió al campo anterior; revise que no falte una etiqueta.',
  'line.ignored': () => 'esta línea no pertenece a ningún campo y se ignoró.',

  'session.kindUnreadable': (p: { value: string }) =>
    `no se reconoce el tipo de sesión en "${p.value}"; se espera «Sesión Ordinaria», «Sesión Extraordinaria», «Sesión Permanente» o «Sesión de Instalación».`,
  'session.ordinalMissing': (p: { value: string }) =>
    `falta el número de la sesión en "${p.value}" (por ejemplo «Vigésima Primera Sesión Ordinaria»).`,
  'session.outsidePeriod': (p: { date: string }) =>
    `la sesión del ${p.date} queda fuera del periodo del informe.`,
  'ordinal.unreadable': (p: { value: string }) => `no se reconoce el número ordinal "${p.value}".`,
  'date.missing': (p: { value: string }) => `falta la fecha en "${p.value}".`,
  'date.unreadable': (p: { value: string }) => `no se reconoce la fecha "${p.value}".`,

  'footnote.missing': (p: { marker: string }) =>
    `se cita la nota ${p.marker} pero el documento no la contiene; el medio de verificación queda sin enlace.`,
  'preamble.bodyMissing': () =>
    'no se encontró el título «Informe del Mecanismo de participación de sociedad civil, academia y sector privado de …».',
  'preamble.agreementMissing': () =>
    'no se encontró el acuerdo que aprobó el mecanismo («aprobó mediante el acuerdo …, en el marco de la … Sesión …»).',
  'preamble.periodMissing': () => 'no se encontró el periodo del informe («del … al …»).',
  'period.unreadable': (p: { value: string }) =>
    `no se puede leer el periodo del informe en "${p.value}"; escríbalo como «del 1 de noviembre de 2022 al 31 de octubre de 2023».`,
  'period.reversed': (p: { from: string; to: string }) =>
    `el periodo del informe termina (${p.to}) antes de empezar (${p.from}).`,
} as const;

export type MessageCode = keyof typeof MESSAGES_ES_MX;
export type MessageParams<C extends MessageCode> = Parameters<(typeof MESSAGES_ES_MX)[C]>;
