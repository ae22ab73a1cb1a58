package io.vertebra.channels.connection;

import io.vertebra.kit.web.JsonErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a plain HTTP request to the WebSocket endpoint gets (an upgrade never reaches the servlets:
 * {@link PusherUpgrade}): a JSON explanation instead of a bare 404 or 405.
 */
public final class UpgradeRequiredServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Upgrade", "websocket");
    JsonErrors.write(req, resp, 426, "upgrade_required",
        "This is the Pusher WebSocket endpoint: connect with a WebSocket client to /app/{key}?protocol=7", null);
  }
}
