package io.vertebra.todos.server;

import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.todos.shared.TodoApi;
import io.vertebra.todos.shared.TodoFields;
import java.util.List;

/**
 * The realtime side of every committed write, on the {@code todos} channel (docs/todos.md): one event per request,
 * the bulk ones included, never sent back to the socket in {@code X-Socket-Id}. What does not fit in one message
 * goes as {@code {id, version}} (a change) or {@code {}} (a bulk event): the browsers then fetch.
 */
final class TodoEvents {

  private static final List<String> CHANNELS = List.of(TodoApi.CHANNEL);

  private final EventTrigger trigger;
  private final TodoJson json;

  TodoEvents(EventTrigger trigger, TodoJson json) {
    this.trigger = trigger;
    this.json = json;
  }

  void created(Todo todo, String socketId) {
    trigger.trigger(CHANNELS, TodoApi.CREATE, record(todo), socketId);
  }

  void changed(Todo todo, String socketId) {
    trigger.trigger(CHANNELS, TodoApi.CHANGE, record(todo), socketId);
  }

  void destroyed(long id, String socketId) {
    trigger.trigger(CHANNELS, TodoApi.DESTROY, "{\"" + TodoFields.ID + "\":" + id + "}", socketId);
  }

  void changedMany(List<Todo> changed, String socketId) {
    trigger.trigger(CHANNELS, TodoApi.CHANGE_MANY, orEmpty(json.text(json.records(changed))), socketId);
  }

  void destroyedMany(List<Long> ids, String socketId) {
    trigger.trigger(CHANNELS, TodoApi.DESTROY_MANY, orEmpty(json.text(json.ids(ids))), socketId);
  }

  private String record(Todo todo) {
    String full = json.text(json.todo(todo));
    return EventTrigger.fits(full) ? full : json.text(json.reference(todo));
  }

  private static String orEmpty(String data) {
    return EventTrigger.fits(data) ? data : "{}";
  }
}
