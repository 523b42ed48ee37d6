import { defineConfig } from 'drizzle-kit';

// Only used to generate migration files; migrations run from code (src/platform/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.tables.ts',
  out: './src/platform/db/migrations',
});
