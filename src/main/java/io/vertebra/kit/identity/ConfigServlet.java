package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/config}: the options the browser's pusher-js needs ({@code new Pusher(key, options)}), never the
 * secret. With the embedded channels server the browser connects back to the host and port it loaded the page from;
 * with an external service it gets PUSHER_WS_HOST/PORT or the cluster.
 */
public final class ConfigServlet extends JsonServlet {

  /** Where the endpoint is mounted. */
  public static final String PATH = "/api/config";

  /** pusher-js 8 requires a cluster even when wsHost makes it irrelevant; this one is never contacted then. */
  static final String PLACEHOLDER_CLUSTER = "mt1";

  private final transient RealtimeSettings realtime;

  public ConfigServlet(ObjectMapper mapper, RealtimeSettings realtime) {
    super(mapper);
    this.realtime = realtime;
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    return Map.of("GET", this::config);
  }

  private void config(HttpServletRequest request, HttpServletResponse response) throws IOException {
    writeJson(response, HttpServletResponse.SC_OK, options(request));
  }

  ObjectNode options(HttpServletRequest request) {
    ObjectNode node = mapper.createObjectNode();
    node.put("key", realtime.key());
    String wsHost = realtime.embedded() ? request.getServerName() : realtime.wsHost();
    boolean forceTls = realtime.embedded() ? request.isSecure() : realtime.forceTls();
    node.put("forceTLS", forceTls);
    if (wsHost != null) {
      int port = realtime.embedded() ? request.getServerPort()
          : realtime.wsPort() != null ? realtime.wsPort() : (forceTls ? 443 : 80);
      node.put("wsHost", wsHost);
      node.put("wsPort", port);
      node.put("wssPort", port);
      node.put("cluster", realtime.cluster() != null ? realtime.cluster() : PLACEHOLDER_CLUSTER);
      // Only WebSocket: pusher-js's HTTP fallbacks would go to hosted Pusher's hosts, not to this server.
      node.putArray("enabledTransports").add("ws").add("wss");
      node.put("disableStats", true);
    } else {
      node.put("cluster", realtime.cluster() != null ? realtime.cluster() : PLACEHOLDER_CLUSTER);
    }
    node.putObject("channelAuthorization").put("endpoint", IdentityApi.CHANNEL_AUTH_PATH).put("transport", "ajax");
    node.putObject("userAuthentication").put("endpoint", IdentityApi.USER_AUTH_PATH).put("transport", "ajax");
    return node;
  }
}
