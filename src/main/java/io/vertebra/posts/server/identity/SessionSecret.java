package io.vertebra.posts.server.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs session cookies: {@code SESSION_SECRET} when set (the same value on every app node, so a cookie
 * signed by one node is accepted by all), otherwise generated on first start and kept in
 * {@code DATA_DIR/session.key} (owner-only) so sessions survive restarts. Changing it signs everybody out.
 */
final class SessionSecret {

  static final String FILE_NAME = "session.key";
  private static final int BYTES = 32;

  private SessionSecret() {}

  /** The configured secret's bytes when given, else the key from {@code dataDir} (created first when missing). */
  static byte[] load(String configured, Path dataDir) throws IOException {
    if (configured != null) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
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
