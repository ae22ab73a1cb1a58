package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/session}: sign in with a display name (POST), who am I (GET, 401 when nobody), sign out (DELETE:
 * the session is revoked server-side); {@code DELETE /api/session/everywhere}: sign out every copy of this user's
 * session ({@code {"revoked": n}}).
 */
public final class SessionServlet extends JsonServlet {


  private final transient Sessions sessions;
  private final transient JsonBodies bodies;
  private final transient Map<String, Handler> handlers = new LinkedHashMap<>();
  private final transient Map<String, Handler> everywhere = new LinkedHashMap<>();

  public SessionServlet(ObjectMapper mapper, Sessions sessions, JsonBodies bodies) {
    super(mapper);
    this.sessions = sessions;
    this.bodies = bodies;
    handlers.put("GET", this::whoAmI);
    handlers.put("POST", this::signIn);
    handlers.put("DELETE", this::signOut);
    everywhere.put("DELETE", this::signOutEverywhere);
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null || path.equals("/")) {
      return handlers;
    }
    if (path.equals(IdentityApi.SIGN_OUT_EVERYWHERE)) {
      return everywhere;
    }
    throw ApiException.notFound("No such URL: " + request.getRequestURI());
  }

  private void whoAmI(HttpServletRequest request, HttpServletResponse response) throws IOException {
    writeJson(response, HttpServletResponse.SC_OK, json(sessions.require(request)));
  }

  private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ObjectNode body = bodies.readObject(request);
    JsonNode name = body.get(IdentityApi.NAME);
    if (name == null || name.isNull()) {
      throw ApiException.invalid(IdentityApi.NAME, "name is required");
    }
    if (!name.isTextual()) {
      throw ApiException.invalid(IdentityApi.NAME, "name must be a string");
    }
    User user = sessions.signIn(Sessions.validName(name.textValue()), request, response);
    writeJson(response, HttpServletResponse.SC_OK, json(user));
  }

  private void signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.signOut(request, response);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private void signOutEverywhere(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int revoked = sessions.signOutEverywhere(request, response);
    writeJson(response, HttpServletResponse.SC_OK, mapper.createObjectNode().put("revoked", revoked));
  }

  private ObjectNode json(User user) {
    ObjectNode node = mapper.createObjectNode();
    node.put(IdentityApi.ID, user.id());
    node.put(IdentityApi.NAME, user.name());
    node.put(IdentityApi.COLOR, user.color());
    return node;
  }
}
