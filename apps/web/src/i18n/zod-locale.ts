import { config } from 'zod';
import es from 'zod/v4/locales/es.js';

// The domain schemas carry Spanish messages for the rules people break; this covers the generic
// ones zod writes itself (wrong type, invalid choice) so no English reaches the form.
config(es());
// Lengths the schemas leave unworded read as the domain's own («Máximo 40 caracteres.»), not zod's «Demasiado grande: …».
config({
  customError: (issue) =>
    issue.code === 'too_big' && issue.origin === 'string' ? `Máximo ${new Intl.NumberFormat('es-MX').format(Number(issue.maximum))} caracteres.` : undefined,
})
