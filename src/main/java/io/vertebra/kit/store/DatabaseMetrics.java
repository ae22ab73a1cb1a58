package io.vertebra.kit.store;

import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.PrometheusText;

/** The database connection pool's series for {@code /metrics}: connections by state, the limit, who waits. */
public final class DatabaseMetrics implements MetricSource {

  private final Database database;

  /** The pool series of {@code database}. */
  public DatabaseMetrics(Database database) {
    this.database = database;
  }

  @Override
  public void collect(PrometheusText out) {
    Database.PoolStats pool = database.poolStats();
    out.gauge("vertebra_db_pool_connections", "Database pool connections, by state.")
        .sample(pool.active(), "state", "active")
        .sample(pool.idle(), "state", "idle");
    out.gauge("vertebra_db_pool_max_connections", "The database pool's size limit.").sample(pool.max());
    out.gauge("vertebra_db_pool_waiting_threads", "Requests waiting for a database connection.")
        .sample(pool.waiting());
  }
}
