package io.vertebra.kit.store;

import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.TimedProbe;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database part of {@code /healthz}: a pooled connection answers {@code SELECT 1} within two seconds. A
 * database that is down or hung makes this node unhealthy, so a load balancer stops sending it requests it could
 * only answer with 503.
 */
public final class DatabaseHealth implements HealthCheck {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Database database;
  private final TimedProbe probe;

  /** A check of {@code database}. */
  public DatabaseHealth(Database database) {
    this.database = database;
    this.probe = new TimedProbe("database", this::query, TIMEOUT);
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Status check() {
    long start = System.nanoTime();
    String problem = probe.problem();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dialect", database.dialect());
    details.put("millis", (System.nanoTime() - start) / 1_000_000);
    return problem == null ? Status.up(details) : Status.down(problem, details);
  }

  private void query() throws Exception {
    try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) TIMEOUT.toSeconds());
      statement.execute("SELECT 1");
      connection.rollback();
    }
  }
}
