package io.vertebra.posts.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.kit.store.Database;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.posts.server.store.PostgresCluster;
import io.vertebra.server.AppServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup recipes of OPERATIONS.md, run for real: online backup, restore, and the offline copy. */
class BackupIT {

  @TempDir
  Path live;

  @TempDir
  Path restored;

  @TempDir
  Path offline;

  @Test
  @DisplayName("POST /admin/backup with the app secret writes a database file while serving; put in DATA_DIR it "
      + "restores")
  void onlineBackupRestores() throws Exception {
    Path copy;
    try (AppServer app = TestServers.serve(live, Map.of())) {
      ApiClient client = new ApiClient(app.baseUrl());
      client.signIn("Archivist");
      client.create("kept 1", "in the backup");
      client.create("kept 2", "in the backup too");

      ApiClient.Reply anonymous = client.send("POST", "/admin/backup", null);
      assertEquals(401, anonymous.status(), anonymous.toString());
      assertEquals("unauthorized", anonymous.json().get("error").asText());
      assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
      assertEquals(401, client.send("POST", "/admin/backup", null, "Authorization", "Bearer wrong").status());
      assertEquals(405, client.send("GET", "/admin/backup", null).status());

      ApiClient.Reply backup = client.send("POST", "/admin/backup", null,
          "Authorization", "Bearer " + app.realtime().secret());
      assertEquals(200, backup.status(), backup.toString());
      copy = Path.of(backup.json().get("file").asText());
      assertTrue(copy.getFileName().toString().endsWith(".db"), copy.toString());
      assertEquals(live.resolve("backups").toAbsolutePath(), copy.getParent());
      assertEquals(Files.size(copy), backup.json().get("bytes").asLong());
      client.create("after the backup", "not in it");
    }

    try (var names = Files.list(copy.getParent())) {
      assertEquals(List.of(copy), names.toList(), "only the finished backup, no temporary file");
    }
    Files.copy(copy, restored.resolve(Database.FILE_NAME));
    try (AppServer app = TestServers.serve(restored, Map.of())) {
      assertEquals(List.of("kept 2", "kept 1"), titles(new ApiClient(app.baseUrl())));
    }

    // Offline (server stopped): the database file alone holds everything, the stop folded its WAL into it.
    Files.copy(live.resolve(Database.FILE_NAME), offline.resolve(Database.FILE_NAME));
    try (AppServer app = TestServers.serve(offline, Map.of())) {
      assertEquals(List.of("after the backup", "kept 2", "kept 1"), titles(new ApiClient(app.baseUrl())));
    }
  }

  @Test
  @DisplayName("with PostgreSQL, /admin/backup answers 409 pointing to pg_dump")
  void postgresIsNotBackedUpHere() throws Exception {
    Path binaries = PostgresCluster.findBinaries();
    assumeTrue(binaries != null, "PostgreSQL server binaries not found: install Debian's 'postgresql' package");
    try (PostgresCluster cluster = PostgresCluster.start(binaries);
        AppServer app = TestServers.serve(live, Map.of("DATABASE_URL", cluster.newDatabase()))) {
      ApiClient.Reply reply = new ApiClient(app.baseUrl()).send("POST", "/admin/backup", null,
          "Authorization", "Bearer " + app.realtime().secret());
      assertEquals(409, reply.status(), reply.toString());
      assertTrue(reply.json().get("message").asText().contains("pg_dump"));
    }
  }

  private static List<String> titles(ApiClient client) {
    List<String> titles = new ArrayList<>();
    for (JsonNode post : client.get("/api/posts").json()) {
      titles.add(post.get("title").asText());
    }
    return titles;
  }
}
