package io.vertebra.channels.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.webhook.Webhook;
import io.vertebra.kit.web.OriginPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code CHANNELS_APPS}: the apps a channels server hosts beside its default app. The value is inline JSON, the
 * path of a JSON file, or a short list {@code id:key:secret,id:key:secret}. The JSON is an array of apps (or
 * {@code {"apps": [...]}}), each with Soketi's and Sockudo's field names:
 *
 * <pre>
 * [{"id": "shop", "key": "shop-key", "secret": "at least 16 characters",
 *   "max_connections": 500, "max_client_events_per_second": 5, "max_api_requests_per_second": 50,
 *   "webhooks": [{"url": "https://shop.example/pusher/webhooks", "event_types": ["channel_occupied"]}],
 *   "allowed_origins": ["https://shop.example"]}]
 * </pre>
 *
 * <p>A limit an app does not set takes the server's value ({@code CHANNELS_*}). Anything unusable (bad JSON, a
 * missing or short secret, an unknown field, a duplicate id or key, a bad limit) is an {@link AppsConfigException}
 * naming the app and the field, so the server refuses to start rather than start without an app.
 */
public final class AppsConfig {

  /** The environment variable. */
  public static final String VARIABLE = "CHANNELS_APPS";
  /** Shortest secret accepted, as for {@code CHANNELS_SECRET}. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** {@code id:key:secret} entries, comma-separated; the secret may hold colons. */
  private static final Pattern SHORT_LIST = Pattern.compile("[^:,/\\\\\\s]+:[^:,/\\\\\\s]+:[^,\\s]+"
      + "(\\s*,\\s*[^:,/\\\\\\s]+:[^:,/\\\\\\s]+:[^,\\s]+)*");

  /** Per-app limit fields and the server-wide variable each overrides. */
  private static final Map<String, String> LIMITS = new LinkedHashMap<>();
  /** Fields given in KiB whose variable counts bytes. */
  private static final Set<String> KIB = Set.of("max_event_payload_in_kb", "max_presence_member_size_in_kb");
  /** Fields that are true or false. */
  private static final Set<String> FLAGS = Set.of("enable_subscription_count", "enable_watchlist_events");

  static {
    LIMITS.put("max_connections", "CHANNELS_MAX_CONNECTIONS");
    LIMITS.put("max_client_events_per_second", "CHANNELS_CLIENT_EVENTS_PER_SECOND");
    LIMITS.put("max_api_requests_per_second", "CHANNELS_API_REQUESTS_PER_SECOND");
    LIMITS.put("max_event_payload_in_kb", "CHANNELS_MAX_MESSAGE_BYTES");
    LIMITS.put("max_event_channels_at_once", "CHANNELS_MAX_CHANNELS_PER_TRIGGER");
    LIMITS.put("max_event_batch_size", "CHANNELS_MAX_BATCH_SIZE");
    LIMITS.put("max_presence_members_per_channel", "CHANNELS_MAX_PRESENCE_MEMBERS");
    LIMITS.put("max_presence_member_size_in_kb", "CHANNELS_MAX_USER_INFO_BYTES");
    LIMITS.put("max_subscriptions_per_connection", "CHANNELS_MAX_SUBSCRIPTIONS_PER_CONNECTION");
    LIMITS.put("max_connections_per_ip", "CHANNELS_MAX_CONNECTIONS_PER_IP");
    LIMITS.put("max_new_connections_per_ip_per_second", "CHANNELS_NEW_CONNECTIONS_PER_IP_PER_SECOND");
    LIMITS.put("authorization_timeout_seconds", "CHANNELS_AUTHORIZATION_TIMEOUT");
    LIMITS.put("enable_subscription_count", "CHANNELS_SUBSCRIPTION_COUNT");
    LIMITS.put("enable_watchlist_events", "CHANNELS_WATCHLIST_EVENTS");
  }

  private static final Set<String> OTHER_FIELDS = Set.of("id", "key", "secret", "webhooks", "allowed_origins");

  private AppsConfig() {}

  /**
   * The apps {@code env} lists in {@value #VARIABLE}, with limits over the server's {@code CHANNELS_*} values;
   * empty when the variable is unset.
   *
   * @throws AppsConfigException saying what is wrong and in which app
   */
  public static List<HostedApp> from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    String text = value.trim();
    if (text.startsWith("[") || text.startsWith("{")) {
      return parse(text, "inline JSON", env);
    }
    if (SHORT_LIST.matcher(text).matches()) {
      return shortList(text, env);
    }
    return parse(read(Path.of(text)), "file " + text, env);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AppsConfigException(VARIABLE + ": cannot read the file " + file + " (" + e.getClass().getSimpleName()
          + "); give inline JSON, a readable JSON file, or id:key:secret,...");
    }
  }

  private static List<HostedApp> shortList(String text, Map<String, String> env) {
    List<HostedApp> apps = new ArrayList<>();
    for (String entry : text.split("\\s*,\\s*")) {
      String[] parts = entry.split(":", 3);
      String where = "app " + (apps.size() + 1);
      apps.add(new HostedApp(credentials(parts[0], parts[1], parts[2], where), Limits.from(env), List.of(), null));
    }
    return distinct(apps);
  }

  /** Parses JSON from {@code source} (described as {@code origin} in errors). */
  static List<HostedApp> parse(String source, String origin, Map<String, String> env) {
    JsonNode root;
    try {
      root = Frames.JSON.readTree(source);
    } catch (JsonProcessingException e) {
      String detail = e.getOriginalMessage();
      var at = e.getLocation();
      throw new AppsConfigException(VARIABLE + " (" + origin + ") is not valid JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + detail);
    }
    JsonNode list = root != null && root.isObject() && root.size() == 1 && root.has("apps") ? root.get("apps") : root;
    if (list == null || !list.isArray()) {
      throw new AppsConfigException(VARIABLE + " (" + origin + ") must be a JSON array of apps, or {\"apps\": [...]}");
    }
    if (list.isEmpty()) {
      throw new AppsConfigException(VARIABLE + " (" + origin + ") lists no app; unset it to host only the default app");
    }
    List<HostedApp> apps = new ArrayList<>();
    for (JsonNode node : list) {
      apps.add(app(node, "app " + (apps.size() + 1), env));
    }
    return distinct(apps);
  }

  private static HostedApp app(JsonNode node, String position, Map<String, String> env) {
    if (!node.isObject()) {
      throw new AppsConfigException(VARIABLE + ": " + position + " must be a JSON object with id, key and secret");
    }
    AppCredentials credentials = credentials(text(node, "id", position), text(node, "key", position),
        text(node, "secret", position), position);
    String where = position + " (id " + credentials.appId() + ")";
    Map<String, String> overrides = new HashMap<>(env);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (LIMITS.containsKey(field)) {
        overrides.put(LIMITS.get(field), limit(node.get(field), field, where));
      } else if (!OTHER_FIELDS.contains(field)) {
        throw new AppsConfigException(VARIABLE + ": " + where + " has an unknown field '" + field + "' (known: "
            + String.join(", ", OTHER_FIELDS) + ", " + String.join(", ", LIMITS.keySet()) + ")");
      }
    }
    Limits limits;
    try {
      limits = Limits.from(overrides);
    } catch (IllegalArgumentException e) {
      throw new AppsConfigException(VARIABLE + ": " + where + ": " + fieldNames(e.getMessage()));
    }
    return new HostedApp(credentials, limits, webhooks(node.get("webhooks"), where),
        origins(node.get("allowed_origins"), where));
  }

  /** The value a limit field gives its variable, as text; KiB turned into bytes. */
  private static String limit(JsonNode value, String field, String where) {
    if (FLAGS.contains(field)) {
      if (!value.isBoolean()) {
        throw new AppsConfigException(VARIABLE + ": " + where + ": " + field + " must be true or false, got "
            + value);
      }
      return Boolean.toString(value.asBoolean());
    }
    boolean whole = value.isIntegralNumber() || value.isTextual() && value.asText().trim().matches("\\d{1,9}");
    if (!whole) {
      throw new AppsConfigException(VARIABLE + ": " + where + ": " + field + " must be a whole number, got " + value);
    }
    long number = Long.parseLong(value.asText().trim());
    if (KIB.contains(field)) {
      if (number <= 0 || number > 1024 * 1024) {
        throw new AppsConfigException(VARIABLE + ": " + where + ": " + field + " must be from 1 to 1048576, got "
            + value);
      }
      number *= 1024;
    }
    return Long.toString(number);
  }

  /** A message of {@link Limits#from} with the JSON field names in place of the variable names. */
  private static String fieldNames(String message) {
    String result = message;
    for (Map.Entry<String, String> e : LIMITS.entrySet()) {
      result = result.replace(e.getValue(), e.getKey());
    }
    return result;
  }

  private static List<Webhook> webhooks(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new AppsConfigException(VARIABLE + ": " + where + ": webhooks must be an array of {url, event_types}");
    }
    List<Webhook> hooks = new ArrayList<>();
    for (JsonNode hook : node) {
      String at = where + ": webhook " + (hooks.size() + 1);
      if (!hook.isObject() || !hook.path("url").isTextual()) {
        throw new AppsConfigException(VARIABLE + ": " + at + " must be an object with a url");
      }
      Set<String> types = new LinkedHashSet<>();
      JsonNode listed = hook.get("event_types");
      if (listed == null || listed.isNull()) {
        types.addAll(Webhook.EVENT_TYPES);
      } else if (listed.isArray()) {
        listed.forEach(t -> types.add(t.asText()));
      } else {
        throw new AppsConfigException(VARIABLE + ": " + at + ": event_types must be an array of event type names");
      }
      try {
        hooks.add(new Webhook(Webhook.url(hook.get("url").asText()), types));
      } catch (IllegalArgumentException e) {
        throw new AppsConfigException(VARIABLE + ": " + at + ": " + e.getMessage());
      }
    }
    return hooks;
  }

  private static OriginPolicy origins(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> entries = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(e -> entries.add(e.asText()));
    } else if (node.isTextual()) {
      entries.add(node.asText());
    } else {
      throw new AppsConfigException(VARIABLE + ": " + where + ": allowed_origins must be an array of origins");
    }
    try {
      return OriginPolicy.parse(String.join(",", entries));
    } catch (IllegalArgumentException e) {
      throw new AppsConfigException(VARIABLE + ": " + where + ": allowed_origins: " + e.getMessage());
    }
  }

  private static String text(JsonNode app, String field, String where) {
    JsonNode value = app.get(field);
    if (value == null || value.isNull()) {
      throw new AppsConfigException(VARIABLE + ": " + where + " has no " + field);
    }
    if (!value.isTextual() && !value.isIntegralNumber()) {
      throw new AppsConfigException(VARIABLE + ": " + where + ": " + field + " must be a string, got " + value);
    }
    return value.asText();
  }

  private static AppCredentials credentials(String id, String key, String secret, String where) {
    if (!NAME.matcher(id).matches()) {
      throw new AppsConfigException(VARIABLE + ": " + where + ": id must be 1 to 64 letters, digits, '.', '_' or"
          + " '-', got '" + id + "'");
    }
    if (!NAME.matcher(key).matches()) {
      throw new AppsConfigException(VARIABLE + ": " + where + " (id " + id + "): key must be 1 to 64 letters,"
          + " digits, '.', '_' or '-'");
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new AppsConfigException(VARIABLE + ": " + where + " (id " + id + "): secret must be at least "
          + MIN_SECRET_LENGTH + " characters (e.g. the output of 'openssl rand -hex 16'), got " + secret.length());
    }
    return new AppCredentials(id, key, secret);
  }

  /** The apps, refused when two share an id or a key. */
  private static List<HostedApp> distinct(List<HostedApp> apps) {
    checkDistinct(apps.stream().map(HostedApp::credentials).toList());
    return List.copyOf(apps);
  }

  /**
   * Refuses two apps with one id (the HTTP API could not tell them apart) or one key (nor could sockets).
   *
   * @throws AppsConfigException naming the id or key used twice
   */
  public static void checkDistinct(List<AppCredentials> apps) {
    Set<String> ids = new java.util.HashSet<>();
    Set<String> keys = new java.util.HashSet<>();
    for (AppCredentials app : apps) {
      if (!ids.add(app.appId())) {
        throw new AppsConfigException(VARIABLE + ": two apps have the id " + app.appId()
            + " (the default app's is CHANNELS_APP_ID)");
      }
      if (!keys.add(app.key())) {
        throw new AppsConfigException(VARIABLE + ": two apps have the key " + app.key()
            + " (the default app's is CHANNELS_KEY)");
      }
    }
  }
}
