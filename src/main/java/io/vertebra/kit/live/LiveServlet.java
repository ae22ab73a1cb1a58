package io.vertebra.kit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.realtime.SocketIds;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.ErrorCodes;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live resource's REST API ({@link LiveResource} documents the contract). Each write: the app's
 * {@link LiveHooks#check}, the socket id and body validated, the app's before-hook, the durable write, the event
 * (after the commit, not to the sender), the answer.
 */
final class LiveServlet extends JsonServlet {

  private static final long serialVersionUID = 1L;
  private static final String SOCKET_ID_HEADER = "X-Socket-Id";
  private static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";

  private final transient LiveResource resource;
  private final transient LiveStore store;
  private final transient LiveJson json;
  private final transient LiveRequests requests;
  private final transient JsonBodies bodies;
  private final transient LiveEvents events;
  private final transient LiveHooks hooks;
  private final transient Map<String, Handler> collection = new LinkedHashMap<>();

  LiveServlet(LiveStore store, LiveJson json, LiveEvents events, LiveHooks hooks) {
    super(json.mapper());
    this.resource = store.resource();
    this.store = store;
    this.json = json;
    this.requests = new LiveRequests(resource);
    this.bodies = new JsonBodies(json.mapper(), resource.maxBodyBytes());
    this.events = events;
    this.hooks = hooks;
    collection.put("GET", this::list);
    collection.put("POST", this::create);
    hooks.collectionActions().forEach((method, action) -> {
      if (collection.containsKey(method)) {
        throw new IllegalArgumentException(method + " " + resource.path() + " is the kit's; choose another method");
      }
      collection.put(method, (req, resp) -> action(action, req, resp));
    });
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null || path.equals("/")) {
      return collection;
    }
    long id = parseId(path.substring(1));
    Map<String, Handler> item = new LinkedHashMap<>();
    item.put("GET", (req, resp) -> read(id, req, resp));
    item.put("PUT", (req, resp) -> write(id, req, resp, LiveOperation.REPLACE));
    item.put("PATCH", (req, resp) -> write(id, req, resp, LiveOperation.PATCH));
    item.put("DELETE", (req, resp) -> delete(id, req, resp));
    return item;
  }

  private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    hooks.check(request, LiveOperation.LIST);
    int limit = parseLimit(request.getParameter("limit"));
    LivePage page;
    try {
      page = store.list(request.getParameter("cursor"), limit);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("cursor", e.getMessage());
    }
    ArrayNode array = mapper.createArrayNode();
    page.records().forEach(record -> array.add(json.record(record)));
    if (page.nextCursor() != null) {
      response.setHeader(NEXT_CURSOR_HEADER, page.nextCursor());
      response.setHeader("Link", "<" + resource.path() + "?limit=" + limit + "&cursor="
          + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8) + ">; rel=\"next\"");
    }
    writeJson(response, HttpServletResponse.SC_OK, array);
  }

  private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
    hooks.check(request, LiveOperation.CREATE);
    String socketId = socketId(request);
    Map<String, Object> values = requests.creation(bodies.readObject(request));
    hooks.beforeCreate(request, values);
    LiveRecord record = store.create(values);
    events.created(record, socketId);
    response.setHeader("Location", resource.path(record.id()));
    writeRecord(response, HttpServletResponse.SC_CREATED, record);
  }

  private void read(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
    hooks.check(request, LiveOperation.READ);
    LiveRecord record = store.find(id).orElseThrow(() -> notFound(id));
    String etag = Preconditions.etag(record.version());
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setHeader("ETag", etag);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    writeRecord(response, HttpServletResponse.SC_OK, record);
  }

  private void write(long id, HttpServletRequest request, HttpServletResponse response, LiveOperation operation)
      throws IOException {
    hooks.check(request, operation);
    String socketId = socketId(request);
    ObjectNode body = bodies.readObject(request);
    LiveRequests.requireSameId(body, id);
    Map<String, Object> changes = operation == LiveOperation.PATCH ? requests.patch(body)
        : requests.replacement(body);
    Long expected = Preconditions.expectedVersion(request.getHeader("If-Match"), LiveRequests.version(body));
    hooks.beforeUpdate(request, id, changes);
    LiveRecord record;
    try {
      record = store.update(id, expected, changes);
    } catch (RecordNotFoundException e) {
      throw notFound(id);
    } catch (VersionConflictException e) {
      throw conflict(e, response);
    }
    events.changed(record, socketId);
    writeRecord(response, HttpServletResponse.SC_OK, record);
  }

  private void delete(long id, HttpServletRequest request, HttpServletResponse response) {
    hooks.check(request, LiveOperation.DELETE);
    String socketId = socketId(request);
    Long expected = Preconditions.expectedVersion(request.getHeader("If-Match"), null);
    LiveRecord current = store.find(id).orElseThrow(() -> notFound(id));
    hooks.beforeDelete(request, current);
    try {
      store.delete(id, expected);
    } catch (RecordNotFoundException e) {
      throw notFound(id);
    } catch (VersionConflictException e) {
      throw conflict(e, response);
    }
    events.destroyed(id, socketId);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private void action(LiveAction action, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    hooks.check(request, LiveOperation.ACTION);
    String socketId = socketId(request);
    action.handle(new Call(request, response, socketId));
  }

  private void writeRecord(HttpServletResponse response, int status, LiveRecord record) throws IOException {
    response.setHeader("ETag", Preconditions.etag(record.version()));
    writeJson(response, status, json.record(record));
  }

  private ApiException conflict(VersionConflictException e, HttpServletResponse response) {
    LiveRecord current = e.current();
    response.setHeader("ETag", Preconditions.etag(current.version()));
    ObjectNode details = mapper.createObjectNode();
    details.set(ErrorCodes.CURRENT, json.record(current));
    String message = e.expected() < 0 ? e.getMessage()
        : resource.recordTitle() + " " + current.id() + " was changed by someone else: it is at version "
            + current.version() + ", your change was based on version " + e.expected();
    return new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCodes.CONFLICT, message, null, details);
  }

  /** The sender's socket id, validated before any write so a bad header cannot leave a write half-announced. */
  private static String socketId(HttpServletRequest request) {
    String socketId = request.getHeader(SOCKET_ID_HEADER);
    if (socketId == null || socketId.isEmpty()) {
      return null;
    }
    if (!SocketIds.isValid(socketId)) {
      throw ApiException.invalid(SOCKET_ID_HEADER, SOCKET_ID_HEADER + " must be a pusher socket id such as"
          + " 1234.5678");
    }
    return socketId;
  }

  private long parseId(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.notFound("No such URL: " + resource.path() + "/" + text);
    }
    return Long.parseLong(text);
  }

  private int parseLimit(String text) {
    if (text == null) {
      return resource.defaultPageSize();
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= resource.maxPageSize()) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // the same answer as out of range
    }
    throw ApiException.invalid("limit", "limit must be a whole number from 1 to " + resource.maxPageSize());
  }

  private ApiException notFound(long id) {
    return ApiException.notFound("No " + resource.recordName() + " with id " + id);
  }

  /** What an app's {@link LiveAction} gets. */
  private final class Call implements LiveCall {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String socketId;
    private ObjectNode body;

    Call(HttpServletRequest request, HttpServletResponse response, String socketId) {
      this.request = request;
      this.response = response;
      this.socketId = socketId;
    }

    @Override
    public HttpServletRequest request() {
      return request;
    }

    @Override
    public HttpServletResponse response() {
      return response;
    }

    @Override
    public ObjectNode body() throws IOException {
      if (body == null) {
        body = bodies.readObject(request);
      }
      return body;
    }

    @Override
    public String socketId() {
      return socketId;
    }

    @Override
    public LiveStore store() {
      return store;
    }

    @Override
    public ObjectNode json(LiveRecord record) {
      return json.record(record);
    }

    @Override
    public ObjectMapper mapper() {
      return mapper;
    }

    @Override
    public void publish(String event, JsonNode data, String fallback) {
      events.collectionEvent(event, json.text(data), fallback, socketId);
    }

    @Override
    public void respond(int status, JsonNode answer) throws IOException {
      writeJson(response, status, answer);
    }
  }
}
