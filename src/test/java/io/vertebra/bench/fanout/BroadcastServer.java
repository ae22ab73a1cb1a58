package io.vertebra.bench.fanout;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The fan-out baseline: the least a Jetty 12 server can do to broadcast. WebSocket clients connect to {@code /ws};
 * {@code POST /broadcast} sends the request body as one text message to every open session. No protocol, no
 * channels, no authentication: what is left is Jetty's own cost, the floor for the channels server.
 * Usage: {@code BroadcastServer PORT}; prints "ready" when listening on 127.0.0.1.
 */
public final class BroadcastServer {

  static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

  private BroadcastServer() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(BroadcastServlet.class, "/broadcast");
    JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
      container.setIdleTimeout(Duration.ofMinutes(10));
      container.addMapping("/ws", (req, resp) -> new Endpoint());
    });
    server.setHandler(context);
    server.start();
    System.out.println("ready on " + connector.getLocalPort());
    server.join();
  }

  /** Tracks open sessions; ignores what clients send. */
  public static final class Endpoint implements Session.Listener.AutoDemanding {
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      SESSIONS.add(session);
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
      SESSIONS.remove(session);
    }
  }

  /** Sends the body to every session. */
  public static final class BroadcastServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      for (Session s : SESSIONS) {
        s.sendText(body, Callback.NOOP);
      }
      resp.setStatus(200);
    }
  }
}
