package io.vertebra.todos.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FilterTest {

  @Test
  @DisplayName("Routing: #/, #/active and #/completed; anything else shows all")
  void fromRoute() {
    assertEquals(Filter.ALL, Filter.fromRoute(null));
    assertEquals(Filter.ALL, Filter.fromRoute("/"));
    assertEquals(Filter.ACTIVE, Filter.fromRoute("/active"));
    assertEquals(Filter.COMPLETED, Filter.fromRoute("/completed"));
    assertEquals(Filter.COMPLETED, Filter.fromRoute("completed/"));
    assertEquals(Filter.ALL, Filter.fromRoute("/nonsense"));
    assertEquals("#/active", Filter.ACTIVE.href());
    assertEquals("#/", Filter.ALL.href());
  }

  @Test
  @DisplayName("Routing: active hides completed todos, completed hides active ones, all shows both")
  void shows() {
    assertTrue(Filter.ALL.shows(true));
    assertTrue(Filter.ACTIVE.shows(false));
    assertFalse(Filter.ACTIVE.shows(true));
    assertTrue(Filter.COMPLETED.shows(true));
    assertFalse(Filter.COMPLETED.shows(false));
  }
}
