package io.vertebra.kit.live;

import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A live resource's records in the app's {@link Database}. Every method is one transaction; a write returns only
 * once it is durable ({@link Database#write}), so it may be acknowledged. Writes are optimistic: an update or
 * delete may name the version it was based on and then only succeeds while that is still the current one
 * ({@code ... WHERE id = ? AND version = ?}), so of two racing writers exactly one wins and the other learns it.
 * Values are taken as validated: the REST API validates them ({@link LiveRequests}).
 */
public final class LiveStore {

  private final LiveResource resource;
  private final Database db;
  private final Clock clock;
  private final String columns;

  /**
   * The records of {@code resource} in {@code db}, whose table must exist: {@link LiveResources#install} and
   * {@link LiveResources#open} create or migrate it first.
   */
  public LiveStore(LiveResource resource, Database db, Clock clock) {
    this.resource = resource;
    this.db = db;
    this.clock = clock;
    this.columns = "id, version, created_at, updated_at"
        + resource.fields().stream().map(f -> ", " + f.column()).collect(Collectors.joining());
  }

  /** The resource stored here. */
  public LiveResource resource() {
    return resource;
  }

  /** Stores a new record at version 1 with {@code values} (every field). */
  public LiveRecord create(Map<String, Object> values) {
    return plain(() -> write(c -> {
      long now = clock.millis();
      String names = resource.fields().stream().map(Field::column).collect(Collectors.joining(", "));
      String marks = resource.fields().stream().map(f -> ", ?").collect(Collectors.joining());
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + resource.table() + " (version, created_at,"
          + " updated_at, " + names + ") VALUES (1, ?, ?" + marks + ") RETURNING id")) {
        p.setLong(1, now);
        p.setLong(2, now);
        int i = 3;
        for (Field field : resource.fields()) {
          bind(p, i++, field, values.get(field.name()));
        }
        try (ResultSet keys = p.executeQuery()) {
          keys.next();
          return new LiveRecord(keys.getLong(1), 1, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now),
              ordered(values));
        }
      }
    }));
  }

  /** The record with this id, if any. */
  public Optional<LiveRecord> find(long id) {
    return plain(() -> transaction(c -> Optional.ofNullable(select(c, id))));
  }

  /**
   * One page of records in the resource's {@link Ordering}, after {@code cursor} (null for the first page).
   *
   * @throws IllegalArgumentException when the cursor is not one this store issued, or {@code limit} is below 1
   */
  public LivePage list(String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    boolean newest = resource.ordering() == Ordering.NEWEST_FIRST;
    long after = parseCursor(cursor, newest);
    return plain(() -> transaction(c -> {
      List<LiveRecord> records = new ArrayList<>(limit + 1);
      try (PreparedStatement p = c.prepareStatement("SELECT " + columns + " FROM " + resource.table() + " WHERE id "
          + (newest ? "<" : ">") + " ? ORDER BY id " + (newest ? "DESC" : "ASC") + " LIMIT ?")) {
        p.setLong(1, after);
        p.setInt(2, limit + 1);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            records.add(row(rs));
          }
        }
      }
      // One row more than asked tells whether another page exists, without a COUNT.
      if (records.size() <= limit) {
        return new LivePage(List.copyOf(records), null);
      }
      List<LiveRecord> page = List.copyOf(records.subList(0, limit));
      return new LivePage(page, Long.toString(page.get(limit - 1).id()));
    }));
  }

  /**
   * Sets {@code changes} (field name to value; fields left out stay) and bumps the version.
   *
   * @param expectedVersion the version the change was based on, or null to change whatever is current
   */
  public LiveRecord update(long id, Long expectedVersion, Map<String, Object> changes)
      throws RecordNotFoundException, VersionConflictException {
    List<Field> set = resource.fields().stream().filter(f -> changes.containsKey(f.name())).toList();
    return write(c -> {
      StringBuilder sql = new StringBuilder("UPDATE " + resource.table()
          + " SET version = version + 1, updated_at = ?");
      set.forEach(f -> sql.append(", ").append(f.column()).append(" = ?"));
      sql.append(" WHERE id = ?").append(expectedVersion != null ? " AND version = ?" : "");
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        int i = 1;
        p.setLong(i++, clock.millis());
        for (Field field : set) {
          bind(p, i++, field, changes.get(field.name()));
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
   * Deletes a record.
   *
   * @param expectedVersion the version the deletion was based on, or null to delete whatever is current
   */
  public void delete(long id, Long expectedVersion) throws RecordNotFoundException, VersionConflictException {
    write(c -> {
      String sql = "DELETE FROM " + resource.table() + " WHERE id = ?"
          + (expectedVersion != null ? " AND version = ?" : "");
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

  /**
   * Sets {@code changes} on every record whose fields equal {@code where} and differ from {@code changes}, in one
   * transaction, bumping each one's version; returns those changed, in the resource's order.
   */
  public List<LiveRecord> updateWhere(Map<String, Object> where, Map<String, Object> changes) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("nothing to change");
    }
    return plain(() -> write(c -> {
      List<LiveRecord> changed = selectWhere(c, where);
      long now = clock.millis();
      List<Field> set = fields(changes);
      StringBuilder sql = new StringBuilder("UPDATE " + resource.table()
          + " SET version = version + 1, updated_at = ?");
      set.forEach(f -> sql.append(", ").append(f.column()).append(" = ?"));
      sql.append(" WHERE id = ?");
      List<LiveRecord> after = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        for (LiveRecord record : changed) {
          Map<String, Object> values = new LinkedHashMap<>(record.values());
          values.putAll(changes);
          if (values.equals(record.values())) {
            continue;
          }
          int i = 1;
          p.setLong(i++, now);
          for (Field field : set) {
            bind(p, i++, field, changes.get(field.name()));
          }
          p.setLong(i, record.id());
          p.addBatch();
          after.add(new LiveRecord(record.id(), record.version() + 1, record.createdAt(), Instant.ofEpochMilli(now),
              values));
        }
        p.executeBatch();
      }
      return after;
    }));
  }

  /** Deletes every record whose fields equal {@code where}, in one transaction; returns their ids. */
  public List<Long> deleteWhere(Map<String, Object> where) {
    return plain(() -> write(c -> {
      List<Long> ids = selectWhere(c, where).stream().map(LiveRecord::id).toList();
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + resource.table() + " WHERE id = ?")) {
        for (long id : ids) {
          p.setLong(1, id);
          p.addBatch();
        }
        p.executeBatch();
      }
      return ids;
    }));
  }

  private List<Field> fields(Map<String, Object> values) {
    List<Field> named = resource.fields().stream().filter(f -> values.containsKey(f.name())).toList();
    if (named.size() != values.size()) {
      throw new IllegalArgumentException("not fields of " + resource.collection() + ": " + values.keySet());
    }
    return named;
  }

  private List<LiveRecord> selectWhere(Connection c, Map<String, Object> where) throws SQLException {
    List<Field> matched = fields(where);
    String condition = matched.isEmpty() ? "" : " WHERE " + matched.stream().map(f -> f.column() + " = ?")
        .collect(Collectors.joining(" AND "));
    boolean newest = resource.ordering() == Ordering.NEWEST_FIRST;
    try (PreparedStatement p = c.prepareStatement("SELECT " + columns + " FROM " + resource.table() + condition
        + " ORDER BY id " + (newest ? "DESC" : "ASC"))) {
      int i = 1;
      for (Field field : matched) {
        bind(p, i++, field, where.get(field.name()));
      }
      List<LiveRecord> records = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          records.add(row(rs));
        }
      }
      return records;
    }
  }

  /** Why a conditional write touched no row: the record is gone, or someone else wrote first. */
  private Exception missingOrStale(Connection c, long id, Long expectedVersion) throws SQLException {
    LiveRecord current = select(c, id);
    if (current == null) {
      return new RecordNotFoundException(id);
    }
    return new VersionConflictException(current, expectedVersion == null ? -1 : expectedVersion);
  }

  private LiveRecord select(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + columns + " FROM " + resource.table()
        + " WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  private LiveRecord row(ResultSet rs) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    int i = 5;
    for (Field field : resource.fields()) {
      Object value = switch (field.type()) {
        case TEXT -> rs.getString(i);
        case BOOLEAN -> rs.getBoolean(i);
        case INTEGER -> rs.getLong(i);
      };
      values.put(field.name(), rs.wasNull() ? null : value);
      i++;
    }
    return new LiveRecord(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
        Instant.ofEpochMilli(rs.getLong(4)), values);
  }

  private Map<String, Object> ordered(Map<String, Object> values) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    resource.fields().forEach(f -> ordered.put(f.name(), values.get(f.name())));
    return ordered;
  }

  private static void bind(PreparedStatement p, int index, Field field, Object value) throws SQLException {
    if (value == null) {
      p.setNull(index, switch (field.type()) {
        case TEXT -> Types.VARCHAR;
        case BOOLEAN -> Types.BOOLEAN;
        case INTEGER -> Types.BIGINT;
      });
      return;
    }
    switch (field.type()) {
      case TEXT -> p.setString(index, (String) value);
      case BOOLEAN -> p.setBoolean(index, (Boolean) value);
      case INTEGER -> p.setLong(index, (Long) value);
    }
  }

  private static long parseCursor(String cursor, boolean newest) {
    if (cursor == null) {
      return newest ? Long.MAX_VALUE : 0;
    }
    try {
      long id = Long.parseLong(cursor);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // the same answer as a negative number
    }
    throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server issued");
  }

  /** Work inside one transaction; may end in one of the store's two expected outcomes. */
  private interface Work<T> {
    T run(Connection c) throws Exception;
  }

  /** A call that cannot end in not-found or conflict. */
  private interface Plain<T> {
    T run() throws RecordNotFoundException, VersionConflictException;
  }

  private <T> T transaction(Work<T> work) throws RecordNotFoundException, VersionConflictException {
    try (Connection c = db.connection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Exception e) {
        c.rollback();
        if (e instanceof RecordNotFoundException notFound) {
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
  private <T> T write(Work<T> work) throws RecordNotFoundException, VersionConflictException {
    return db.<T, RecordNotFoundException, VersionConflictException>write(() -> transaction(work));
  }

  private static <T> T plain(Plain<T> call) {
    try {
      return call.run();
    } catch (RecordNotFoundException | VersionConflictException e) {
      throw new IllegalStateException("unexpected outcome", e);
    }
  }
}
