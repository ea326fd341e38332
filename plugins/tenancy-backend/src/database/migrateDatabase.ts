import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDirectory = resolvePackagePath(
  '@tenancy-plugins/backstage-plugin-tenancy-backend',
  'migrations',
);

/**
 * The plugin's database client, its tables brought up to date by the
 * migrations in the package's `migrations/` folder (plain JavaScript, run by
 * knex in name order) unless the app skips migrations
 * (`backend.database.skipMigrations`). Replicas migrate safely at the same
 * time: knex holds a lock while it migrates.
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDirectory });
  }
  return client;
}
