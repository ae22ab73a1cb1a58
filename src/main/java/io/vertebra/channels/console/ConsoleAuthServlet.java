package io.vertebra.channels.console;

import static io.vertebra.console.shared.ConsoleApi.FEED_CHANNEL;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.connection.SocketIds;
import io.vertebra.channels.protocol.Frames;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /console/pusher/auth}: pusher-js's channel authorization for the console page. It signs the console's
 * feed channel and nothing else; being under {@code /console}, only a console user ({@link ConsoleGuard}) gets here,
 * so no one else can read the log.
 */
final class ConsoleAuthServlet extends HttpServlet {

  private final transient ChannelsApp app;

  ConsoleAuthServlet(ChannelsApp app) {
    this.app = app;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (app == null) {
      ConsoleApiServlet.notRunning(request, response);
      return;
    }
    String socketId;
    String channel;
    try {
      socketId = request.getParameter("socket_id");
      channel = request.getParameter("channel_name");
    } catch (RuntimeException e) { // Jetty refuses unreadable or oversized forms with BadMessageException
      ConsoleResponses.error(request, response, 400, "invalid_request", "Unreadable form");
      return;
    }
    if (socketId == null || !SocketIds.isValid(socketId)) {
      ConsoleResponses.error(request, response, 400, "invalid_request", "socket_id is missing or malformed");
      return;
    }
    if (!FEED_CHANNEL.equals(channel)) {
      ConsoleResponses.error(request, response, 403, "forbidden", "The console authorizes only " + FEED_CHANNEL);
      return;
    }
    String auth = app.socketAuth().channelAuth(socketId, FEED_CHANNEL, null);
    ConsoleResponses.json(response, 200, Frames.JSON.createObjectNode().put("auth", auth));
  }
}
