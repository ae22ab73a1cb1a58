package io.vertebra.posts.server.identity;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs session cookies: generated on first start and kept in {@code DATA_DIR/session.key} (owner-only)
 * so sessions survive restarts. Deleting the file signs everybody out.
 */
final class SessionSecret {

  static final String FILE_NAME = "session.key";
  private static final int BYTES = 32;

  private SessionSecret() {}

  /** Loads the key from {@code dataDir}, creating it first when missing. */
  static byte[] load(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      create(file);
    }
    String hex = Files.readString(file).trim();
    byte[] key = HexFormat.of().parseHex(hex);
    if (key.length < 16) {
      throw new IOException(file + " holds a key that is too short; delete it to generate a new one");
    }
    return key;
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first: use theirs
    }
    Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
  }
}
