package io.vertebra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throw-away folders for test servers and browsers: created in the system temp folder, deleted afterwards. */
public final class TempDirs {

  private TempDirs() {}

  /** A new empty folder whose name starts with {@code prefix}. */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary folder " + prefix + "*", e);
    }
  }

  /** Deletes {@code root} and all below it; a missing folder is fine. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A process (Chromium, a server) may still be writing while it exits; a leftover temp folder must not fail
      // the test.
      System.err.println("Could not delete temporary folder " + root + ": " + e);
    }
  }
}
