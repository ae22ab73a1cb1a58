package io.vertebra.posts.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.identity.User;
import io.vertebra.kit.realtime.SocketIds;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.ErrorCodes;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonServlet;
import io.vertebra.posts.server.PostJson;
import io.vertebra.posts.server.realtime.PostEventPublisher;
import io.vertebra.posts.server.store.Post;
import io.vertebra.posts.server.store.PostChanges;
import io.vertebra.posts.server.store.PostNotFoundException;
import io.vertebra.posts.server.store.PostPage;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.server.store.VersionConflictException;
import io.vertebra.posts.shared.PostApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The posts REST API ({@code /api/posts}, {@code /api/posts/{id}}): list, create, read, replace, patch, delete.
 * Writes need a session (the author comes from it), are committed before the answer, and are announced to realtime
 * subscribers after the commit, excluding the sender's socket ({@code X-Socket-Id}).
 */
public final class PostsServlet extends JsonServlet {

  private final transient PostStore store;
  private final transient PostJson json;
  private final transient JsonBodies bodies;
  private final transient Sessions sessions;
  private final transient PostEventPublisher events;
  private final transient Map<String, Handler> collection = new LinkedHashMap<>();

  public PostsServlet(PostStore store, PostJson json, JsonBodies bodies, Sessions sessions,
      PostEventPublisher events) {
    super(json.mapper());
    this.store = store;
    this.json = json;
    this.bodies = bodies;
    this.sessions = sessions;
    this.events = events;
    collection.put("GET", this::list);
    collection.put("POST", this::create);
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
    item.put("PUT", (req, resp) -> write(id, req, resp, false));
    item.put("PATCH", (req, resp) -> write(id, req, resp, true));
    item.put("DELETE", (req, resp) -> delete(id, req, resp));
    return item;
  }

  private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int limit = parseLimit(request.getParameter(PostApi.LIMIT));
    PostPage page;
    try {
      page = store.list(request.getParameter(PostApi.CURSOR), limit);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(PostApi.CURSOR, e.getMessage());
    }
    ArrayNode array = mapper.createArrayNode();
    page.posts().forEach(post -> array.add(json.toJson(post)));
    if (page.nextCursor() != null) {
      response.setHeader(PostApi.NEXT_CURSOR_HEADER, page.nextCursor());
      response.setHeader("Link", "<" + PostApi.POSTS_PATH + "?" + PostApi.LIMIT + "=" + limit + "&"
          + PostApi.CURSOR + "=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8) + ">; rel=\"next\"");
    }
    writeJson(response, HttpServletResponse.SC_OK, array);
  }

  private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
    User user = sessions.require(request);
    String socketId = socketId(request);
    PostChanges changes = PostRequests.replacement(bodies.readObject(request));
    Post post = store.create(changes, user.name(), user.id());
    events.created(post, socketId);
    response.setHeader("Location", PostApi.postPath(post.id()));
    writePost(response, HttpServletResponse.SC_CREATED, post);
  }

  private void read(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
    Post post = store.find(id).orElseThrow(() -> notFound(id));
    String etag = PostApi.etag(post.version());
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setHeader("ETag", etag);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    writePost(response, HttpServletResponse.SC_OK, post);
  }

  private void write(long id, HttpServletRequest request, HttpServletResponse response, boolean patch)
      throws IOException {
    User user = sessions.require(request);
    String socketId = socketId(request);
    ObjectNode body = bodies.readObject(request);
    PostRequests.requireSameId(body, id);
    PostChanges changes = patch ? PostRequests.patch(body) : PostRequests.replacement(body);
    Long expected = Preconditions.expectedVersion(request.getHeader("If-Match"), PostRequests.version(body));
    Post post;
    try {
      post = store.update(id, expected, changes, user.name());
    } catch (PostNotFoundException e) {
      throw notFound(id);
    } catch (VersionConflictException e) {
      throw conflict(e, response);
    }
    events.changed(post, socketId);
    writePost(response, HttpServletResponse.SC_OK, post);
  }

  private void delete(long id, HttpServletRequest request, HttpServletResponse response) {
    User user = sessions.require(request);
    String socketId = socketId(request);
    Long expected = Preconditions.expectedVersion(request.getHeader("If-Match"), null);
    // Editing is collaborative; deleting is the author's alone. The author id never changes, so checking it
    // before the (version-checked) delete leaves no race.
    Post current = store.find(id).orElseThrow(() -> notFound(id));
    if (!current.deletableBy(user.id())) {
      throw ApiException.forbidden("Only the author of this post (" + current.author() + ") may delete it");
    }
    try {
      store.delete(id, expected);
    } catch (PostNotFoundException e) {
      throw notFound(id);
    } catch (VersionConflictException e) {
      throw conflict(e, response);
    }
    events.destroyed(id, socketId);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private void writePost(HttpServletResponse response, int status, Post post) throws IOException {
    response.setHeader("ETag", PostApi.etag(post.version()));
    writeJson(response, status, json.toJson(post));
  }

  /** The sender's socket id, validated before any write so a bad header cannot leave a write half-announced. */
  private static String socketId(HttpServletRequest request) {
    String socketId = request.getHeader(PostApi.SOCKET_ID_HEADER);
    if (socketId == null || socketId.isEmpty()) {
      return null;
    }
    if (!SocketIds.isValid(socketId)) {
      throw ApiException.invalid(PostApi.SOCKET_ID_HEADER, PostApi.SOCKET_ID_HEADER + " must be a pusher socket id"
          + " such as 1234.5678");
    }
    return socketId;
  }

  private ApiException conflict(VersionConflictException e, HttpServletResponse response) {
    Post current = e.current();
    response.setHeader("ETag", PostApi.etag(current.version()));
    ObjectNode details = mapper.createObjectNode();
    details.set(ErrorCodes.CURRENT, json.toJson(current));
    String message = e.expected() < 0 ? e.getMessage()
        : "Post " + current.id() + " was changed by someone else: it is at version " + current.version()
            + ", your change was based on version " + e.expected();
    return new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCodes.CONFLICT, message, null, details);
  }

  private static long parseId(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.notFound("No such URL: " + PostApi.POSTS_PATH + "/" + text);
    }
    return Long.parseLong(text);
  }

  private static int parseLimit(String text) {
    if (text == null) {
      return PostApi.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= PostApi.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // same answer as out of range
    }
    throw ApiException.invalid(PostApi.LIMIT, "limit must be a whole number from 1 to " + PostApi.MAX_LIMIT);
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("No post with id " + id);
  }
}
