package __PACKAGE__.server;

import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notes in the app's database. Every write bumps the note's version; a write naming a stale version changes
 * nothing and reports the current note ({@link Conflict}). A write is durable before it returns.
 */
final class NoteStore {

  /** The {@code notes} table: a migration step of the app's schema (see {@link NotesServer#SCHEMA}). */
  static final List<String> TABLE = List.of("CREATE TABLE notes (id %1$s, title VARCHAR(200) NOT NULL,"
      + " body TEXT NOT NULL, author VARCHAR(100) NOT NULL, version BIGINT NOT NULL, created_at BIGINT NOT NULL,"
      + " updated_at BIGINT NOT NULL)");

  private static final String COLUMNS = "id, title, body, author, version, created_at, updated_at";

  /** A write that named a version the note no longer has. */
  static final class Conflict extends Exception {
    private final transient Note current;

    Conflict(Note current) {
      super("Note " + current.id() + " is at version " + current.version());
      this.current = current;
    }

    Note current() {
      return current;
    }
  }

  private final Database db;
  private final Clock clock;

  NoteStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Every note, the most recently changed first. */
  List<Note> list() {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM notes ORDER BY updated_at DESC,"
          + " id DESC"); ResultSet rs = p.executeQuery()) {
        List<Note> notes = new ArrayList<>();
        while (rs.next()) {
          notes.add(row(rs));
        }
        return notes;
      }
    });
  }

  Optional<Note> find(long id) {
    return read(c -> Optional.ofNullable(select(c, id)));
  }

  /** Stores a new note at version 1. */
  Note create(String title, String body, String author) {
    return db.write(() -> transaction(c -> {
      long now = clock.millis();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO notes (title, body, author, version, created_at,"
          + " updated_at) VALUES (?, ?, ?, 1, ?, ?) RETURNING id")) {
        p.setString(1, title);
        p.setString(2, body);
        p.setString(3, author);
        p.setLong(4, now);
        p.setLong(5, now);
        try (ResultSet keys = p.executeQuery()) {
          keys.next();
          return new Note(keys.getLong(1), title, body, author, 1, now, now);
        }
      }
    }));
  }

  /**
   * Changes the title and/or body (null: unchanged) of note {@code id} if it is at {@code expectedVersion} (null:
   * any). Empty when there is no such note.
   */
  Optional<Note> update(long id, Long expectedVersion, String title, String body) throws Conflict {
    Note[] stale = new Note[1];
    Optional<Note> updated = db.write(() -> transaction(c -> {
      Note current = select(c, id);
      if (current == null) {
        return Optional.<Note>empty();
      }
      if (expectedVersion != null && expectedVersion != current.version()) {
        stale[0] = current;
        return Optional.<Note>empty();
      }
      Note next = new Note(id, title != null ? title : current.title(), body != null ? body : current.body(),
          current.author(), current.version() + 1, current.createdAt(), clock.millis());
      try (PreparedStatement p = c.prepareStatement("UPDATE notes SET title = ?, body = ?, version = ?,"
          + " updated_at = ? WHERE id = ? AND version = ?")) {
        p.setString(1, next.title());
        p.setString(2, next.body());
        p.setLong(3, next.version());
        p.setLong(4, next.updatedAt());
        p.setLong(5, id);
        p.setLong(6, current.version());
        p.executeUpdate();
      }
      return Optional.of(next);
    }));
    if (stale[0] != null) {
      throw new Conflict(stale[0]);
    }
    return updated;
  }

  /** Deletes note {@code id}; false when there was none. */
  boolean delete(long id) {
    return db.write(() -> transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM notes WHERE id = ?")) {
        p.setLong(1, id);
        return p.executeUpdate() > 0;
      }
    }));
  }

  private static Note select(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM notes WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  private static Note row(ResultSet rs) throws SQLException {
    return new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
        rs.getLong(7));
  }

  /** Work on one connection. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Work<T> work) {
    try (Connection c = db.connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  private <T> T transaction(Work<T> work) {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }
}
