package io.vertebra.kit.config;

import io.vertebra.kit.files.DurableFiles;
import io.vertebra.kit.files.OwnerOnly;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * App id, key and secret of the embedded channels server: from {@code CHANNELS_*} variables when given, otherwise
 * generated on first start and kept in {@code DATA_DIR/channels.properties} so browsers and external clients keep
 * working across restarts. The file is written whole or not at all ({@link DurableFiles}), so a crash during the first
 * start never leaves an empty file, and a restart never generates new credentials once some were handed out.
 */
public record ChannelsCredentials(String appId, String key, String secret) {

  static final String FILE_NAME = "channels.properties";

  /** Loads (or creates and persists) the credentials for {@code config}. */
  public static ChannelsCredentials load(Config config) throws IOException {
    Path file = config.dataDir().resolve(FILE_NAME);
    Properties stored = new Properties();
    OwnerOnly.files(file); // an older release wrote it readable by others
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        stored.load(in);
      }
    }
    String appId = first(config.channelsAppId(), stored.getProperty("app_id"));
    String key = first(config.channelsKey(), stored.getProperty("key"));
    String secret = first(config.channelsSecret(), stored.getProperty("secret"));
    boolean generated = false;
    SecureRandom random = new SecureRandom();
    if (appId == null) {
      appId = Integer.toString(100_000 + random.nextInt(900_000));
      generated = true;
    }
    if (key == null) {
      key = randomHex(random, 10);
      generated = true;
    }
    if (secret == null) {
      secret = randomHex(random, 16);
      generated = true;
    }
    ChannelsCredentials credentials = new ChannelsCredentials(appId, key, secret);
    if (generated) {
      credentials.save(file);
    }
    return credentials;
  }

  private void save(Path file) throws IOException {
    Properties props = new Properties();
    props.setProperty("app_id", appId);
    props.setProperty("key", key);
    props.setProperty("secret", secret);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    props.store(out, "Embedded channels server credentials (generated; keep the secret private)");
    DurableFiles.replace(file, out.toByteArray(), true);
  }

  private static String first(String a, String b) {
    return a != null ? a : (b == null || b.isBlank() ? null : b.trim());
  }

  private static String randomHex(SecureRandom random, int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }
}
