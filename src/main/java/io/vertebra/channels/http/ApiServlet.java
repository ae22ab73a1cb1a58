package io.vertebra.channels.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.AppDirectory;
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
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /apps/{id}/...}: finds the app by id, reads the body (bounded), authenticates the query
 * signed with that app's secret, routes, and answers JSON. Every failure is a JSON {@code {error, message}} with a
 * 4xx status; an unexpected bug is logged and answered 500 without details.
 */
public final class ApiServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

  private final transient AppDirectory apps;
  private final transient Map<String, AppApi> byId = new HashMap<>();

  /** One app's handlers. */
  private record AppApi(ChannelsApp app, ApiRequestAuthenticator authenticator, EventsApi events,
      ChannelsApi channels) {}

  /** The API servlet for one app. */
  public ApiServlet(ChannelsApp app) {
    this(AppDirectory.of(app));
  }

  /** The API servlet for every app in {@code apps}, each by its id and signed with its own secret. */
  public ApiServlet(AppDirectory apps) {
    this.apps = apps;
    for (ChannelsApp app : apps.all()) {
      byId.put(app.credentials().appId(), new AppApi(app, new ApiRequestAuthenticator(app.credentials(),
          app.clock()), new EventsApi(app), new ChannelsApi(app)));
    }
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // Counted by the app the path names, or by the default app when it names none.
    AppApi target = null;
    try {
      String path = decodePath(req.getRequestURI());
      String[] parts = path.split("/", -1);
      target = app(path, parts);
      ApiRequest request = read(req, target, path, parts);
      write(resp, target.app(), 200, route(target, request));
    } catch (ApiException e) {
      ChannelsApp app = counted(target);
      app.counters().apiRequest(e.status());
      if (e.retryAfterSeconds() > 0) {
        resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      JsonErrors.write(req, resp, e.status(), e.error(), e.getMessage(), null);
      app.observer().get().apiError(req.getMethod(), req.getRequestURI(), e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("HTTP API request {} {} failed", req.getMethod(), req.getRequestURI(), e);
      counted(target).counters().apiRequest(500);
      JsonErrors.write(req, resp, 500, "internal_error", "The server failed to handle the request", null);
    }
  }

  private ChannelsApp counted(AppApi api) {
    return api == null ? apps.defaultApp() : api.app();
  }

  /** The app {@code /apps/{id}/...} names; parts: "", "apps", id, rest... */
  private AppApi app(String path, String[] parts) throws ApiException {
    if (parts.length < 4 || !"apps".equals(parts[1])) {
      throw new ApiException(404, "not_found", "No such endpoint: " + path);
    }
    AppApi api = byId.get(parts[2]);
    if (api == null) {
      throw new ApiException(404, "not_found", "Unknown app id " + shorten(parts[2]));
    }
    return api;
  }

  private static String shorten(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "..." : text;
  }

  private static ApiRequest read(HttpServletRequest req, AppApi api, String path, String[] parts)
      throws ApiException, IOException {
    ChannelsApp app = api.app();
    ApiRequestAuthenticator authenticator = api.authenticator();
    ApiQuery query = query(req.getQueryString());
    // Key, signature and freshness first: an unsigned request is refused without its body being looked at.
    authenticate(() -> authenticator.verifyQuery(req.getMethod(), path, query));
    // Counted once signed: requests without the secret cannot spend the app's budget.
    long retryAfter = app.apiBudget().take(System.nanoTime());
    if (retryAfter > 0) {
      throw ApiException.tooManyRequests("Over this app's limit of " + app.apiBudget().perSecond()
          + " HTTP API requests a second; retry after " + retryAfter + " s", retryAfter);
    }
    byte[] body = body(req, app.limits().maxRequestBytes());
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

  /** Routes one app's request to its handler. */
  private static JsonNode route(AppApi api, ApiRequest r) throws ApiException {
    String[] s = r.segments();
    String route = s.length == 1 ? s[0] : s.length == 2 ? s[0] + "/*" : s.length == 3 ? s[0] + "/*/" + s[2] : "";
    return switch (route) {
      case "events" -> api.events().trigger(post(r));
      case "batch_events" -> api.events().batch(post(r));
      case "channels" -> api.channels().list(get(r));
      case "channels/*" -> api.channels().show(s[1], get(r));
      case "channels/*/users" -> api.channels().users(get(r).segments()[1]);
      case "users/*/terminate_connections" -> api.channels().terminate(post(r).segments()[1]);
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

  private static byte[] body(HttpServletRequest req, int max) throws ApiException, IOException {
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

  private static void write(HttpServletResponse resp, ChannelsApp app, int status, JsonNode body)
      throws IOException {
    app.counters().apiRequest(status);
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getOutputStream().write(Frames.stringify(body).getBytes(StandardCharsets.UTF_8));
  }
}
