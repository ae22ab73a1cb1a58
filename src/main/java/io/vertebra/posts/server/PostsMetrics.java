package io.vertebra.posts.server;

import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.PrometheusText;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.kit.store.Database;

/** The posts backend's metrics for {@code /metrics}: realtime triggers and the database connection pool. */
final class PostsMetrics implements MetricSource {

  private final TriggerStats triggers;
  private final Database database;

  PostsMetrics(TriggerStats triggers, Database database) {
    this.triggers = triggers;
    this.database = database;
  }

  @Override
  public void collect(PrometheusText out) {
    out.counter("vertebra_posts_triggers_total",
        "Realtime triggers for committed post changes, by outcome (accepted by the realtime service or failed).")
        .sample(triggers.delivered(), "result", "delivered")
        .sample(triggers.failed(), "result", "failed");
    out.gauge("vertebra_posts_triggers_pending", "Realtime triggers sent and not answered yet.")
        .sample(Math.max(0, triggers.attempted() - triggers.delivered() - triggers.failed()));
    Database.PoolStats pool = database.poolStats();
    out.gauge("vertebra_db_pool_connections", "Database pool connections, by state.")
        .sample(pool.active(), "state", "active")
        .sample(pool.idle(), "state", "idle");
    out.gauge("vertebra_db_pool_max_connections", "The database pool's size limit.").sample(pool.max());
    out.gauge("vertebra_db_pool_waiting_threads", "Requests waiting for a database connection.")
        .sample(pool.waiting());
  }
}
