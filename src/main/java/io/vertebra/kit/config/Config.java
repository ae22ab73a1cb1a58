package io.vertebra.kit.config;

import io.vertebra.channels.ChannelsOptions;
import io.vertebra.kit.web.HttpLimits;
import io.vertebra.kit.web.PemIdentity;
import io.vertebra.kit.web.TrustedProxies;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process configuration, read from environment variables (see the table in README.md). Every value is
 * optional; defaults give a working single-machine setup with the embedded channels server.
 *
 * @param encryptionMasterKey the base64 master key of {@code private-encrypted-} channels, or null when the app uses
 *     none: the app's pusher-http-java client encrypts triggers and its channel authorization hands out each
 *     channel's shared secret with it
 */
public record Config(
    String host,
    int port,
    Path dataDir,
    String databaseUrl,
    String pusherUrl,
    String pusherCluster,
    String pusherWsHost,
    Integer pusherWsPort,
    Boolean pusherForceTls,
    String channelsAppId,
    String channelsKey,
    String channelsSecret,
    Path webDir,
    ChannelsOptions channels,
    String sessionSecret,
    HttpLimits http,
    String allowedHosts,
    TrustedProxies trustedProxies,
    PemIdentity tls,
    String encryptionMasterKey) {

  /** The app's key for end-to-end encrypted channels (base64 of 32 bytes); never sent to the channels server. */
  public static final String ENCRYPTION_MASTER_KEY = "CHANNELS_ENCRYPTION_MASTER_KEY";

  /** The shortest {@code CHANNELS_SECRET} accepted: it signs every API call and channel authorization. */
  public static final int MIN_CHANNELS_SECRET_LENGTH = 16;

  /** The shortest {@code SESSION_SECRET} accepted: it is the whole strength of the session cookie's signature. */
  public static final int MIN_SESSION_SECRET_LENGTH = 32;

  /** Reads the configuration from the process environment. */
  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads the configuration from a map of variables; blank values count as unset. */
  public static Config from(Map<String, String> env) {
    return new Config(
        text(env, "HOST", "127.0.0.1"),
        port(env),
        Path.of(text(env, "DATA_DIR", "./data")),
        text(env, "DATABASE_URL", null),
        text(env, "PUSHER_URL", null),
        text(env, "PUSHER_CLUSTER", null),
        text(env, "PUSHER_WS_HOST", null),
        integer(env, "PUSHER_WS_PORT"),
        bool(env, "PUSHER_FORCE_TLS"),
        text(env, "CHANNELS_APP_ID", null),
        text(env, "CHANNELS_KEY", null),
        channelsSecret(env),
        env.containsKey("WEB_DIR") && !env.get("WEB_DIR").isBlank() ? Path.of(env.get("WEB_DIR")) : null,
        channels(env),
        sessionSecret(env),
        http(env),
        text(env, "ALLOWED_HOSTS", null),
        trustedProxies(env),
        tls(env),
        encryptionMasterKey(env));
  }

  /**
   * {@code CHANNELS_ENCRYPTION_MASTER_KEY}: 32 bytes in base64, or null. Checked here so a bad key stops the start
   * rather than every encrypted trigger and authorization failing later; the message never repeats the value.
   */
  private static String encryptionMasterKey(Map<String, String> env) {
    String key = text(env, ENCRYPTION_MASTER_KEY, null);
    if (key == null) {
      return null;
    }
    byte[] raw;
    try {
      raw = java.util.Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ENCRYPTION_MASTER_KEY + " is not base64 (make one with 'openssl rand -base64 32')");
    }
    if (raw.length != 32) {
      throw new ConfigException(ENCRYPTION_MASTER_KEY + " must be 32 bytes in base64 ('openssl rand -base64 32'), got "
          + raw.length + " bytes");
    }
    return key;
  }

  /** Whether the realtime service is an external Pusher-compatible one rather than the embedded server. */
  public boolean externalRealtime() {
    return pusherUrl != null;
  }

  private static ChannelsOptions channels(Map<String, String> env) {
    try {
      return ChannelsOptions.from(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static String channelsSecret(Map<String, String> env) {
    String secret = text(env, "CHANNELS_SECRET", null);
    if (secret != null && secret.length() < MIN_CHANNELS_SECRET_LENGTH) {
      throw new ConfigException("CHANNELS_SECRET must be at least " + MIN_CHANNELS_SECRET_LENGTH
          + " characters (e.g. the output of 'openssl rand -hex 16'), got " + secret.length());
    }
    return secret;
  }

  private static TrustedProxies trustedProxies(Map<String, String> env) {
    try {
      return TrustedProxies.parse(env.get("TRUSTED_PROXIES"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("TRUSTED_PROXIES: " + e.getMessage());
    }
  }

  /** The TLS identity from TLS_CERT and TLS_KEY (both or neither), or null for plain HTTP. */
  private static PemIdentity tls(Map<String, String> env) {
    String cert = text(env, "TLS_CERT", null);
    String key = text(env, "TLS_KEY", null);
    if (cert == null && key == null) {
      return null;
    }
    if (cert == null || key == null) {
      throw new ConfigException("TLS_CERT and TLS_KEY go together: set both (PEM files) or neither");
    }
    try {
      return PemIdentity.load(Path.of(cert), Path.of(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static HttpLimits http(Map<String, String> env) {
    try {
      return HttpLimits.from(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static String sessionSecret(Map<String, String> env) {
    String secret = text(env, "SESSION_SECRET", null);
    if (secret != null && secret.length() < MIN_SESSION_SECRET_LENGTH) {
      throw new ConfigException("SESSION_SECRET must be at least " + MIN_SESSION_SECRET_LENGTH
          + " characters (e.g. the output of 'openssl rand -hex 32'), got " + secret.length());
    }
    return secret;
  }

  private static int port(Map<String, String> env) {
    Integer port = integer(env, "PORT");
    if (port == null) {
      return 8080;
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException("PORT must be between 0 and 65535, got " + port);
    }
    return port;
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static Integer integer(Map<String, String> env, String name) {
    String value = text(env, name, null);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + value + "'");
    }
  }

  private static Boolean bool(Map<String, String> env, String name) {
    String value = text(env, name, null);
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return true;
    }
    if (value.equalsIgnoreCase("false") || value.equals("0")) {
      return false;
    }
    throw new ConfigException(name + " must be true or false, got '" + value + "'");
  }

  /** A configuration value that cannot be used; its message names the variable. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
