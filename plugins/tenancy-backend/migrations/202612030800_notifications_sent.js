/*
 * The notifications the tenancy backend has sent, one row per event key (so
 * no replica sends the same event twice), and the state the notifications
 * keep between refreshes (since when an application is degraded, whether a
 * namespace is over its quota threshold, which findings were announced).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('tenancy_notifications_sent', table => {
    table.comment('One row per notification event the tenancy backend sent');
    table
      .string('key_hash', 64)
      .primary()
      .comment('SHA-256 of the event key, hex');
    table.text('key').notNullable().comment('The event key');
    table.string('kind', 64).notNullable().comment('The notification kind');
    table
      .string('claim', 36)
      .notNullable()
      .comment('A random id of the sender that inserted the row');
    table
      .timestamp('sent_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('tenancy_notification_state', table => {
    table.comment('What the state notifications remember between refreshes');
    table
      .string('subject', 255)
      .primary()
      .comment('What the state is about, e.g. degraded:argocd/payments-api');
    table.text('value').notNullable().comment('JSON');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tenancy_notification_state');
  await knex.schema.dropTable('tenancy_notifications_sent');
};
