package io.vertebra.kit.live;

import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a live resource's table in line with its declaration when the app starts: creates the table if it does not
 * exist, and adds a column for each field declared since (existing rows get the field's default). Nothing is ever
 * dropped: a field removed from the declaration keeps its column and data, unread. Changing a field's type is not a
 * migration this does; add a new field instead. Safe to run on every start and from several nodes at once.
 */
final class LiveSchema {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSchema.class);

  private LiveSchema() {
  }

  /** Creates or migrates {@code resource}'s table in {@code db}. */
  static void migrate(Database db, LiveResource resource) {
    db.write(() -> {
      try (Connection c = db.connection()) {
        try {
          apply(c, db, resource);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw new StoreException("Cannot create or migrate the table of " + resource.collection() + ": "
            + e.getMessage(), e);
      }
      return null;
    });
  }

  private static void apply(Connection c, Database db, LiveResource resource) throws SQLException {
    boolean postgres = "postgresql".equals(db.dialect());
    try (Statement s = c.createStatement()) {
      StringBuilder create = new StringBuilder("CREATE TABLE IF NOT EXISTS " + resource.table() + " (id "
          + db.generatedIdColumn() + ", version BIGINT NOT NULL, created_at BIGINT NOT NULL,"
          + " updated_at BIGINT NOT NULL");
      resource.fields().forEach(f -> create.append(", ").append(f.column()).append(' ').append(columnType(f)));
      s.execute(create.append(')').toString());
      Set<String> existing = columns(s, resource.table());
      for (Field field : resource.fields()) {
        if (!existing.contains(field.column())) {
          s.execute("ALTER TABLE " + resource.table() + " ADD COLUMN " + (postgres ? "IF NOT EXISTS " : "")
              + field.column() + " " + columnType(field));
          LOG.info("Live resource {}: added column {}", resource.collection(), field.column());
        }
      }
    }
  }

  private static Set<String> columns(Statement s, String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** The column's SQL type; NOT NULL with the field's default unless nullable, so old rows get a value. */
  static String columnType(Field field) {
    String type = switch (field.type()) {
      case TEXT -> field.maxLength() > 0 ? "VARCHAR(" + field.maxLength() + ")" : "TEXT";
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "BIGINT";
    };
    if (field.isNullable()) {
      return type;
    }
    Object value = field.defaultValue();
    String literal = switch (field.type()) {
      case TEXT -> "'" + ((String) value).replace("'", "''") + "'";
      case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
      case INTEGER -> Long.toString((Long) value);
    };
    return type + " NOT NULL DEFAULT " + literal;
  }
}
