package io.vertebra.posts.server.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAbstract;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.shared.PostApi;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Installs the identity endpoints: {@code /api/session} and the two pusher-js auth endpoints. */
public final class IdentityEndpoints {

  /** pusher-js sends a socket id and a channel name: a form longer than this is not from pusher-js. */
  public static final int MAX_FORM_BYTES = 8 * 1024;

  private IdentityEndpoints() {}

  public static void install(ServletContextHandler context, ObjectMapper mapper, Sessions sessions, JsonBodies bodies,
      PusherAbstract<?> pusher, RealtimeSettings realtime, PostStore store) {
    context.addServlet(new ServletHolder("session", new SessionServlet(mapper, sessions, bodies)),
        PostApi.SESSION_PATH + "/*");
    context.addServlet(new ServletHolder("pusher-auth",
        new PusherAuthServlet(mapper, sessions, pusher, new ChannelPolicy(store))), PostApi.CHANNEL_AUTH_PATH);
    context.addServlet(new ServletHolder("pusher-user-auth", new UserAuthServlet(mapper, sessions, realtime)),
        PostApi.USER_AUTH_PATH);
  }
}
