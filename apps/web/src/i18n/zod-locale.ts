import { config } from 'zod';
import es from 'zod/v4/locales/es.js';

// The domain schemas carry Spanish messages for the rules people break; this covers the generic
// ones zod writes itself (wrong type, invalid choice) so no English reaches the form.
config(es());
