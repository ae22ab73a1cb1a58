package io.vertebra.channels.console;

import static io.vertebra.console.shared.ConsoleApi.*;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.http.ApiException;
import io.vertebra.channels.http.EventsApi;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.kit.web.JsonProblems;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The console's JSON endpoints under {@code /console/api/}: {@code GET config} (pusher-js options for the live
 * feed), {@code GET snapshot} and {@code POST events} (the event creator, with the HTTP API's own validation and
 * limits). Without an embedded channels server every endpoint answers 503 with an explanation.
 */
final class ConsoleApiServlet extends HttpServlet {

  /** pusher-js 8 insists on a cluster even when wsHost decides where to connect; this one is never contacted. */
  private static final String PLACEHOLDER_CLUSTER = "mt1";

  private final transient ChannelsApp app;
  private final transient EventsApi events;

  /** Endpoints for {@code app}, or for no embedded server when it is null. */
  ConsoleApiServlet(ChannelsApp app) {
    this.app = app;
    this.events = app == null ? null : new EventsApi(app);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String method = request.getMethod();
    if (!path.equals(CONFIG_PATH) && !path.equals(SNAPSHOT_PATH) && !path.equals(EVENTS_PATH)) {
      ConsoleResponses.error(request, response, 404, "not_found", "No console endpoint at " + path);
      return;
    }
    String expected = path.equals(EVENTS_PATH) ? "POST" : "GET";
    if (!expected.equals(method)) {
      response.setHeader("Allow", expected);
      ConsoleResponses.error(request, response, 405, "method_not_allowed", "Use " + expected + " for " + path);
      return;
    }
    if (app == null) {
      notRunning(request, response);
      return;
    }
    switch (path) {
      case CONFIG_PATH -> ConsoleResponses.json(response, 200, pusherOptions(request));
      case SNAPSHOT_PATH -> ConsoleResponses.json(response, 200, ConsoleSnapshot.of(app));
      default -> trigger(request, response);
    }
  }

  /** What the page's pusher-js needs to reach this server and join the feed channel; never the secret. */
  private ObjectNode pusherOptions(HttpServletRequest request) {
    ObjectNode node = Frames.JSON.createObjectNode();
    node.put("key", app.credentials().key());
    node.put("cluster", PLACEHOLDER_CLUSTER);
    node.put("wsHost", request.getServerName());
    node.put("wsPort", request.getServerPort());
    node.put("wssPort", request.getServerPort());
    node.put("forceTLS", request.isSecure());
    node.putArray("enabledTransports").add("ws").add("wss");
    node.put("disableStats", true);
    node.putObject("channelAuthorization").put("endpoint", AUTH_PATH).put("transport", "ajax");
    node.put(CHANNEL, FEED_CHANNEL);
    return node;
  }

  /**
   * The event creator: {@code {channel, name, data}} where data is JSON text, published as the HTTP API would
   * ({@code 400}/{@code 413} JSON errors for a bad channel, event name, data or size). JSON only: a cross-site
   * form cannot send it without a CORS preflight, which this server never grants.
   */
  private void trigger(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      ConsoleResponses.error(request, response, 415, "unsupported_media_type", "Send the event as application/json");
      return;
    }
    JsonNode body;
    try {
      body = readJson(request);
    } catch (ApiException e) {
      ConsoleResponses.error(request, response, e.status(), e.error(), e.getMessage());
      return;
    }
    try {
      ObjectNode trigger = Frames.JSON.createObjectNode();
      trigger.set("channel", body.get(CHANNEL));
      trigger.set("name", body.get(NAME));
      trigger.put("data", jsonData(body.get(DATA)));
      JsonNode result = events.trigger(trigger);
      ConsoleResponses.json(response, 200, result);
    } catch (ApiException e) {
      ConsoleResponses.error(request, response, e.status(), e.error(), e.getMessage());
    }
  }

  /** The body as a JSON object, at most the HTTP API's request size. */
  private JsonNode readJson(HttpServletRequest request) throws ApiException, IOException {
    int max = app.limits().maxRequestBytes();
    if (request.getContentLengthLong() > max) {
      throw new ApiException(413, "payload_too_large", "The request body is larger than " + max + " bytes");
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(max + 1);
    }
    if (bytes.length > max) {
      throw new ApiException(413, "payload_too_large", "The request body is larger than " + max + " bytes");
    }
    JsonNode body;
    try {
      body = Frames.JSON.readTree(bytes);
    } catch (IOException e) {
      throw ApiException.badRequest("The body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object {channel, name, data}");
    }
    return body;
  }

  /** The event data: JSON text, checked and sent on as written (subscribers get exactly what was typed). */
  private static String jsonData(JsonNode data) throws ApiException {
    if (data == null || data.isNull() || !data.isTextual()) {
      throw new ApiException(400, "invalid_data", "'data' is required: the event data as JSON text");
    }
    if (data.asText().isBlank()) {
      throw new ApiException(400, "invalid_json", "'data' is empty: give JSON such as {} or \"text\"");
    }
    try {
      Frames.JSON.readTree(data.asText());
    } catch (JacksonException e) {
      throw new ApiException(400, "invalid_json", "'data' is not valid JSON: " + JsonProblems.describe(e));
    }
    return data.asText();
  }

  static void notRunning(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ConsoleResponses.error(request, response, 503, "no_embedded_server", "The embedded channels server is not"
        + " running: this app uses an external realtime service (PUSHER_URL). Use that service's own dashboard.");
  }
}
