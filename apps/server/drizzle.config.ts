import { defineConfig } from 'drizzle-kit';

// Only used to generate migration files; migrations run from code (src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
