import { Client } from 'pg';
import { START_POSTGRES_HINT, TEST_DATABASE_URL } from './test-env';

/**
 * The suite runs every end-to-end test on SQLite and on PostgreSQL. A missing PostgreSQL is a
 * failure with instructions, never a silent skip.
 */
export default async function globalSetup(): Promise<void> {
  const dbName = new URL(TEST_DATABASE_URL).pathname.replace(/^\//, '');
  if (!dbName.includes('test')) {
    throw new Error(`Refusing to run tests against database "${dbName}": its name must contain "test" (TEST_DATABASE_URL).`);
  }
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${(e as Error).message}); ${START_POSTGRES_HINT}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
