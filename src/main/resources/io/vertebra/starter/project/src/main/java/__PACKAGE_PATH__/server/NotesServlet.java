package __PACKAGE__.server;

import __PACKAGE__.shared.NoteApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.identity.User;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.ErrorCodes;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/notes}: list and create; {@code /api/notes/{id}}: read, change ({@code PUT}/{@code PATCH}, with the
 * version held in {@code If-Match} or the body's {@code version}: a stale one is a 409 with the current note) and
 * delete. Writes need a signed-in user. Every committed write is sent to the list's channel and the note's own,
 * except to the socket named by {@code X-Socket-Id} (the writer's page, which has the change already).
 */
final class NotesServlet extends JsonServlet {

  private final transient NoteStore store;
  private final transient JsonBodies bodies;
  private final transient Sessions sessions;
  private final transient EventTrigger events;

  NotesServlet(ObjectMapper mapper, NoteStore store, JsonBodies bodies, Sessions sessions, EventTrigger events) {
    super(mapper);
    this.store = store;
    this.bodies = bodies;
    this.sessions = sessions;
    this.events = events;
  }

  @Override
  protected Map<String, Handler> route(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null || path.equals("/")) {
      return Map.of("GET", this::list, "POST", this::create);
    }
    long id = id(path.substring(1));
    Map<String, Handler> handlers = new LinkedHashMap<>();
    handlers.put("GET", (rq, rs) -> read(id, rs));
    handlers.put("PUT", (rq, rs) -> change(id, rq, rs));
    handlers.put("PATCH", (rq, rs) -> change(id, rq, rs));
    handlers.put("DELETE", (rq, rs) -> delete(id, rq, rs));
    return handlers;
  }

  private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
    writeJson(response, HttpServletResponse.SC_OK, store.list().stream().map(this::json).toList());
  }

  private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
    User user = sessions.require(request);
    ObjectNode body = bodies.readObject(request);
    String title = text(body, NoteApi.TITLE, true);
    String text = text(body, NoteApi.BODY, false);
    check(NoteApi.TITLE, NoteApi.titleProblem(title));
    check(NoteApi.BODY, NoteApi.bodyProblem(text));
    Note note = store.create(title.trim(), text == null ? "" : text, user.name());
    response.setHeader("Location", NoteApi.NOTES_PATH + "/" + note.id());
    writeNote(response, HttpServletResponse.SC_CREATED, note);
    announce(note, "create", request);
  }

  private void read(long id, HttpServletResponse response) throws IOException {
    writeNote(response, HttpServletResponse.SC_OK, store.find(id).orElseThrow(() -> missing(id)));
  }

  private void change(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
    sessions.require(request);
    ObjectNode body = bodies.readObject(request);
    String title = text(body, NoteApi.TITLE, false);
    String text = text(body, NoteApi.BODY, false);
    if (title != null) {
      check(NoteApi.TITLE, NoteApi.titleProblem(title));
    }
    check(NoteApi.BODY, NoteApi.bodyProblem(text));
    Note note;
    try {
      note = store.update(id, expectedVersion(request, body), title == null ? null : title.trim(), text)
          .orElseThrow(() -> missing(id));
    } catch (NoteStore.Conflict e) {
      ObjectNode details = mapper.createObjectNode().set(ErrorCodes.CURRENT, json(e.current()));
      throw new ApiException(HttpServletResponse.SC_CONFLICT, ErrorCodes.CONFLICT,
          "Someone changed this note first; here is the current version", null, details);
    }
    writeNote(response, HttpServletResponse.SC_OK, note);
    announce(note, "change", request);
  }

  private void delete(long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
    sessions.require(request);
    if (!store.delete(id)) {
      throw missing(id);
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    String data = mapper.writeValueAsString(Map.of("id", id));
    events.trigger(List.of(NoteApi.NOTES_CHANNEL, NoteApi.channel(id)), NoteApi.RESOURCE + ":destroy", data,
        request.getHeader("X-Socket-Id"));
  }

  /** The record to every list and to the note's own channel; only {@code {id, version}} when too large. */
  private void announce(Note note, String what, HttpServletRequest request) throws IOException {
    String data = mapper.writeValueAsString(json(note));
    if (!EventTrigger.fits(data)) {
      data = mapper.writeValueAsString(Map.of("id", note.id(), "version", note.version()));
    }
    events.trigger(List.of(NoteApi.NOTES_CHANNEL, NoteApi.channel(note.id())), NoteApi.RESOURCE + ":" + what, data,
        request.getHeader("X-Socket-Id"));
  }

  private void writeNote(HttpServletResponse response, int status, Note note) throws IOException {
    response.setHeader("ETag", "\"" + note.version() + "\"");
    writeJson(response, status, json(note));
  }

  private ObjectNode json(Note note) {
    return mapper.createObjectNode().put("id", note.id()).put(NoteApi.TITLE, note.title())
        .put(NoteApi.BODY, note.body()).put(NoteApi.AUTHOR, note.author()).put("version", note.version())
        .put("createdAt", note.createdAt()).put("updatedAt", note.updatedAt());
  }

  /** {@code If-Match: "7"} or the body's {@code version}; null when neither names one (last write wins). */
  private static Long expectedVersion(HttpServletRequest request, ObjectNode body) {
    String ifMatch = request.getHeader("If-Match");
    if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.equals("*")) {
      try {
        return Long.parseLong(ifMatch.trim().replace("W/", "").replace("\"", ""));
      } catch (NumberFormatException e) {
        throw ApiException.invalid("If-Match", "If-Match must name a version, like \"7\"");
      }
    }
    JsonNode version = body.get("version");
    if (version == null || version.isNull()) {
      return null;
    }
    if (!version.canConvertToLong()) {
      throw ApiException.invalid("version", "version must be a whole number");
    }
    return version.asLong();
  }

  private static String text(ObjectNode body, String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiException.invalid(field, field + " is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.invalid(field, field + " must be text");
    }
    return value.asText();
  }

  private static void check(String field, String problem) {
    if (problem != null) {
      throw ApiException.invalid(field, problem);
    }
  }

  private static long id(String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // not a note's URL
    }
    throw ApiException.notFound("No note at " + NoteApi.NOTES_PATH + "/" + text);
  }

  private static ApiException missing(long id) {
    return ApiException.notFound("Note " + id + " does not exist");
  }
}
