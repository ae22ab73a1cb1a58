package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.rest.SignatureUtil;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /pusher/user-auth}: pusher-js's {@code signin()}. Answers {@code {auth, user_data}} where user_data is
 * {@code {"id", "user_info": {name, color}}} and auth is {@code key:HMAC-SHA256(secret, socket_id::user::user_data)}
 * (pusher-http-java 1.3.4 has no helper for it, so it signs with the library's own HMAC routine). 403 without a
 * session.
 */
public final class UserAuthServlet extends JsonServlet {

  private final transient Sessions sessions;
  private final transient RealtimeSettings realtime;

  UserAuthServlet(ObjectMapper mapper, Sessions sessions, RealtimeSettings realtime) {
    super(mapper);
    this.sessions = sessions;
    this.realtime = realtime;
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    return Map.of("POST", this::authenticate);
  }

  private void authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
    User user = PusherForms.signedIn(sessions, request);
    String socketId = PusherForms.socketId(request);
    ObjectNode userData = mapper.createObjectNode();
    userData.put("id", user.id());
    ObjectNode info = userData.putObject("user_info");
    info.put(IdentityApi.NAME, user.name());
    info.put(IdentityApi.COLOR, user.color());
    String data = mapper.writeValueAsString(userData);
    String signature = SignatureUtil.sign(socketId + "::user::" + data, realtime.secret());
    ObjectNode answer = mapper.createObjectNode();
    answer.put("auth", realtime.key() + ":" + signature);
    answer.put("user_data", data);
    writeJson(response, HttpServletResponse.SC_OK, answer);
  }
}
