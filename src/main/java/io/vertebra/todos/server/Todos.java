package io.vertebra.todos.server;

import io.vertebra.kit.live.Field;
import io.vertebra.kit.live.LiveResource;
import io.vertebra.kit.live.Ordering;
import io.vertebra.todos.shared.TodoFields;

/**
 * The todo as a live resource of the server kit: {@code /api/todos}, table {@code todos}, events {@code todo:create},
 * {@code todo:change}, {@code todo:destroy} on {@code todos} (and {@code todo-7}), oldest first. The whole list is
 * one page, as TodoMVC shows it all.
 */
final class Todos {

  /** The largest request body: a todo is a title of at most 500 characters. */
  static final int MAX_BODY_BYTES = 16 * 1024;
  /** The most todos one GET returns (the client shows one list, unpaged). */
  static final int MAX_LIST = 1000;

  static final LiveResource RESOURCE = LiveResource.define("todos")
      .field(Field.text(TodoFields.TITLE).required().trimmed().maxLength(TodoFields.TITLE_MAX_LENGTH))
      .field(Field.bool(TodoFields.COMPLETED))
      .ordering(Ordering.OLDEST_FIRST)
      .pageSize(MAX_LIST, MAX_LIST)
      .maxBodyBytes(MAX_BODY_BYTES)
      .build();

  private Todos() {
  }
}
