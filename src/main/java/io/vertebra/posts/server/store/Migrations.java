package io.vertebra.posts.server.store;

import io.vertebra.posts.shared.PostFields;
import io.vertebra.posts.shared.SessionFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings the schema up to date: an ordered list of steps, each applied once and recorded in
 * {@code schema_version}. The SQL is portable between SQLite and PostgreSQL; what cannot be ({@code %1$s}: the
 * generated key column) comes from the {@link Dialect}. Add a step to change the schema; never edit one that has
 * shipped.
 */
final class Migrations {

  /** Step n (1-based) is {@code STEPS.get(n - 1)}; each step is a list of statements run in one transaction. */
  private static final List<List<String>> STEPS = List.of(
      List.of("""
          CREATE TABLE posts (
            id %%1$s,
            title VARCHAR(%d) NOT NULL,
            body VARCHAR(%d) NOT NULL,
            author VARCHAR(%d) NOT NULL,
            version BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
          )""".formatted(PostFields.TITLE_MAX_LENGTH, PostFields.BODY_MAX_LENGTH, SessionFields.NAME_MAX_LENGTH)),
      // 2: sign-ins, so that sign-out revokes (issue 21)
      List.of("""
          CREATE TABLE sessions (
            id VARCHAR(64) PRIMARY KEY,
            user_id VARCHAR(64) NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            revoked_at BIGINT
          )""", "CREATE INDEX sessions_user ON sessions (user_id)"),
      // 3: who wrote a post (its author alone may delete it) and who changed it last (issue 21)
      List.of("ALTER TABLE posts ADD COLUMN author_id VARCHAR(64)",
          "ALTER TABLE posts ADD COLUMN updated_by VARCHAR(%d)".formatted(SessionFields.NAME_MAX_LENGTH)));

  private Migrations() {}

  /** Applies the missing steps on {@code c} (left with auto-commit off). */
  static void apply(Connection c, Dialect dialect) throws SQLException {
    c.setAutoCommit(false);
    createVersionTable(c);
    int current = currentVersion(c);
    for (int step = current + 1; step <= STEPS.size(); step++) {
      try (Statement s = c.createStatement()) {
        for (String sql : STEPS.get(step - 1)) {
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

  /** The newest step this code knows. */
  static int latest() {
    return STEPS.size();
  }

  private static void createVersionTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    }
    c.commit();
  }

  private static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      int version = rs.getInt(1);
      if (version > STEPS.size()) {
        throw new SQLException("The database schema (version " + version + ") is newer than this program ("
            + STEPS.size() + "): upgrade the program");
      }
      return version;
    }
  }
}
