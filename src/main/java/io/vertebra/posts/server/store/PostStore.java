package io.vertebra.posts.server.store;

import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posts in the database. Every method is one transaction; a write returns only once durable, so a caller may
 * acknowledge it (CrashSafetyIT kills the server right after acknowledgements and finds every one). Writes are
 * optimistic: an update or delete may name the version it was based on, and then only succeeds if that is still the
 * current version ({@code UPDATE ... WHERE id = ? AND version = ?}), so concurrent writers can never overwrite each
 * other unseen: exactly one of two racing writers wins.
 */
public final class PostStore {

  private static final String COLUMNS = "id, title, body, author, version, created_at, updated_at, author_id,"
      + " updated_by";

  private final Database db;
  private final Clock clock;

  public PostStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Stores a new post at version 1; {@code changes} must set the title and body.
   *
   * @param author the author's display name
   * @param authorId the author's user id (who alone may delete the post)
   */
  public Post create(PostChanges changes, String author, String authorId) {
    if (changes.title() == null || changes.body() == null) {
      throw new IllegalArgumentException("a new post needs a title and a body");
    }
    return plainWrite(c -> {
      long now = now();
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO posts (title, body, author, version, created_at, updated_at, author_id, updated_by)"
              + " VALUES (?, ?, ?, 1, ?, ?, ?, ?) RETURNING id")) {
        p.setString(1, changes.title());
        p.setString(2, changes.body());
        p.setString(3, author);
        p.setLong(4, now);
        p.setLong(5, now);
        p.setString(6, authorId);
        p.setString(7, author);
        try (ResultSet keys = p.executeQuery()) {
          keys.next();
          long id = keys.getLong(1);
          return new Post(id, changes.title(), changes.body(), author, 1, Instant.ofEpochMilli(now),
              Instant.ofEpochMilli(now), authorId, author);
        }
      }
    });
  }

  /** The post with this id, if any. */
  public Optional<Post> find(long id) {
    return plainTransaction(c -> Optional.ofNullable(select(c, id)));
  }

  /**
   * One page of posts, newest first, after {@code cursor} (null for the first page). Keyset pagination on the
   * primary key: the cost of a page does not depend on how deep it is.
   *
   * @throws IllegalArgumentException when the cursor is not one this store issued
   */
  public PostPage list(String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    long before = parseCursor(cursor);
    return plainTransaction(c -> {
      List<Post> posts = new ArrayList<>(limit + 1);
      try (PreparedStatement p = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM posts WHERE id < ? ORDER BY id DESC LIMIT ?")) {
        p.setLong(1, before);
        p.setInt(2, limit + 1);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            posts.add(row(rs));
          }
        }
      }
      // One row more than asked tells whether another page exists, without a COUNT.
      if (posts.size() <= limit) {
        return new PostPage(posts, null);
      }
      List<Post> page = List.copyOf(posts.subList(0, limit));
      return new PostPage(page, Long.toString(page.get(limit - 1).id()));
    });
  }

  /**
   * Applies {@code changes} (null fields stay) and bumps the version.
   *
   * @param expectedVersion the version the change was based on, or null to write whatever the current one is
   * @param updatedBy the display name of the user making the change (recorded as {@code updatedBy})
   */
  public Post update(long id, Long expectedVersion, PostChanges changes, String updatedBy)
      throws PostNotFoundException, VersionConflictException {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("nothing to change");
    }
    return write(c -> {
      StringBuilder sql = new StringBuilder("UPDATE posts SET version = version + 1, updated_at = ?, updated_by = ?");
      if (changes.title() != null) {
        sql.append(", title = ?");
      }
      if (changes.body() != null) {
        sql.append(", body = ?");
      }
      sql.append(" WHERE id = ?");
      if (expectedVersion != null) {
        sql.append(" AND version = ?");
      }
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        int i = 1;
        p.setLong(i++, now());
        p.setString(i++, updatedBy);
        if (changes.title() != null) {
          p.setString(i++, changes.title());
        }
        if (changes.body() != null) {
          p.setString(i++, changes.body());
        }
        p.setLong(i++, id);
        if (expectedVersion != null) {
          p.setLong(i, expectedVersion);
        }
        if (p.executeUpdate() == 0) {
          throw missingOrStale(c, id, expectedVersion);
        }
      }
      return select(c, id);
    });
  }

  /**
   * Deletes a post.
   *
   * @param expectedVersion the version the deletion was based on, or null to delete whatever the current one is
   */
  public void delete(long id, Long expectedVersion) throws PostNotFoundException, VersionConflictException {
    write(c -> {
      String sql = "DELETE FROM posts WHERE id = ?" + (expectedVersion != null ? " AND version = ?" : "");
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setLong(1, id);
        if (expectedVersion != null) {
          p.setLong(2, expectedVersion);
        }
        if (p.executeUpdate() == 0) {
          throw missingOrStale(c, id, expectedVersion);
        }
      }
      return null;
    });
  }

  /** Why a conditional write touched no row: the post is gone, or someone else wrote first. */
  private static Exception missingOrStale(Connection c, long id, Long expectedVersion) throws SQLException {
    Post current = select(c, id);
    if (current == null) {
      return new PostNotFoundException(id);
    }
    return new VersionConflictException(current, expectedVersion == null ? -1 : expectedVersion);
  }

  private static Post select(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM posts WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  private static Post row(ResultSet rs) throws SQLException {
    return new Post(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
        Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9));
  }

  private static long parseCursor(String cursor) {
    if (cursor == null) {
      return Long.MAX_VALUE;
    }
    try {
      long id = Long.parseLong(cursor);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the same message as a negative number
    }
    throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server issued");
  }

  private long now() {
    return clock.millis();
  }

  /** Work inside one transaction; may end in one of the store's two expected outcomes. */
  private interface Work<T> {
    T run(Connection c) throws Exception;
  }

  private <T> T transaction(Work<T> work) throws PostNotFoundException, VersionConflictException {
    try (Connection c = db.connection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Exception e) {
        c.rollback();
        if (e instanceof PostNotFoundException notFound) {
          throw notFound;
        }
        if (e instanceof VersionConflictException conflict) {
          throw conflict;
        }
        if (e instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new StoreException("Database error: " + e.getMessage(), e);
      }
    } catch (SQLException e) {
      throw new StoreException("Database unavailable: " + e.getMessage(), e);
    }
  }

  /** A transaction that writes: durable when it returns ({@link Database#write}). */
  private <T> T write(Work<T> work) throws PostNotFoundException, VersionConflictException {
    return db.<T, PostNotFoundException, VersionConflictException>write(() -> transaction(work));
  }

  /** A transaction whose work cannot end in not-found or conflict. */
  private <T> T plainTransaction(Work<T> work) {
    try {
      return transaction(work);
    } catch (PostNotFoundException | VersionConflictException e) {
      throw new IllegalStateException("unexpected outcome", e);
    }
  }

  /** A writing transaction whose work cannot end in not-found or conflict. */
  private <T> T plainWrite(Work<T> work) {
    try {
      return write(work);
    } catch (PostNotFoundException | VersionConflictException e) {
      throw new IllegalStateException("unexpected outcome", e);
    }
  }
}
