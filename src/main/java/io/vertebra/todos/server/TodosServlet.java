package io.vertebra.todos.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.realtime.SocketIds;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.ErrorCodes;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonServlet;
import io.vertebra.todos.shared.TodoApi;
import io.vertebra.todos.shared.TodoFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/todos}: the team's list (docs/todos.md). Validates first, then writes, then announces the committed
 * write on the {@code todos} channel, skipping the sender's socket ({@code X-Socket-Id}). No sign-in: the list is
 * shared; cross-site browser writes are refused in front of it ({@code CrossSiteGuard}).
 */
final class TodosServlet extends JsonServlet {

  private static final long serialVersionUID = 1L;
  private static final String SOCKET_ID_HEADER = "X-Socket-Id";

  private final transient TodoStore store;
  private final transient TodoJson json;
  private final transient JsonBodies bodies;
  private final transient TodoEvents events;

  TodosServlet(ObjectMapper mapper, TodoStore store, TodoJson json, JsonBodies bodies, TodoEvents events) {
    super(mapper);
    this.store = store;
    this.json = json;
    this.bodies = bodies;
    this.events = events;
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    String path = request.getPathInfo();
    Map<String, Handler> handlers = new LinkedHashMap<>();
    if (path == null || path.equals("/")) {
      handlers.put("GET", (req, resp) -> writeJson(resp, 200, json.list(store.list())));
      handlers.put("POST", this::create);
      handlers.put("PATCH", this::toggleAll);
      handlers.put("DELETE", this::clearCompleted);
      return handlers;
    }
    long id = parseId(path.substring(1));
    handlers.put("GET", (req, resp) -> writeTodo(resp, 200, store.find(id).orElseThrow(() -> notFound(id))));
    handlers.put("PUT", (req, resp) -> update(id, req, resp));
    handlers.put("PATCH", (req, resp) -> update(id, req, resp));
    handlers.put("DELETE", (req, resp) -> delete(id, req, resp));
    return handlers;
  }

  private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ObjectNode body = bodies.readObject(request);
    String socketId = socketId(request);
    String title = title(body.get(TodoFields.TITLE), true);
    Boolean completed = completed(body.get(TodoFields.COMPLETED));
    Todo todo = store.create(title, completed != null && completed);
    events.created(todo, socketId);
    writeTodo(response, HttpServletResponse.SC_CREATED, todo);
  }

  private void update(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
    ObjectNode body = bodies.readObject(request);
    String socketId = socketId(request);
    String title = title(body.get(TodoFields.TITLE), false);
    Boolean completed = completed(body.get(TodoFields.COMPLETED));
    Long version = version(body.get(TodoFields.VERSION));
    Todo todo;
    try {
      todo = store.update(id, version, title, completed).orElseThrow(() -> notFound(id));
    } catch (TodoConflictException e) {
      throw conflict(e.current(), version, response);
    }
    events.changed(todo, socketId);
    writeTodo(response, 200, todo);
  }

  private void delete(long id, HttpServletRequest request, HttpServletResponse response) {
    String socketId = socketId(request);
    if (!store.delete(id)) {
      throw notFound(id);
    }
    events.destroyed(id, socketId);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** {@code PATCH /api/todos {"completed": b}}: every todo, one transaction, one event. */
  private void toggleAll(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ObjectNode body = bodies.readObject(request);
    String socketId = socketId(request);
    Boolean completed = completed(body.get(TodoFields.COMPLETED));
    if (completed == null || body.size() != 1) {
      throw ApiException.invalid(TodoFields.COMPLETED, "PATCH " + TodoApi.TODOS_PATH
          + " takes exactly {\"completed\": true|false} (mark all)");
    }
    List<Todo> changed = store.setAllCompleted(completed);
    events.changedMany(changed, socketId);
    writeJson(response, 200, json.records(changed));
  }

  /** {@code DELETE /api/todos?completed=true}: every completed todo, one transaction, one event. */
  private void clearCompleted(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String socketId = socketId(request);
    if (!"true".equals(request.getParameter(TodoApi.COMPLETED_QUERY))) {
      throw ApiException.invalid(TodoApi.COMPLETED_QUERY, "DELETE " + TodoApi.TODOS_PATH
          + " deletes the completed todos only: add ?completed=true");
    }
    List<Long> ids = store.deleteCompleted();
    events.destroyedMany(ids, socketId);
    writeJson(response, 200, json.ids(ids));
  }

  private void writeTodo(HttpServletResponse response, int status, Todo todo) throws IOException {
    response.setHeader("ETag", "\"" + todo.version() + "\"");
    writeJson(response, status, json.todo(todo));
  }

  private ApiException conflict(Todo current, Long expected, HttpServletResponse response) {
    response.setHeader("ETag", "\"" + current.version() + "\"");
    ObjectNode details = mapper.createObjectNode();
    details.set(ErrorCodes.CURRENT, json.todo(current));
    return new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCodes.CONFLICT, "Todo " + current.id()
        + " was changed by someone else: it is at version " + current.version() + ", your change was based on version "
        + expected, null, details);
  }

  /** A trimmed title of 1 to {@value TodoFields#TITLE_MAX_LENGTH} characters, or null when absent and optional. */
  private static String title(JsonNode node, boolean required) {
    if (node == null && !required) {
      return null;
    }
    if (node == null || !node.isTextual() || node.asText().trim().isEmpty()) {
      throw ApiException.invalid(TodoFields.TITLE, "A todo needs a title (a non-empty string)");
    }
    String title = node.asText().trim();
    if (title.length() > TodoFields.TITLE_MAX_LENGTH) {
      throw ApiException.invalid(TodoFields.TITLE, "The title is longer than " + TodoFields.TITLE_MAX_LENGTH
          + " characters");
    }
    return title;
  }

  private static Boolean completed(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      throw ApiException.invalid(TodoFields.COMPLETED, "completed must be true or false");
    }
    return node.booleanValue();
  }

  /** The version a write is based on (a positive integer, also as 7.0 from the browser), or null. */
  private static Long version(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber() || node.asDouble() < 1 || node.asDouble() != Math.floor(node.asDouble())
        || node.asDouble() > 9.007199254740991E15) {
      throw ApiException.invalid(TodoFields.VERSION, "version must be a positive integer");
    }
    return (long) node.asDouble();
  }

  /** The sender's socket id, validated before any write so a bad header cannot leave a write half-announced. */
  private static String socketId(HttpServletRequest request) {
    String socketId = request.getHeader(SOCKET_ID_HEADER);
    if (socketId == null || socketId.isEmpty()) {
      return null;
    }
    if (!SocketIds.isValid(socketId)) {
      throw ApiException.invalid(SOCKET_ID_HEADER, SOCKET_ID_HEADER + " must be a pusher socket id such as 1234.5678");
    }
    return socketId;
  }

  private static long parseId(String text) {
    if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(Character::isDigit) || text.startsWith("0")) {
      throw ApiException.notFound("No todo " + text);
    }
    return Long.parseLong(text);
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("No todo " + id);
  }
}
