package io.vertebra.kit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An app's database schema as an ordered list of migration steps, each applied once, in order, when the
 * {@link Database} opens, and recorded in {@code schema_version}. Each step is a list of statements run in one
 * transaction. The SQL must be portable between SQLite and PostgreSQL; write {@code %1$s} where a generated primary
 * key column goes (the dialect fills it in). Add a step to change the schema; never edit one that has shipped.
 *
 * <pre>{@code
 * Schema schema = Schema.of(
 *     List.of("CREATE TABLE notes (id %1$s, title VARCHAR(200) NOT NULL, version BIGINT NOT NULL)"),
 *     SessionStore.TABLES); // sign-ins, for the identity endpoints
 * }</pre>
 */
public final class Schema {

  /** Step n (1-based) is {@code steps.get(n - 1)}. */
  private final List<List<String>> steps;

  private Schema(List<List<String>> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The schema made of these steps, in order. */
  @SafeVarargs
  public static Schema of(List<String>... steps) {
    return new Schema(List.of(steps));
  }

  /** The newest step of this schema. */
  public int latest() {
    return steps.size();
  }

  /** Applies the missing steps on {@code c} (left with auto-commit off). */
  void apply(Connection c, Dialect dialect) throws SQLException {
    c.setAutoCommit(false);
    createVersionTable(c);
    int current = currentVersion(c);
    for (int step = current + 1; step <= steps.size(); step++) {
      try (Statement s = c.createStatement()) {
        for (String sql : steps.get(step - 1)) {
          s.execute(sql.formatted(dialect.idColumn()));
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
        p.setInt(1, step);
        p.setLong(2, System.currentTimeMillis());
        p.executeUpdate();
      }
      // Committing each step with its record: a concurrent starter fails on the primary key instead of
      // applying a step twice.
      c.commit();
    }
  }

  /** Applies the missing steps on a SQLite connection (e.g. a file being prepared before it is opened). */
  public void applySqlite(Connection c) throws SQLException {
    apply(c, Dialect.SQLITE);
  }

  private static void createVersionTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    }
    c.commit();
  }

  private int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      int version = rs.getInt(1);
      if (version > steps.size()) {
        throw new SQLException("The database schema (version " + version + ") is newer than this program ("
            + steps.size() + "): upgrade the program");
      }
      return version;
    }
  }
}
