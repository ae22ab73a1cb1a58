package io.vertebra.todos.server;

import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team's todos in the app's database ({@code todos} table, created on first use). Every write bumps the
 * record's version; a write that names a stale version changes nothing ({@link TodoConflictException}). A write is
 * durable before it returns (on SQLite the WAL is synced, {@link Database#syncCommits}). Toggle-all and
 * clear-completed are one transaction each.
 */
final class TodoStore {

  private static final String COLUMNS = "id, title, completed, version, created_at, updated_at";

  private final Database db;
  private final Clock clock;

  TodoStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    createTable();
  }

  /** Every todo, oldest first. */
  List<Todo> list() {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM todos ORDER BY created_at, id");
          ResultSet rs = p.executeQuery()) {
        List<Todo> todos = new ArrayList<>();
        while (rs.next()) {
          todos.add(row(rs));
        }
        return todos;
      }
    });
  }

  Optional<Todo> find(long id) {
    return read(c -> Optional.ofNullable(select(c, id)));
  }

  /** Stores a new todo at version 1. */
  Todo create(String title, boolean completed) {
    return write(c -> {
      long now = clock.millis();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO todos (title, completed, version, created_at,"
          + " updated_at) VALUES (?, ?, 1, ?, ?) RETURNING id")) {
        p.setString(1, title);
        p.setBoolean(2, completed);
        p.setLong(3, now);
        p.setLong(4, now);
        try (ResultSet keys = p.executeQuery()) {
          keys.next();
          return new Todo(keys.getLong(1), title, completed, 1, now, now);
        }
      }
    });
  }

  /**
   * Changes the title and/or completed (null: unchanged) of todo {@code id}, if it is still at
   * {@code expectedVersion} (null: whatever version). Empty when there is no such todo.
   */
  Optional<Todo> update(long id, Long expectedVersion, String title, Boolean completed)
      throws TodoConflictException {
    Todo[] conflict = new Todo[1];
    Optional<Todo> updated = write(c -> {
      Todo current = select(c, id);
      if (current == null) {
        return Optional.<Todo>empty();
      }
      if (expectedVersion != null && expectedVersion != current.version()) {
        conflict[0] = current;
        return Optional.<Todo>empty();
      }
      Todo next = new Todo(id, title != null ? title : current.title(),
          completed != null ? completed : current.completed(), current.version() + 1, current.createdAt(),
          clock.millis());
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE todos SET title = ?, completed = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?")) {
        p.setString(1, next.title());
        p.setBoolean(2, next.completed());
        p.setLong(3, next.version());
        p.setLong(4, next.updatedAt());
        p.setLong(5, id);
        p.setLong(6, current.version());
        p.executeUpdate();
      }
      return Optional.of(next);
    });
    if (conflict[0] != null) {
      throw new TodoConflictException(conflict[0]);
    }
    return updated;
  }

  /** Deletes todo {@code id}; false when there was none. */
  boolean delete(long id) {
    return write(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM todos WHERE id = ?")) {
        p.setLong(1, id);
        return p.executeUpdate() > 0;
      }
    });
  }

  /** Toggle-all: sets {@code completed} on every todo that differs, in one transaction; returns those changed. */
  List<Todo> setAllCompleted(boolean completed) {
    return write(c -> {
      List<Todo> changed = new ArrayList<>();
      long now = clock.millis();
      for (Todo todo : selectWhere(c, "completed = ?", !completed)) {
        changed.add(new Todo(todo.id(), todo.title(), completed, todo.version() + 1, todo.createdAt(), now));
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE todos SET completed = ?, version = version + 1, updated_at = ? WHERE completed = ?")) {
        p.setBoolean(1, completed);
        p.setLong(2, now);
        p.setBoolean(3, !completed);
        p.executeUpdate();
      }
      return changed;
    });
  }

  /** Clear-completed: deletes every completed todo in one transaction; returns their ids. */
  List<Long> deleteCompleted() {
    return write(c -> {
      List<Long> ids = new ArrayList<>();
      for (Todo todo : selectWhere(c, "completed = ?", true)) {
        ids.add(todo.id());
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM todos WHERE completed = ?")) {
        p.setBoolean(1, true);
        p.executeUpdate();
      }
      return ids;
    });
  }

  private void createTable() {
    String idColumn = "postgresql".equals(db.dialect()) ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
        : "INTEGER PRIMARY KEY AUTOINCREMENT";
    write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS todos (id " + idColumn + ", title VARCHAR(2000) NOT NULL,"
            + " completed BOOLEAN NOT NULL, version BIGINT NOT NULL, created_at BIGINT NOT NULL,"
            + " updated_at BIGINT NOT NULL)");
      }
      return null;
    });
  }

  private static Todo select(Connection c, long id) throws SQLException {
    List<Todo> found = selectWhere(c, "id = ?", id);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Todo> selectWhere(Connection c, String where, Object value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM todos WHERE " + where
        + " ORDER BY created_at, id")) {
      p.setObject(1, value);
      try (ResultSet rs = p.executeQuery()) {
        List<Todo> todos = new ArrayList<>();
        while (rs.next()) {
          todos.add(row(rs));
        }
        return todos;
      }
    }
  }

  private static Todo row(ResultSet rs) throws SQLException {
    return new Todo(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
  }

  /** One unit of work on a connection. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Work<T> work) {
    try (Connection c = db.connection()) {
      try {
        return work.run(c);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("Reading todos failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction and commits; durable when it returns ({@link Database#write}). */
  private <T> T write(Work<T> work) {
    return db.write(() -> {
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
        throw new StoreException("Writing todos failed: " + e.getMessage(), e);
      }
    });
  }
}
