package io.vertebra.todos.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WordingTest {

  @Test
  @DisplayName("Counter: 0 items, 1 item, 2 items")
  void pluralizes() {
    assertEquals("items", Wording.items(0));
    assertEquals("item", Wording.items(1));
    assertEquals("items", Wording.items(2));
  }
}
