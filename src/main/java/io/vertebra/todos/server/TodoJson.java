package io.vertebra.todos.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.todos.shared.TodoFields;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The JSON of todos: {@code {id, title, completed, version, createdAt, updatedAt}} and the bulk answers. */
final class TodoJson {

  /** Always with milliseconds, so that the browser can order todos by comparing the text. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final ObjectMapper mapper;

  TodoJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode todo(Todo todo) {
    return mapper.createObjectNode().put(TodoFields.ID, todo.id()).put(TodoFields.TITLE, todo.title())
        .put(TodoFields.COMPLETED, todo.completed()).put(TodoFields.VERSION, todo.version())
        .put(TodoFields.CREATED_AT, TIME.format(Instant.ofEpochMilli(todo.createdAt())))
        .put(TodoFields.UPDATED_AT, TIME.format(Instant.ofEpochMilli(todo.updatedAt())));
  }

  ArrayNode list(List<Todo> todos) {
    ArrayNode array = mapper.createArrayNode();
    todos.forEach(todo -> array.add(todo(todo)));
    return array;
  }

  /** What a change needs when the full record is too large for one event: {@code {id, version}}. */
  ObjectNode reference(Todo todo) {
    return mapper.createObjectNode().put(TodoFields.ID, todo.id()).put(TodoFields.VERSION, todo.version());
  }

  /** Toggle-all's answer and event: {@code {records: [{id, version, completed}...]}}. */
  ObjectNode records(List<Todo> changed) {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode records = body.putArray(TodoFields.RECORDS);
    changed.forEach(todo -> records.add(reference(todo).put(TodoFields.COMPLETED, todo.completed())));
    return body;
  }

  /** Clear-completed's answer and event: {@code {ids: [...]}}. */
  ObjectNode ids(List<Long> ids) {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode array = body.putArray(TodoFields.IDS);
    ids.forEach(array::add);
    return body;
  }

  String text(Object node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
