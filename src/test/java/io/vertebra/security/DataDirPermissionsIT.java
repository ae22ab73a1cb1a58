package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATA_DIR holds the app secret, the session key, the database and its backups: the folder is 0700 and every file
 * the server writes there 0600, on first write and when an older release left them readable by others (issue 21:
 * channels.properties and backups were 0644).
 */
class DataDirPermissionsIT {

  @TempDir
  Path parent;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void secretsDatabaseAndBackupsAreOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    Path dataDir = parent.resolve("data");
    Path backup;
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      ApiClient client = new ApiClient(app.baseUrl());
      client.signIn("Owner");
      client.create("t", "b");
      ApiClient.Reply answer = client.send("POST", "/admin/backup", null,
          "Authorization", "Bearer " + app.realtime().secret());
      assertEquals(200, answer.status(), answer.toString());
      backup = Path.of(answer.json().get("file").asText());
      assertOwnerOnly(dataDir, backup);
    }

    // As an older release left them: readable by everyone. The next start tightens them.
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String name : new String[] {"session.key", "channels.properties", "vertebra.db"}) {
      Files.setPosixFilePermissions(dataDir.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-r--r--"));
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      assertOwnerOnly(dataDir, backup);
    }
  }

  private static void assertOwnerOnly(Path dataDir, Path backup) throws Exception {
    assertEquals("rwx------", mode(dataDir), "DATA_DIR");
    assertEquals("rwx------", mode(backup.getParent()), "the backups folder");
    assertEquals("rw-------", mode(backup), "a backup");
    try (var files = Files.list(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertEquals("rw-------", mode(file), file.getFileName().toString());
      }
    }
  }
}
