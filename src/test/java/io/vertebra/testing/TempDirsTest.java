package io.vertebra.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throw-away folders of test servers and browsers. */
class TempDirsTest {

  @Test
  @DisplayName("deleteTree removes a profile folder with nested files, and ignores a missing one")
  void deletesProfiles(@TempDir Path dir) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("p/Default/Cache"));
    Files.writeString(profile.resolve("data"), "x");

    TempDirs.deleteTree(dir.resolve("p"));
    TempDirs.deleteTree(dir.resolve("missing"));

    assertFalse(Files.exists(dir.resolve("p")));
  }

  @Test
  @DisplayName("create makes a new empty folder each time")
  void createsFreshFolders() throws Exception {
    Path one = TempDirs.create("vertebra-tempdirs-");
    Path two = TempDirs.create("vertebra-tempdirs-");
    try {
      assertTrue(Files.isDirectory(one) && Files.isDirectory(two));
      assertNotEquals(one, two);
      try (var entries = Files.list(one)) {
        assertTrue(entries.findAny().isEmpty());
      }
    } finally {
      TempDirs.deleteTree(one);
      TempDirs.deleteTree(two);
    }
  }
}
