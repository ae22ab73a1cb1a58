package io.vertebra.channels.connection;

import io.vertebra.channels.AppDirectory;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.kit.web.OriginPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * Upgrades {@code /app/{key}?protocol=N} to a Pusher connection of the app with that key. A wrong path, key, origin
 * or protocol version is still upgraded and then refused with the documented code, because that is what Pusher
 * clients understand.
 *
 * <p>The upgrade happens on Jetty's core WebSocket layer, in a handler in front of the servlet context
 * ({@link #handler}), not in a WebSocket servlet: a reconnect storm is thousands of upgrades at once, and the servlet
 * layer's request, response and channel wrappers were paid per handshake and kept for the connection's life. The
 * edge handlers (Host check, per-client limits) still come first. A request to {@code /app/...} that is no upgrade
 * goes on to the servlets ({@link UpgradeRequiredServlet}).
 */
public final class PusherUpgrade extends WebSocketNegotiator.AbstractNegotiator {

  /** The sockets' path within the context. */
  public static final String PATH = "/app/*";
  /** Oldest and newest protocol versions accepted. */
  static final int MIN_PROTOCOL = 5;
  static final int MAX_PROTOCOL = 7;

  private static final String PREFIX = "/app/";

  private final AppDirectory apps;
  private final Map<String, MessageHandler> handlers = new HashMap<>();

  /** Upgrades for the sockets of every app in {@code apps}, each open to the pages its origin policy allows. */
  public PusherUpgrade(AppDirectory apps) {
    this.apps = apps;
    for (ChannelsApp app : apps.all()) {
      handlers.put(app.credentials().key(), new MessageHandler(app));
    }
    // One negotiator serves every app: it takes the most generous of their settings; each app checks its own limits.
    long activity = 0;
    long messageBytes = 0;
    for (ChannelsApp app : apps.all()) {
      var limits = app.limits();
      activity = Math.max(activity, limits.activityTimeoutSeconds() + limits.pongTimeoutSeconds());
      messageBytes = Math.max(messageBytes, limits.maxMessageBytes());
    }
    // Jetty's idle timeout only catches dead peers; liveness is the protocol's ping/pong (ActivityMonitor).
    setIdleTimeout(Duration.ofSeconds(activity + 30L));
    // Larger than our own message limit, so oversize messages get a readable pusher:error instead of close 1009;
    // the endpoint keeps it, reading it from its session.
    setMaxTextMessageSize(Math.max(64 * 1024L, 4L * messageBytes));
  }

  /**
   * The handler to put in front of the servlet context of {@code server}: it upgrades the WebSocket requests of
   * {@link #PATH} (a path from the root: the context's path is "/") and passes every other request on.
   */
  public static WebSocketUpgradeHandler handler(Server server, AppDirectory apps) {
    PusherUpgrade upgrade = new PusherUpgrade(apps);
    return new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server),
        handler -> handler.addMapping(PATH, upgrade));
  }

  @Override
  public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    // No permessage-deflate, though every browser offers it: Pusher messages are small JSON that compresses
    // poorly, and each compressing connection holds its own zlib state and compresses every frame it is sent.
    response.setExtensions(List.of());
    String key = key(request.getHttpURI().getPath());
    ChannelsApp app = key == null ? null : apps.byKey(key);
    // A refused socket is counted by the default app: an unknown key names no app.
    ChannelsApp counted = app == null ? apps.defaultApp() : app;
    // The client's address as the request saw it: behind a trusted proxy, the one the proxy forwarded.
    return new PusherEndpoint(counted, handlers.get(counted.credentials().key()), rejection(request, key, app),
        Request.getRemoteAddr(request));
  }

  /** The key of {@code /app/{key}}, or null when the path has none. */
  static String key(String path) {
    String key = path == null || !path.startsWith(PREFIX) ? "" : path.substring(PREFIX.length());
    return key.isEmpty() || key.contains("/") ? null : key;
  }

  private Rejection rejection(Request request, String key, ChannelsApp app) {
    if (key == null) {
      return new Rejection(ErrorCode.PATH_NOT_FOUND, "Path not found: use /app/{key}");
    }
    if (app == null) {
      return new Rejection(ErrorCode.APP_NOT_FOUND, "App key " + shorten(key) + " not in this cluster. Did you"
          + " forget to specify the cluster?");
    }
    // A page of another site could otherwise open sockets with the app key from every visitor's browser.
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    OriginPolicy origins = apps.origins(app);
    if (!origins.allows(origin, request.getHeaders().get(HttpHeader.HOST))) {
      return new Rejection(ErrorCode.UNAUTHORIZED, "Origin not allowed: " + shorten(origin) + " (allowed: "
          + origins.describe() + ")");
    }
    return protocolProblem(Request.extractQueryParameters(request).getValue("protocol"));
  }

  private static String shorten(String text) {
    if (text == null) {
      return "(none)";
    }
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }

  /** Why {@code protocol} (the query parameter's first value, or null) is refused, or null when it is accepted. */
  static Rejection protocolProblem(String protocol) {
    if (protocol == null || protocol.isEmpty()) {
      return new Rejection(ErrorCode.NO_PROTOCOL_VERSION, "No protocol version supplied");
    }
    int version;
    try {
      version = Integer.parseInt(protocol);
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
