package io.vertebra.todos.shared;

/**
 * The todos app's REST paths and realtime names, shared by the browser client and the server.
 *
 * <ul>
 *   <li>{@code /api/todos}: the live resource ({@code GET} the list, {@code POST} a todo, {@code GET|PUT|PATCH|DELETE
 *       /api/todos/{id}}), as every live resource.</li>
 *   <li>{@code PATCH /api/todos} {@code {"completed": true}}: toggle-all, one request; answers the changed todos as
 *       {@code {id, version, completed}} and publishes one {@link #CHANGE_MANY}.</li>
 *   <li>{@code DELETE /api/todos?completed=true}: clear-completed, one request; answers {@code {"ids": [...]}} and
 *       publishes one {@link #DESTROY_MANY}.</li>
 * </ul>
 */
public final class TodoApi {

  /** The collection's REST path. */
  public static final String TODOS_PATH = "/api/todos";
  /** The realtime settings pusher-js needs, served by the app server. */
  public static final String CONFIG_PATH = "/api/config";
  /** The member of a 409 answer that holds the record as the server has it. */
  public static final String CURRENT = "current";
  /** Query parameter of clear-completed. */
  public static final String COMPLETED_QUERY = "completed";

  /** The channel of the whole list. */
  public static final String CHANNEL = "todos";
  /** Record events on {@link #CHANNEL}, as for every live resource. */
  public static final String CREATE = "todo:create";
  public static final String CHANGE = "todo:change";
  public static final String DESTROY = "todo:destroy";
  /** Toggle-all: {@code {"records": [{id, version, completed}...]}}, or {@code {}} when too large (fetch). */
  public static final String CHANGE_MANY = "todo:change-many";
  /** Clear-completed: {@code {"ids": [...]}}, or {@code {}} when too large (fetch). */
  public static final String DESTROY_MANY = "todo:destroy-many";

  private TodoApi() {
  }
}
