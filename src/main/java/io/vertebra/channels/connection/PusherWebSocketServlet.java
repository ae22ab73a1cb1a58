package io.vertebra.channels.connection;

import io.vertebra.channels.AppDirectory;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.kit.web.JsonErrors;
import io.vertebra.kit.web.OriginPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;

/**
 * Upgrades {@code /app/{key}?protocol=N} to a Pusher connection of the app with that key. A wrong path, key, origin
 * or protocol version is still upgraded and then refused with the documented code, because that is what Pusher
 * clients understand.
 */
public final class PusherWebSocketServlet extends JettyWebSocketServlet {

  /** Oldest and newest protocol versions accepted. */
  static final int MIN_PROTOCOL = 5;
  static final int MAX_PROTOCOL = 7;

  private final transient AppDirectory apps;
  private final transient Map<String, MessageHandler> handlers = new HashMap<>();

  /** A servlet for one app's WebSocket endpoint, open to pages of any origin. */
  public PusherWebSocketServlet(ChannelsApp app) {
    this(AppDirectory.of(app));
  }

  /** A servlet for the sockets of every app in {@code apps}, each open to the pages its origin policy allows. */
  public PusherWebSocketServlet(AppDirectory apps) {
    this.apps = apps;
    for (ChannelsApp app : apps.all()) {
      handlers.put(app.credentials().key(), new MessageHandler(app));
    }
  }

  @Override
  protected void configure(JettyWebSocketServletFactory factory) {
    // One factory serves every app: it takes the most generous of their settings; each app checks its own limits.
    long activity = 0;
    long messageBytes = 0;
    for (ChannelsApp app : apps.all()) {
      var limits = app.limits();
      activity = Math.max(activity, limits.activityTimeoutSeconds() + limits.pongTimeoutSeconds());
      messageBytes = Math.max(messageBytes, limits.maxMessageBytes());
    }
    // Jetty's idle timeout only catches dead peers; liveness is the protocol's ping/pong (ActivityMonitor).
    factory.setIdleTimeout(Duration.ofSeconds(activity + 30L));
    // Larger than our own message limit, so oversize frames get a readable pusher:error instead of close 1009.
    factory.setMaxTextMessageSize(Math.max(64 * 1024L, 4L * messageBytes));
    factory.setCreator((request, response) -> {
      // No permessage-deflate, though every browser offers it: Pusher messages are small JSON that compresses
      // poorly, and each compressing connection holds its own zlib state and compresses every frame it is sent.
      response.setExtensions(new ArrayList<>());
      String key = key(request);
      ChannelsApp app = key == null ? null : apps.byKey(key);
      // A refused socket is counted by the default app: an unknown key names no app.
      ChannelsApp counted = app == null ? apps.defaultApp() : app;
      // The client's address as the request saw it: behind a trusted proxy, the one the proxy forwarded.
      return new PusherEndpoint(counted, handlers.get(counted.credentials().key()), rejection(request, key, app),
          request.getHttpServletRequest().getRemoteAddr());
    });
  }

  /** A plain HTTP request (no WebSocket upgrade) gets a JSON explanation instead of a bare 405. */
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Upgrade", "websocket");
    JsonErrors.write(req, resp, 426, "upgrade_required",
        "This is the Pusher WebSocket endpoint: connect with a WebSocket client to /app/{key}?protocol=7", null);
  }

  /** The key of {@code /app/{key}}, or null when the path has none. */
  private static String key(JettyServerUpgradeRequest request) {
    String path = request.getHttpServletRequest().getPathInfo();
    String key = path == null ? "" : path.substring(1);
    return key.isEmpty() || key.contains("/") ? null : key;
  }

  private Rejection rejection(JettyServerUpgradeRequest request, String key, ChannelsApp app) {
    if (key == null) {
      return new Rejection(ErrorCode.PATH_NOT_FOUND, "Path not found: use /app/{key}");
    }
    if (app == null) {
      return new Rejection(ErrorCode.APP_NOT_FOUND, "App key " + shorten(key) + " not in this cluster. Did you"
          + " forget to specify the cluster?");
    }
    // A page of another site could otherwise open sockets with the app key from every visitor's browser.
    String origin = request.getHeader("Origin");
    OriginPolicy origins = apps.origins(app);
    if (!origins.allows(origin, request.getHeader("Host"))) {
      return new Rejection(ErrorCode.UNAUTHORIZED, "Origin not allowed: " + shorten(origin) + " (allowed: "
          + origins.describe() + ")");
    }
    return protocolProblem(request.getParameterMap());
  }

  private static String shorten(String text) {
    if (text == null) {
      return "(none)";
    }
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }

  static Rejection protocolProblem(Map<String, List<String>> params) {
    List<String> values = params.get("protocol");
    if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
      return new Rejection(ErrorCode.NO_PROTOCOL_VERSION, "No protocol version supplied");
    }
    int version;
    try {
      version = Integer.parseInt(values.get(0));
    } catch (NumberFormatException e) {
      return new Rejection(ErrorCode.INVALID_VERSION_FORMAT, "Invalid version string format");
    }
    if (version < MIN_PROTOCOL || version > MAX_PROTOCOL) {
      return new Rejection(ErrorCode.UNSUPPORTED_PROTOCOL, "Unsupported protocol version " + version
          + " (supported: " + MIN_PROTOCOL + " to " + MAX_PROTOCOL + ")");
    }
    return null;
  }
}
