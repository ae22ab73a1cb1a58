package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.auth.Hmac;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.kit.web.JsonErrors;
import io.vertebra.kit.web.OriginPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;

/**
 * Upgrades {@code /app/{key}?protocol=N} to a Pusher connection. A wrong path, key or protocol version is still
 * upgraded and then refused with the documented code, because that is what Pusher clients understand.
 */
public final class PusherWebSocketServlet extends JettyWebSocketServlet {

  /** Oldest and newest protocol versions accepted. */
  static final int MIN_PROTOCOL = 5;
  static final int MAX_PROTOCOL = 7;

  private final transient ChannelsApp app;
  private final transient MessageHandler handler;
  private final transient OriginPolicy origins;

  /** A servlet for the app's WebSocket endpoint, open to pages of any origin. */
  public PusherWebSocketServlet(ChannelsApp app) {
    this(app, OriginPolicy.any());
  }

  /** A servlet for the app's WebSocket endpoint, open to the pages {@code origins} allows. */
  public PusherWebSocketServlet(ChannelsApp app, OriginPolicy origins) {
    this.app = app;
    this.handler = new MessageHandler(app);
    this.origins = origins;
  }

  @Override
  protected void configure(JettyWebSocketServletFactory factory) {
    var limits = app.limits();
    // Jetty's idle timeout only catches dead peers; liveness is the protocol's ping/pong (ActivityMonitor).
    factory.setIdleTimeout(Duration.ofSeconds(limits.activityTimeoutSeconds() + limits.pongTimeoutSeconds() + 30L));
    // Larger than our own message limit, so oversize frames get a readable pusher:error instead of close 1009.
    factory.setMaxTextMessageSize(Math.max(64 * 1024L, 4L * limits.maxMessageBytes()));
    factory.setCreator((request, response) -> {
      // No permessage-deflate, though every browser offers it: Pusher messages are small JSON that compresses
      // poorly, and each compressing connection holds its own zlib state and compresses every frame it is sent.
      response.setExtensions(new ArrayList<>());
      return new PusherEndpoint(app, handler, rejection(request));
    });
  }

  /** A plain HTTP request (no WebSocket upgrade) gets a JSON explanation instead of a bare 405. */
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Upgrade", "websocket");
    JsonErrors.write(req, resp, 426, "upgrade_required",
        "This is the Pusher WebSocket endpoint: connect with a WebSocket client to /app/{key}?protocol=7", null);
  }

  private Rejection rejection(JettyServerUpgradeRequest request) {
    // A page of another site could otherwise open sockets with the app key from every visitor's browser.
    String origin = request.getHeader("Origin");
    if (!origins.allows(origin, request.getHeader("Host"))) {
      return new Rejection(ErrorCode.UNAUTHORIZED, "Origin not allowed: " + shorten(origin) + " (allowed: "
          + origins.describe() + ")");
    }
    String path = request.getHttpServletRequest().getPathInfo();
    String key = path == null ? "" : path.substring(1);
    if (key.isEmpty() || key.contains("/")) {
      return new Rejection(ErrorCode.PATH_NOT_FOUND, "Path not found: use /app/{key}");
    }
    if (!Hmac.constantTimeEquals(app.credentials().key(), key)) {
      return new Rejection(ErrorCode.APP_NOT_FOUND, "App key " + key + " not in this cluster. Did you forget "
          + "to specify the cluster?");
    }
    return protocolProblem(request.getParameterMap());
  }

  private static String shorten(String text) {
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
