import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

/** Starts one PostgreSQL cluster for the postgres test project, unless TELAR_TEST_POSTGRES_URL names one. */
export default async function setup(project: TestProject) {
  if (process.env.TELAR_TEST_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.TELAR_TEST_POSTGRES_URL);
    return;
  }
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
