package __PACKAGE__.server;

import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.identity.IdentityApi;
import io.vertebra.kit.web.JsonServlet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * {@code GET /api/config}: the options the browser's pusher-js connects with, never the secret. With the embedded
 * channels server the browser connects back to the host and port it loaded the page from; with an external service
 * (PUSHER_URL) to PUSHER_WS_HOST/PORT or the cluster.
 */
final class ConfigServlet extends JsonServlet {

  /** pusher-js requires a cluster even when wsHost makes it irrelevant; this one is never contacted then. */
  private static final String PLACEHOLDER_CLUSTER = "mt1";

  private final transient RealtimeSettings realtime;

  ConfigServlet(ObjectMapper mapper, RealtimeSettings realtime) {
    super(mapper);
    this.realtime = realtime;
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    return Map.of("GET", (rq, rs) -> writeJson(rs, HttpServletResponse.SC_OK, options(rq)));
  }

  private ObjectNode options(HttpServletRequest request) {
    ObjectNode node = mapper.createObjectNode().put("key", realtime.key());
    String wsHost = realtime.embedded() ? request.getServerName() : realtime.wsHost();
    boolean forceTls = realtime.embedded() ? request.isSecure() : realtime.forceTls();
    node.put("forceTLS", forceTls);
    node.put("cluster", realtime.cluster() != null ? realtime.cluster() : PLACEHOLDER_CLUSTER);
    if (wsHost != null) {
      int port = realtime.embedded() ? request.getServerPort()
          : realtime.wsPort() != null ? realtime.wsPort() : (forceTls ? 443 : 80);
      node.put("wsHost", wsHost).put("wsPort", port).put("wssPort", port).put("disableStats", true);
      node.putArray("enabledTransports").add("ws").add("wss");
    }
    node.putObject("channelAuthorization").put("endpoint", IdentityApi.CHANNEL_AUTH_PATH).put("transport", "ajax");
    node.putObject("userAuthentication").put("endpoint", IdentityApi.USER_AUTH_PATH).put("transport", "ajax");
    return node;
  }
}
