package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a JSON request body must be before it is read. */
class JsonBodiesTest {

  @Test
  @DisplayName("JSON media types: application/json and +json in UTF-8 only")
  void mediaTypes() {
    JsonBodies.requireJsonMediaType("application/json");
    JsonBodies.requireJsonMediaType("Application/JSON; charset=\"utf-8\"");
    JsonBodies.requireJsonMediaType("application/merge-patch+json");
    for (String bad : new String[] {null, "text/json", "application/jsonx", "text/plain",
        "application/json; charset=utf-16"}) {
      assertEquals(415, assertThrows(ApiException.class, () -> JsonBodies.requireJsonMediaType(bad)).status(), bad);
    }
  }
}
