package io.vertebra.kit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the app database: where it is, and how DATABASE_URL is read. */
class DatabaseTest {

  @TempDir
  Path dataDir;

  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(null, dataDir, Schema.of(List.of("CREATE TABLE notes (id %1$s, title VARCHAR(20))")),
        Database.BeforeOpen.NOTHING);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("postgres:// URLs become JDBC URLs with their credentials")
  void postgresUrls() {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    Database.configureExternal(config, "postgres://app:p%40ss@db.example:6543/posts?sslmode=require");
    assertEquals("jdbc:postgresql://db.example:6543/posts?sslmode=require", config.getJdbcUrl());
    assertEquals("app", config.getUsername());
    assertEquals("p@ss", config.getPassword());
    assertThrows(IllegalArgumentException.class,
        () -> Database.configureExternal(new com.zaxxer.hikari.HikariConfig(), "mysql://x/y"));
    assertEquals("jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("vertebra.db") + " (sqlite)", db.describe(),
        "logs show where the data is, without URL parameters");
  }

  @Test
  @DisplayName("an app's schema steps are applied once, in order, and recorded")
  void schemaSteps() throws Exception {
    db.close();
    Schema grown = Schema.of(List.of("CREATE TABLE notes (id %1$s, title VARCHAR(20))"),
        List.of("ALTER TABLE notes ADD COLUMN body VARCHAR(200)"));
    db = Database.open(null, dataDir, grown, Database.BeforeOpen.NOTHING);
    try (var c = db.connection(); var s = c.createStatement()) {
      s.execute("INSERT INTO notes (title, body) VALUES ('a', 'b')");
      c.commit();
      try (var rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
        assertEquals(2, rs.getInt(2));
      }
    }
  }
}
