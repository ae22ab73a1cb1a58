package io.vertebra.kit.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("replace: the new content under the real name, a crash's leftover temporary file overwritten")
  void replace() throws Exception {
    Path file = dir.resolve("sub/creds.properties");
    DurableFiles.replace(file, bytes("one"), false);
    Files.writeString(file.resolveSibling("creds.properties.tmp"), "half writ"); // what a kill mid-write leaves
    DurableFiles.replace(file, bytes("two"), true);
    assertEquals("two", Files.readString(file));
    assertFalse(Files.exists(file.resolveSibling("creds.properties.tmp")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  @DisplayName("createOnce: writes a missing file whole, never replaces one that exists")
  void createOnce() throws Exception {
    Path file = dir.resolve("session.key");
    Files.writeString(dir.resolve("session.key.tmp"), "");
    assertTrue(DurableFiles.createOnce(file, bytes("first"), true));
    assertFalse(DurableFiles.createOnce(file, bytes("second"), true));
    assertEquals("first", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var names = Files.list(dir)) {
      assertEquals(1, names.count(), "no temporary file left behind");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
