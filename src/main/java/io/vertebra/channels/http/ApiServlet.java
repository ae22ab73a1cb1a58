package io.vertebra.channels.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.auth.ApiQuery;
import io.vertebra.channels.auth.ApiRequestAuthenticator;
import io.vertebra.channels.auth.AuthenticationException;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.kit.web.JsonErrors;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /apps/{id}/...}: reads the body (bounded), authenticates the signed query, routes, and
 * answers JSON. Every failure is a JSON {@code {error, message}} with a 4xx status; an unexpected bug is logged and
 * answered 500 without details.
 */
public final class ApiServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

  private final transient ChannelsApp app;
  private final transient ApiRequestAuthenticator authenticator;
  private final transient EventsApi events;
  private final transient ChannelsApi channels;

  /** The API servlet for {@code app}. */
  public ApiServlet(ChannelsApp app) {
    this.app = app;
    this.authenticator = new ApiRequestAuthenticator(app.credentials(), app.clock());
    this.events = new EventsApi(app);
    this.channels = new ChannelsApi(app);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      ApiRequest request = read(req);
      write(resp, 200, route(request));
    } catch (ApiException e) {
      app.counters().apiRequest(e.status());
      JsonErrors.write(req, resp, e.status(), e.error(), e.getMessage(), null);
      app.observer().get().apiError(req.getMethod(), req.getRequestURI(), e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("HTTP API request {} {} failed", req.getMethod(), req.getRequestURI(), e);
      app.counters().apiRequest(500);
      JsonErrors.write(req, resp, 500, "internal_error", "The server failed to handle the request", null);
    }
  }

  private ApiRequest read(HttpServletRequest req) throws ApiException, IOException {
    String path = decodePath(req.getRequestURI());
    String[] parts = path.split("/", -1);
    // parts: "", "apps", id, rest...
    if (parts.length < 4 || !"apps".equals(parts[1])) {
      throw new ApiException(404, "not_found", "No such endpoint: " + path);
    }
    if (!parts[2].equals(app.credentials().appId())) {
      throw new ApiException(404, "not_found", "Unknown app id " + parts[2]);
    }
    ApiQuery query = query(req.getQueryString());
    // Key, signature and freshness first: an unsigned request is refused without its body being looked at.
    authenticate(() -> authenticator.verifyQuery(req.getMethod(), path, query));
    byte[] body = body(req);
    authenticate(() -> authenticator.verifyBody(query, body));
    String[] segments = java.util.Arrays.copyOfRange(parts, 3, parts.length);
    return new ApiRequest(req.getMethod(), segments, query, body);
  }

  /** One authentication step. */
  private interface Check {
    void run() throws AuthenticationException;
  }

  private static void authenticate(Check check) throws ApiException {
    try {
      check.run();
    } catch (AuthenticationException e) {
      throw new ApiException(401, "unauthorized", e.getMessage());
    }
  }

  private JsonNode route(ApiRequest r) throws ApiException {
    String[] s = r.segments();
    String route = s.length == 1 ? s[0] : s.length == 2 ? s[0] + "/*" : s.length == 3 ? s[0] + "/*/" + s[2] : "";
    return switch (route) {
      case "events" -> events.trigger(post(r));
      case "batch_events" -> events.batch(post(r));
      case "channels" -> channels.list(get(r));
      case "channels/*" -> channels.show(s[1], get(r));
      case "channels/*/users" -> channels.users(get(r).segments()[1]);
      case "users/*/terminate_connections" -> channels.terminate(post(r).segments()[1]);
      default -> throw new ApiException(404, "not_found", "No such endpoint: /" + String.join("/", s));
    };
  }

  private static ApiRequest post(ApiRequest r) throws ApiException {
    return method(r, "POST");
  }

  private static ApiRequest get(ApiRequest r) throws ApiException {
    return method(r, "GET");
  }

  private static ApiRequest method(ApiRequest r, String expected) throws ApiException {
    if (!expected.equals(r.method())) {
      throw new ApiException(405, "method_not_allowed", "Use " + expected + " for this endpoint");
    }
    return r;
  }

  private byte[] body(HttpServletRequest req) throws ApiException, IOException {
    int max = app.limits().maxRequestBytes();
    if (req.getContentLengthLong() > max) {
      throw tooLarge(max);
    }
    try (InputStream in = req.getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw tooLarge(max);
      }
      return body;
    }
  }

  private static ApiException tooLarge(int max) {
    return new ApiException(413, "payload_too_large", "The request body is larger than " + max + " bytes");
  }

  /** The one parsed query every check and handler reads; an ambiguous or malformed query is a 400. */
  static ApiQuery query(String raw) throws ApiException {
    try {
      return ApiQuery.parse(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static String decodePath(String raw) throws ApiException {
    return decode(raw.replace("+", "%2B"));
  }

  private static String decode(String s) throws ApiException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Malformed percent-encoding in the URL");
    }
  }

  private void write(HttpServletResponse resp, int status, JsonNode body) throws IOException {
    app.counters().apiRequest(status);
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getOutputStream().write(Frames.stringify(body).getBytes(StandardCharsets.UTF_8));
  }
}
