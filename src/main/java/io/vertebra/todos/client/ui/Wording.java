package io.vertebra.todos.client.ui;

/** The counter's words, decided in plain Java: {@code 0 items}, {@code 1 item}, {@code 2 items}. */
final class Wording {

  private Wording() {
  }

  /** "item" for exactly one, else "items". */
  static String items(int count) {
    return count == 1 ? "item" : "items";
  }
}
