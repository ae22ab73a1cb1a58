package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAbstract;
import com.pusher.rest.data.PresenceUser;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /pusher/auth}: pusher-js's channel authorization. Signs a presence subscription for the session's user
 * (user_info: name and colour) with pusher-http-java's {@code authenticate()}; 403 without a session or for a
 * channel the user may not join, 400 for a malformed socket id or channel name.
 */
public final class PusherAuthServlet extends JsonServlet {

  private final transient Sessions sessions;
  private final transient PusherAbstract<?> pusher;
  private final transient ChannelPolicy policy;

  PusherAuthServlet(ObjectMapper mapper, Sessions sessions, PusherAbstract<?> pusher, ChannelPolicy policy) {
    super(mapper);
    this.sessions = sessions;
    this.pusher = pusher;
    this.policy = policy;
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    return Map.of("POST", this::authorize);
  }

  private void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException {
    User user = PusherForms.signedIn(sessions, request);
    String socketId = PusherForms.socketId(request);
    String channel = request.getParameter("channel_name");
    if (channel == null || channel.isEmpty()) {
      throw ApiException.invalid("channel_name", "channel_name is required");
    }
    String refusal = policy.refusal(user, channel);
    if (refusal != null) {
      throw ApiException.forbidden(refusal);
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put(IdentityApi.NAME, user.name());
    info.put(IdentityApi.COLOR, user.color());
    String auth;
    try {
      auth = pusher.authenticate(socketId, channel, new PresenceUser(user.id(), info));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("channel_name", e.getMessage());
    }
    PusherForms.writeRawJson(response, auth);
  }
}
