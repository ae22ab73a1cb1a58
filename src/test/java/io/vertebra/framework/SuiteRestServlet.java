package io.vertebra.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API the browser suite's sync checks talk to: an in-memory items resource with versions, plus fixed
 * error and echo endpoints. Every response says what the server received in {@code X-Seen-*} headers (actual
 * method, override header, content type, body fields, form {@code _method}), so the checks can verify what
 * went over the wire, not just what the client meant to send.
 */
final class SuiteRestServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger();

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    echoWhatWasSeen(req, resp);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    try {
      if (path.startsWith("/status/")) {
        int status = Integer.parseInt(path.substring("/status/".length()));
        error(resp, status, status >= 500 ? "server_error" : "status_" + status, "Status " + status + " on request");
      } else if (path.equals("/slow")) {
        pause();
        json(resp, 200, JSON.createObjectNode().put("slow", true));
      } else if (path.equals("/text")) {
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().write("not json");
      } else if (path.startsWith("/echo/")) {
        String uri = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
        json(resp, 200, JSON.createObjectNode().put("uri", uri));
      } else if (path.equals("/items")) {
        collection(req, resp);
      } else if (path.startsWith("/items/")) {
        item(req, resp, path.substring("/items/".length()));
      } else {
        error(resp, 404, "not_found", "No such resource: " + path);
      }
    } catch (BadRequest e) {
      error(resp, 400, e.code, e.getMessage());
    }
  }

  private void collection(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
    switch (method(req)) {
      case "GET" -> json(resp, 200, JSON.valueToTree(new ArrayList<>(items.values())));
      case "POST" -> {
        ObjectNode item = body(req, resp);
        String id = "i" + nextId.incrementAndGet();
        item.put("id", id).put("version", 1);
        items.put(id, item);
        resp.setHeader("Location", req.getRequestURI() + "/" + id);
        json(resp, 201, item);
      }
      default -> error(resp, 405, "method_not_allowed", method(req) + " is not allowed here");
    }
  }

  private void item(HttpServletRequest req, HttpServletResponse resp, String id) throws IOException, BadRequest {
    ObjectNode current = items.get(id);
    if (current == null) {
      error(resp, 404, "not_found", "No item " + id);
      return;
    }
    switch (method(req)) {
      case "GET" -> json(resp, 200, current);
      case "PUT" -> json(resp, 200, store(id, body(req, resp), current));
      case "PATCH" -> json(resp, 200, store(id, current.deepCopy().setAll(body(req, resp)), current));
      case "DELETE" -> {
        items.remove(id);
        resp.setStatus(204);
      }
      default -> error(resp, 405, "method_not_allowed", method(req) + " is not allowed here");
    }
  }

  /** Longer than the browser check's transport timeout, short enough not to hold the server's shutdown. */
  private static void pause() throws IOException {
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private ObjectNode store(String id, ObjectNode next, ObjectNode current) {
    next.put("id", id).put("version", current.path("version").asInt() + 1);
    items.put(id, next);
    return next;
  }

  /** The method the client meant: X-HTTP-Method-Override or a form's _method on a POST (emulateHTTP). */
  private static String method(HttpServletRequest req) {
    if ("POST".equals(req.getMethod())) {
      String override = req.getHeader("X-HTTP-Method-Override");
      if (override != null) {
        return override;
      }
      String formMethod = isForm(req) ? req.getParameter("_method") : null;
      if (formMethod != null) {
        return formMethod;
      }
    }
    return req.getMethod();
  }

  /** The JSON object sent as the body, or as the form field 'model' (emulateJSON). */
  private static ObjectNode body(HttpServletRequest req, HttpServletResponse resp) throws IOException, BadRequest {
    String text = isForm(req) ? req.getParameter("model")
        : new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = text == null ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadRequest("malformed", "The body is not valid JSON");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new BadRequest("malformed", "The body must be a JSON object");
    }
    resp.setHeader("X-Seen-Keys", keys(object));
    if ("bad".equals(object.path("title").asText())) {
      throw new BadRequest("invalid", "A title must not be 'bad'");
    }
    object.remove("id");
    return object;
  }

  private static boolean isForm(HttpServletRequest req) {
    String type = req.getContentType();
    return type != null && type.startsWith("application/x-www-form-urlencoded");
  }

  private static void echoWhatWasSeen(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("X-Seen-Method", req.getMethod());
    setIfPresent(resp, "X-Seen-Override", req.getHeader("X-HTTP-Method-Override"));
    setIfPresent(resp, "X-Seen-Content-Type", req.getContentType());
    setIfPresent(resp, "X-Echo", req.getHeader("X-Test-Header"));
    if (isForm(req)) {
      setIfPresent(resp, "X-Seen-Form-Method", req.getParameter("_method"));
    }
  }

  private static void setIfPresent(HttpServletResponse resp, String name, String value) {
    if (value != null) {
      resp.setHeader(name, value);
    }
  }

  private static void json(HttpServletResponse resp, int status, JsonNode body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  private static void error(HttpServletResponse resp, int status, String code, String message) throws IOException {
    json(resp, status, JSON.createObjectNode().put("error", code).put("message", message));
  }

  /** The sorted field names of a JSON object, comma-separated. */
  static String keys(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return String.join(",", names);
  }

  /** A request the API refuses with 400 and a JSON error. */
  private static final class BadRequest extends Exception {
    final String code;

    BadRequest(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
