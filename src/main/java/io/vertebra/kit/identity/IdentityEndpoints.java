package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAbstract;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.web.JsonBodies;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Installs the identity endpoints: {@code /api/session} and the two pusher-js auth endpoints, which sign private and
 * presence subscriptions the app's {@link ChannelPolicy} allows.
 */
public final class IdentityEndpoints {

  /** pusher-js sends a socket id and a channel name: a form longer than this is not from pusher-js. */
  public static final int MAX_FORM_BYTES = 8 * 1024;

  private IdentityEndpoints() {}

  /**
   * Adds {@code /api/session}, {@code /pusher/auth} and {@code /pusher/user-auth} to {@code context}.
   *
   * @param sessions who is signed in ({@link Sessions#open})
   * @param bodies the JSON body reader of the app's endpoints (the sign-in body)
   * @param pusher the client that signs subscriptions with the realtime service's secret
   * @param realtime the realtime service (its key goes into user authentication)
   * @param channels which private and presence channels a user may join
   */
  public static void install(ServletContextHandler context, ObjectMapper mapper, Sessions sessions, JsonBodies bodies,
      PusherAbstract<?> pusher, RealtimeSettings realtime, ChannelPolicy channels) {
    context.addServlet(new ServletHolder("session", new SessionServlet(mapper, sessions, bodies)),
        IdentityApi.SESSION_PATH + "/*");
    context.addServlet(new ServletHolder("pusher-auth",
        new PusherAuthServlet(mapper, sessions, pusher, channels)), IdentityApi.CHANNEL_AUTH_PATH);
    context.addServlet(new ServletHolder("pusher-user-auth", new UserAuthServlet(mapper, sessions, realtime)),
        IdentityApi.USER_AUTH_PATH);
  }
}
