/** Where the tests find PostgreSQL. The database name must contain "test": tests create and drop schemas in it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export const START_POSTGRES_HINT =
  "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or set TEST_DATABASE_URL)";
