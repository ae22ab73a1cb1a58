package io.vertebra.kit.config;

import java.net.URI;

/**
 * Where the realtime service is and how to reach it: what the server's pusher-http-java client uses
 * ({@link #apiScheme()}, {@link #apiHost()}, {@link #apiPort()}, app id, key, secret) and what the browser's
 * pusher-js is told (key, cluster or wsHost/wsPort, forceTLS). The same shape describes the embedded channels
 * server, hosted Pusher and any compatible service.
 */
public record RealtimeSettings(
    String appId,
    String key,
    String secret,
    String apiScheme,
    String apiHost,
    int apiPort,
    boolean embedded,
    String cluster,
    String wsHost,
    Integer wsPort,
    boolean forceTls) {

  /** Settings for the channels server embedded in this process, reachable on loopback at {@code port}. */
  public static RealtimeSettings embedded(ChannelsCredentials credentials, String host, int port) {
    String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return new RealtimeSettings(credentials.appId(), credentials.key(), credentials.secret(),
        "http", reachable, port, true, null, reachable, port, false);
  }

  /**
   * Settings for an external service from {@code PUSHER_URL} ({@code http[s]://KEY:SECRET@HOST[:PORT]/apps/ID}) and
   * the browser-side overrides; without {@code PUSHER_WS_HOST} the browser uses the cluster (hosted Pusher).
   */
  public static RealtimeSettings external(Config config) {
    URI uri;
    try {
      uri = URI.create(config.pusherUrl());
    } catch (IllegalArgumentException e) {
      throw new Config.ConfigException("PUSHER_URL is not a URL: " + e.getMessage());
    }
    String userInfo = uri.getRawUserInfo();
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (uri.getHost() == null || userInfo == null || !userInfo.contains(":") || !path.matches("/apps/[^/]+/?")) {
      throw new Config.ConfigException("PUSHER_URL must look like http://KEY:SECRET@HOST:PORT/apps/APP_ID");
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new Config.ConfigException("PUSHER_URL must start with http:// or https://");
    }
    boolean tls = "https".equals(scheme);
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    String appId = path.replaceAll("^/apps/|/$", "");
    String[] keySecret = userInfo.split(":", 2);
    boolean forceTls = config.pusherForceTls() != null ? config.pusherForceTls() : tls;
    return new RealtimeSettings(appId, keySecret[0], keySecret[1], scheme, uri.getHost(), port, false,
        config.pusherCluster(), config.pusherWsHost(), config.pusherWsPort(), forceTls);
  }

  /** What logs say of the secret: that it is set and how long, never any of its characters. */
  public String maskedSecret() {
    return "(" + secret.length() + " characters, not shown)";
  }

  /** The banner line of {@code channels} mode, where this process is the realtime service; the secret is masked. */
  public String describeAsService() {
    return "this process is the channels server (app " + appId + ", key " + key + ", secret " + maskedSecret()
        + "; WebSocket /app/" + key + " and HTTP API /apps/" + appId + " on port " + apiPort + ")";
  }

  /** One line for the startup banner; the secret is masked. */
  public String describe() {
    String where = embedded ? "embedded channels server" : "external service " + apiScheme + "://" + apiHost + ":"
        + apiPort;
    String browser = wsHost != null ? "wsHost=" + wsHost + " wsPort=" + wsPort : "cluster=" + cluster;
    return where + " (app " + appId + ", key " + key + ", secret " + maskedSecret() + "; browser " + browser
        + ", forceTLS=" + forceTls + ")";
  }
}
