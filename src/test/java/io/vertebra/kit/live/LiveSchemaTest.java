package io.vertebra.kit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.pusher.rest.PusherAsync;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table follows the declaration: created at first start, a column added per new field, nothing dropped. */
class LiveSchemaTest {

  private static final LiveResource V1 = LiveResource.define("notes")
      .field(Field.text("title").required().maxLength(20))
      .field(Field.bool("pinned"))
      .build();

  /** Version 2 adds three fields and no longer declares {@code pinned}. */
  private static final LiveResource V2 = LiveResource.define("notes")
      .field(Field.text("title").required().maxLength(20))
      .field(Field.text("color").maxLength(10).defaultValue("blue"))
      .field(Field.integer("stars").defaultValue(3L))
      .field(Field.text("dueDate").nullable())
      .build();

  @TempDir
  Path dataDir;

  private Database database;
  private PusherAsync pusher;
  private LiveServices services;

  @BeforeEach
  void open() {
    database = Database.open(null, dataDir, Schema.of(), Database.BeforeOpen.NOTHING);
    pusher = new PusherAsync("1", "k", "s");
    services = LiveServices.of(database, new EventTrigger(pusher));
  }

  @AfterEach
  void close() throws Exception {
    pusher.close();
    database.close();
  }

  @Test
  @DisplayName("a field added to the declaration gets its column; existing records take its default")
  void addedFields() throws Exception {
    LiveRecord old = LiveResources.open(services, V1).store().create(Map.of("title", "old", "pinned", true));
    LiveStore store = LiveResources.open(services, V2).store();
    LiveRecord migrated = store.find(old.id()).orElseThrow();
    assertEquals("blue", migrated.text("color"));
    assertEquals(3L, migrated.integer("stars"));
    assertNull(migrated.get("dueDate"));
    assertEquals(1, migrated.version(), "a migration is not a write");
    java.util.HashMap<String, Object> values = new java.util.HashMap<>(Map.of("title", "new", "color", "red",
        "stars", 5L));
    values.put("dueDate", "2027-01-01");
    LiveRecord created = store.create(values);
    assertEquals("2027-01-01", store.find(created.id()).orElseThrow().text("dueDate"));
    assertEquals("[true, false]", column("pinned"), "an undeclared column keeps its data; new rows its default");
  }

  @Test
  @DisplayName("opening again with the same declaration changes nothing")
  void idempotent() throws Exception {
    LiveResources.open(services, V2).store().create(Map.of("title", "t", "color", "c", "stars", 1L));
    LiveResources.open(services, V2);
    assertEquals(1, LiveResources.open(services, V2).store().list(null, 10).records().size());
    assertEquals("[c]", column("color"));
  }

  private String column(String name) throws Exception {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + name + " FROM notes ORDER BY id")) {
      java.util.List<Object> values = new java.util.ArrayList<>();
      while (rs.next()) {
        values.add(name.equals("pinned") ? rs.getBoolean(1) : rs.getObject(1));
      }
      c.rollback();
      return values.toString();
    }
  }
}
