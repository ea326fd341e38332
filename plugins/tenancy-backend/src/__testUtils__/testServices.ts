/**
 * The PostgreSQL and Redis that scripts/test-services.sh starts (`.ci/run`
 * does): tests that need them run only when both are given, and with
 * TENANCY_REQUIRE_SERVICES set a missing one fails the test file.
 */
const pgUrl = process.env.TENANCY_TEST_PG_URL;
const redisUrl = process.env.TENANCY_TEST_REDIS_URL;
const available = Boolean(pgUrl && redisUrl);
if (!available && process.env.TENANCY_REQUIRE_SERVICES) {
  throw new Error(
    'TENANCY_REQUIRE_SERVICES is set but TENANCY_TEST_PG_URL or TENANCY_TEST_REDIS_URL is not',
  );
}

export const testServices = {
  available,
  pgUrl: pgUrl ?? '',
  redisUrl: redisUrl ?? '',
  /** `backend` config of a backend of test run `run`: its own database prefix and cache namespace. */
  backendConfig(run: string) {
    return {
      database: { client: 'pg', connection: pgUrl, prefix: `${run}_` },
      cache: {
        store: 'redis',
        connection: redisUrl,
        redis: { client: { namespace: run } },
      },
    };
  },
  /** The connection URL of another database on the same server. */
  databaseUrl(name: string): string {
    return (pgUrl ?? '').replace(/\/[^/]*$/, `/${name}`);
  },
};
