package io.vertebra.kit.store;

import io.vertebra.kit.identity.SessionRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The durable record of sign-ins, so that signing out really ends a session: a cookie is honoured only while its
 * session id is here, unexpired and not revoked. One primary-key lookup per check (no cache, so a revocation is
 * seen at once by every app node sharing the database, and after any restart). A revocation is synced to the
 * disk before it is acknowledged, like a post write.
 */
public final class SessionStore implements SessionRecords {

  /** The migration step that creates the table of sign-ins: put it in the app's {@link Schema}. */
  public static final List<String> TABLES = List.of("""
      CREATE TABLE sessions (
        id VARCHAR(64) PRIMARY KEY,
        user_id VARCHAR(64) NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        revoked_at BIGINT
      )""", "CREATE INDEX sessions_user ON sessions (user_id)");

  private final Database db;
  private final Clock clock;

  public SessionStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records a new session of {@code userId}, valid until {@code expiresAtMillis}. */
  @Override
  public void create(String sessionId, String userId, long expiresAtMillis) {
    run(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
        p.setString(1, sessionId);
        p.setString(2, userId);
        p.setLong(3, clock.millis());
        p.setLong(4, expiresAtMillis);
        p.executeUpdate();
      }
      return null;
    }, false);
  }

  /** Whether {@code sessionId} of {@code userId} exists, has not expired and was not revoked. */
  @Override
  public boolean isActive(String sessionId, String userId) {
    return run(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT 1 FROM sessions WHERE id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ?")) {
        p.setString(1, sessionId);
        p.setString(2, userId);
        p.setLong(3, clock.millis());
        try (ResultSet rs = p.executeQuery()) {
          return rs.next();
        }
      }
    }, false);
  }

  /** Revokes one session (sign-out). */
  @Override
  public void revoke(String sessionId) {
    revokeWhere("id = ?", sessionId);
  }

  /** Revokes every session of {@code userId} (sign out everywhere); returns how many were active. */
  @Override
  public int revokeUser(String userId) {
    return revokeWhere("user_id = ?", userId);
  }

  private int revokeWhere(String condition, String value) {
    return run(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE sessions SET revoked_at = ? WHERE " + condition + " AND revoked_at IS NULL")) {
        p.setLong(1, clock.millis());
        p.setString(2, value);
        return p.executeUpdate();
      }
    }, true);
  }

  /** Forgets sessions that expired before {@code beforeMillis}; they can no longer be used anyway. */
  @Override
  public int purgeExpired(long beforeMillis) {
    return run(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
        p.setLong(1, beforeMillis);
        return p.executeUpdate();
      }
    }, false);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction; a durable one (a revocation) is one of the database's writers. */
  private <T> T run(Work<T> work, boolean durable) {
    return durable ? db.write(() -> transaction(work)) : transaction(work);
  }

  private <T> T transaction(Work<T> work) {
    try (Connection c = db.connection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Session store unavailable: " + e.getMessage(), e);
    }
  }
}
