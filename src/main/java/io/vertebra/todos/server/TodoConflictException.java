package io.vertebra.todos.server;

/** A write named a version the todo has moved past: nothing was written; {@link #current()} is what is stored. */
final class TodoConflictException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient Todo current;

  TodoConflictException(Todo current) {
    super("todo " + current.id() + " is at version " + current.version());
    this.current = current;
  }

  Todo current() {
    return current;
  }
}
