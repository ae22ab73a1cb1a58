package io.vertebra.kit.identity;

import io.vertebra.kit.files.DurableFiles;
import io.vertebra.kit.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs session cookies: {@code SESSION_SECRET} when set (the same value on every app node, so a cookie
 * signed by one node is accepted by all), otherwise generated on first start and kept in
 * {@code DATA_DIR/session.key} (owner-only) so sessions survive restarts. Changing it signs everybody out. The file
 * appears whole or not at all ({@link DurableFiles#createOnce}): a crash while creating it never leaves an empty key
 * that would stop the next start, and the first process to create it wins.
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
    OwnerOnly.files(file); // also when an older release created it
    String hex = Files.readString(file).trim();
    byte[] key = HexFormat.of().parseHex(hex);
    if (key.length < 16) {
      throw new IOException(file + " holds a key that is too short; delete it to generate a new one");
    }
    return key;
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    // false: another process created it first, and load() reads theirs
    DurableFiles.createOnce(file, (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII), true);
  }
}
