package io.vertebra.posts.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.posts.server.store.PostgresCluster;
import io.vertebra.server.AppServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.tools.RunScript;
import org.h2.tools.Script;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup recipes of OPERATIONS.md, run for real: online backup, restore, and the offline SQL dump. */
class BackupIT {

  @TempDir
  Path live;

  @TempDir
  Path restored;

  @TempDir
  Path fromScript;

  @Test
  @DisplayName("POST /admin/backup with the app secret writes a zip while serving; unzipped into DATA_DIR it restores")
  void onlineBackupRestores() throws Exception {
    Path zip;
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
      zip = Path.of(backup.json().get("file").asText());
      assertEquals(live.resolve("backups").toAbsolutePath(), zip.getParent());
      assertEquals(Files.size(zip), backup.json().get("bytes").asLong());
      client.create("after the backup", "not in it");
    }

    unzip(zip, restored);
    try (AppServer app = TestServers.serve(restored, Map.of())) {
      assertEquals(List.of("kept 2", "kept 1"), titles(new ApiClient(app.baseUrl())));
    }

    // Offline SQL dump (server stopped), the form that survives H2 version upgrades: Script, then RunScript.
    Path sql = fromScript.resolve("dump.sql");
    new Script().runTool("-url", "jdbc:h2:file:" + live.resolve("vertebra").toAbsolutePath(), "-user", "sa",
        "-script", sql.toString());
    new RunScript().runTool("-url", "jdbc:h2:file:" + fromScript.resolve("vertebra").toAbsolutePath(), "-user", "sa",
        "-script", sql.toString());
    try (AppServer app = TestServers.serve(fromScript, Map.of())) {
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

  private static void unzip(Path zip, Path into) throws Exception {
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        assertTrue(target.startsWith(into), "entry stays inside the folder: " + entry.getName());
        Files.copy(entries, target);
      }
    }
  }
}
