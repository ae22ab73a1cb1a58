/**
 * The app's database: {@link io.vertebra.kit.store.Database} (SQLite in {@code DATA_DIR} by default, PostgreSQL by
 * {@code DATABASE_URL}) brought up to date with the app's {@link io.vertebra.kit.store.Schema} when it opens; writes
 * acknowledged only once durable ({@link io.vertebra.kit.store.GroupSync}); the sign-ins table
 * ({@link io.vertebra.kit.store.SessionStore}); online backups and the database's health check.
 */
package io.vertebra.kit.store;
