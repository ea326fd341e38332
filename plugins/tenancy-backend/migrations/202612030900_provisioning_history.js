/*
 * The provisioning history: each request (pull request on the GitOps
 * repository) once, and what happened to it as events, each recorded once
 * (primary key: request and event key), so a scheduled task that runs again
 * writes nothing new. Times are ISO 8601 strings in UTC (they sort as text on
 * every database).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('tenancy_provisioning_requests', table => {
    table.comment('Provisioning requests of the GitOps repository');
    table
      .string('id', 300)
      .primary()
      .comment(
        '`<number>:<branch>`: a forge reuses no number, a branch may be reused',
      );
    table.integer('number').notNullable();
    table.string('branch', 255).notNullable();
    table.text('title').notNullable();
    table.text('url').notNullable();
    table
      .string('tenant', 255)
      .notNullable()
      .comment('Tenant name, from the branch');
    table
      .string('subject', 255)
      .notNullable()
      .comment('Last part of the branch: the namespace of a creation');
    table
      .string('kind', 32)
      .notNullable()
      .comment('create, update, delete, onboarding or exception');
    table.string('state', 16).notNullable().comment('open, merged or closed');
    table.string('fingerprint', 128).nullable();
    table.string('requested_by', 255).nullable();
    table
      .string('part_ref', 255)
      .nullable()
      .comment('Namespace or vCluster entity');
    table.string('environment', 255).nullable();
    table.string('cluster', 255).nullable();
    table.string('namespace', 255).nullable();
    table.string('opened_at', 32).nullable();
    table.string('updated_at', 32).nullable();
    table.index(['state'], 'tenancy_provisioning_requests_state_idx');
  });
  await knex.schema.createTable('tenancy_provisioning_events', table => {
    table.comment('What happened to each provisioning request, once each');
    table
      .string('request_id', 300)
      .notNullable()
      .references('id')
      .inTable('tenancy_provisioning_requests')
      .onDelete('CASCADE');
    table
      .string('key', 200)
      .notNullable()
      .comment(
        'The event type, with what tells repeats apart (updated:<fingerprint>)',
      );
    table
      .string('type', 32)
      .notNullable()
      .comment(
        'opened, updated, merged, closed, refused, active, synced, healthy, ready',
      );
    table.string('at', 32).notNullable();
    table
      .string('reason', 64)
      .nullable()
      .comment('Why a request was refused or failed');
    table.text('detail').nullable();
    table.primary(['request_id', 'key']);
    table.index(['type', 'at'], 'tenancy_provisioning_events_type_at_idx');
  });
  await knex.schema.createTable('tenancy_provisioning_state', table => {
    table.comment('Settings of the history itself, e.g. since when it watches');
    table.string('key', 64).primary();
    table.string('value', 255).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tenancy_provisioning_events');
  await knex.schema.dropTable('tenancy_provisioning_requests');
  await knex.schema.dropTable('tenancy_provisioning_state');
};
