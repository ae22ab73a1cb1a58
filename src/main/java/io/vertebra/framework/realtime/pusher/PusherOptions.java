package io.vertebra.framework.realtime.pusher;

import io.vertebra.framework.core.StringMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How pusher-js reaches the realtime service: the app key plus either a hosted-Pusher {@code cluster} or an
 * explicit {@code wsHost}/{@code wsPort} (the embedded channels server, or any compatible service), TLS, the
 * transports to use and the app's auth endpoints. Usually built with {@link #fromMap} from the settings the
 * server hands the page, then given to {@link PusherJsBackend}.
 *
 * <p>The decisions pusher-js leaves to its caller are made here, in plain Java: with an explicit {@code wsHost}
 * the transports default to WebSocket only (so the client never falls back to hosted Pusher's HTTP hosts) and
 * the TLS port defaults to {@code wsPort}.
 */
public final class PusherOptions {

  /** The app's channel authorization endpoint; pusher-js's default too. */
  public static final String DEFAULT_CHANNEL_AUTH_ENDPOINT = "/pusher/auth";
  /** The app's user authentication endpoint; pusher-js's default too. */
  public static final String DEFAULT_USER_AUTH_ENDPOINT = "/pusher/user-auth";

  private final String key;
  private String cluster;
  private String wsHost;
  private Integer wsPort;
  private Integer wssPort;
  private boolean forceTls;
  private List<String> enabledTransports;
  private String channelAuthEndpoint = DEFAULT_CHANNEL_AUTH_ENDPOINT;
  private String userAuthEndpoint = DEFAULT_USER_AUTH_ENDPOINT;

  private PusherOptions(String key) {
    this.key = key;
  }

  /** Options for the app key {@code key}; set a {@link #cluster} or a {@link #wsHost} next. */
  public static PusherOptions forKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("The Pusher app key is required");
    }
    return new PusherOptions(key);
  }

  /**
   * Reads the JSON-like settings the server hands the page: {@code key} (required), {@code cluster},
   * {@code wsHost}, {@code wsPort}, {@code wssPort}, {@code forceTLS}, {@code enabledTransports} and the auth
   * endpoints as pusher-js spells them ({@code channelAuthorization.endpoint},
   * {@code userAuthentication.endpoint}). A value of the wrong type is an {@link IllegalArgumentException}.
   */
  public static PusherOptions fromMap(Map<String, Object> settings) {
    PusherOptions options = forKey(string(settings, "key"));
    options.cluster = string(settings, "cluster");
    options.wsHost = string(settings, "wsHost");
    options.wsPort = port(settings, "wsPort");
    options.wssPort = port(settings, "wssPort");
    options.forceTls = flag(settings, "forceTLS");
    List<?> transports = list(settings, "enabledTransports");
    if (transports != null) {
      List<String> names = new ArrayList<>();
      for (Object transport : transports) {
        names.add(String.valueOf(transport));
      }
      options.enabledTransports(names);
    }
    String channelAuth = endpoint(settings, "channelAuthorization");
    if (channelAuth != null) {
      options.channelAuthEndpoint = channelAuth;
    }
    String userAuth = endpoint(settings, "userAuthentication");
    if (userAuth != null) {
      options.userAuthEndpoint = userAuth;
    }
    return options;
  }

  /** The app key. */
  public String key() {
    return key;
  }

  /** Hosted Pusher's cluster (e.g. {@code eu}); ignored for the host when {@link #wsHost} is set. */
  public PusherOptions cluster(String cluster) {
    this.cluster = cluster;
    return this;
  }

  /** The WebSocket host of a self-hosted or embedded service. */
  public PusherOptions wsHost(String wsHost) {
    this.wsHost = wsHost;
    return this;
  }

  /** The WebSocket port (also the TLS port unless {@link #wssPort} is set). */
  public PusherOptions wsPort(Integer wsPort) {
    this.wsPort = wsPort;
    return this;
  }

  /** The TLS WebSocket port, when it differs from {@link #wsPort}. */
  public PusherOptions wssPort(Integer wssPort) {
    this.wssPort = wssPort;
    return this;
  }

  /** Whether to use TLS ({@code wss}) only. */
  public PusherOptions forceTls(boolean forceTls) {
    this.forceTls = forceTls;
    return this;
  }

  /** The transports pusher-js may use ({@code ws}, {@code wss}, {@code xhr_streaming}, ...). */
  public PusherOptions enabledTransports(List<String> transports) {
    this.enabledTransports = transports == null ? null : new ArrayList<>(transports);
    return this;
  }

  /** Where pusher-js asks the app to authorize private and presence channels. */
  public PusherOptions channelAuthEndpoint(String endpoint) {
    this.channelAuthEndpoint = endpoint;
    return this;
  }

  /** Where pusher-js asks the app to authenticate the user ({@code signin()}). */
  public PusherOptions userAuthEndpoint(String endpoint) {
    this.userAuthEndpoint = endpoint;
    return this;
  }

  /**
   * The options object for {@code new Pusher(key, options)}, as JSON-like values. Without a cluster or a
   * {@code wsHost} the service is unknown: {@link IllegalStateException}.
   */
  public Map<String, Object> toPusherJs() {
    boolean selfHosted = wsHost != null && !wsHost.isEmpty();
    if (!selfHosted && (cluster == null || cluster.isEmpty())) {
      throw new IllegalStateException("Pusher options need a cluster or a wsHost");
    }
    Map<String, Object> js = new StringMap<>();
    // pusher-js 8 insists on a cluster even when wsHost decides where to connect.
    js.put("cluster", cluster == null ? "" : cluster);
    if (selfHosted) {
      js.put("wsHost", wsHost);
      putPort(js, "wsPort", wsPort);
      putPort(js, "wssPort", wssPort != null ? wssPort : wsPort);
    }
    js.put("forceTLS", forceTls);
    List<String> transports = enabledTransports;
    if (transports == null && selfHosted) {
      transports = new ArrayList<>();
      transports.add("ws");
      transports.add("wss");
    }
    if (transports != null) {
      js.put("enabledTransports", new ArrayList<Object>(transports));
    }
    js.put("channelAuthorization", endpointOption(channelAuthEndpoint));
    js.put("userAuthentication", endpointOption(userAuthEndpoint));
    return js;
  }

  private static void putPort(Map<String, Object> js, String name, Integer port) {
    if (port != null) {
      js.put(name, (double) port);
    }
  }

  private static Map<String, Object> endpointOption(String endpoint) {
    Map<String, Object> option = new StringMap<>();
    option.put("endpoint", endpoint);
    option.put("transport", "ajax");
    return option;
  }

  // GWT has no Class.isInstance: one small accessor per JSON type.
  private static String string(Map<String, Object> settings, String name) {
    Object value = settings.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(name, "string", value);
  }

  private static Integer port(Map<String, Object> settings, String name) {
    Object value = settings.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number)) {
      throw wrongType(name, "number", value);
    }
    double port = ((Number) value).doubleValue();
    if (port != Math.floor(port) || port < 1 || port > 65535) {
      throw new IllegalArgumentException("Realtime setting " + name + " is not a port: " + value);
    }
    return (int) port;
  }

  private static boolean flag(Map<String, Object> settings, String name) {
    Object value = settings.get(name);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw wrongType(name, "boolean", value);
  }

  private static List<?> list(Map<String, Object> settings, String name) {
    Object value = settings.get(name);
    if (value == null || value instanceof List) {
      return (List<?>) value;
    }
    throw wrongType(name, "list", value);
  }

  @SuppressWarnings("unchecked")
  private static String endpoint(Map<String, Object> settings, String name) {
    Object value = settings.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw wrongType(name, "object", value);
    }
    return string((Map<String, Object>) value, "endpoint");
  }

  private static IllegalArgumentException wrongType(String name, String expected, Object value) {
    return new IllegalArgumentException("Realtime setting " + name + " must be a " + expected + ", not " + value);
  }
}
