package io.vertebra.kit.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File modes for what only the server's user may read: folders 0700, files 0600. {@code DATA_DIR} holds the app
 * secret, the session key, the database and its backups. Applied on creation and again at every start, so files
 * an older release left readable by others are tightened. A no-op where the file system has no POSIX modes.
 */
public final class OwnerOnly {

  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates {@code dir} (and missing parents) if needed, and makes it 0700. */
  public static void folder(Path dir) throws IOException {
    Files.createDirectories(dir);
    set(dir, FOLDER);
  }

  /** Makes each of {@code files} that exists 0600. */
  public static void files(Path... files) throws IOException {
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        set(file, FILE);
      }
    }
  }

  /** Creates {@code file} empty with mode 0600 (for a writer that cannot be told a mode, e.g. SQLite). */
  public static void createEmpty(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    set(file, FILE); // the creation mode passes through the umask; 0600 needs no widening, but be exact
  }

  private static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
    try {
      Files.setPosixFilePermissions(path, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's ACLs apply
    }
  }
}
