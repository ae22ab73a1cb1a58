package io.vertebra.todos.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.live.LiveAction;
import io.vertebra.kit.live.LiveCall;
import io.vertebra.kit.live.LiveHooks;
import io.vertebra.kit.live.LiveRecord;
import io.vertebra.kit.web.ApiException;
import io.vertebra.todos.shared.TodoApi;
import io.vertebra.todos.shared.TodoFields;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * TodoMVC's two bulk operations on the collection URL (docs/todos.md), each one request, one transaction and one
 * event on {@code todos}: toggle-all ({@code PATCH /api/todos {"completed": b}}) and clear-completed
 * ({@code DELETE /api/todos?completed=true}). Too large for one message, the event data is {@code {}} and the
 * browsers fetch.
 */
final class TodoBulk implements LiveHooks {

  @Override
  public Map<String, LiveAction> collectionActions() {
    return Map.of("PATCH", this::toggleAll, "DELETE", this::clearCompleted);
  }

  /** Sets {@code completed} on every todo that differs; answers {@code {records: [{id, version, completed}...]}}. */
  private void toggleAll(LiveCall call) throws IOException {
    ObjectNode body = call.body();
    if (body.size() != 1 || !body.path(TodoFields.COMPLETED).isBoolean()) {
      throw ApiException.invalid(TodoFields.COMPLETED, "PATCH " + TodoApi.TODOS_PATH
          + " takes exactly {\"completed\": true|false} (mark all)");
    }
    boolean completed = body.get(TodoFields.COMPLETED).booleanValue();
    List<LiveRecord> changed = call.store().updateWhere(Map.of(TodoFields.COMPLETED, !completed),
        Map.of(TodoFields.COMPLETED, completed));
    ObjectNode answer = call.mapper().createObjectNode();
    ArrayNode records = answer.putArray(TodoFields.RECORDS);
    changed.forEach(todo -> records.addObject().put(TodoFields.ID, todo.id()).put(TodoFields.VERSION, todo.version())
        .put(TodoFields.COMPLETED, todo.bool(TodoFields.COMPLETED)));
    call.publish(TodoApi.CHANGE_MANY, answer, "{}");
    call.respond(200, answer);
  }

  /** Deletes every completed todo; answers {@code {ids: [...]}}. */
  private void clearCompleted(LiveCall call) throws IOException {
    if (!"true".equals(call.request().getParameter(TodoApi.COMPLETED_QUERY))) {
      throw ApiException.invalid(TodoApi.COMPLETED_QUERY, "DELETE " + TodoApi.TODOS_PATH
          + " deletes the completed todos only: add ?completed=true");
    }
    List<Long> ids = call.store().deleteWhere(Map.of(TodoFields.COMPLETED, true));
    ObjectNode answer = call.mapper().createObjectNode();
    ArrayNode array = answer.putArray(TodoFields.IDS);
    ids.forEach(array::add);
    call.publish(TodoApi.DESTROY_MANY, answer, "{}");
    call.respond(200, answer);
  }
}
