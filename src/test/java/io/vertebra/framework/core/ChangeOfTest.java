package io.vertebra.framework.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A row re-renders for what it shows, not for the version a server's answer brings. */
class ChangeOfTest {

  private final List<Object[]> calls = new ArrayList<>();
  private final Model todo = new Model(Map.of("id", 1, "title", "a", "completed", false, "version", 1));

  ChangeOfTest() {
    todo.on("change", ChangeOf.any("title completed", args -> calls.add(args)));
  }

  @Test
  @DisplayName("a change of an attribute not named (the server's new version) does not call through")
  void otherAttributesAreIgnored() {
    todo.set("version", 2);
    todo.set("updatedAt", "2026-12-07T04:00:00Z");
    assertEquals(0, calls.size());
  }

  @Test
  @DisplayName("a change of a named attribute calls through once, with change's own arguments")
  void namedAttributeCallsThrough() {
    Options options = new Options();
    todo.set(Map.of("completed", true), options);
    assertEquals(1, calls.size());
    assertSame(todo, calls.get(0)[0]);
    assertSame(options, calls.get(0)[1]);
  }

  @Test
  @DisplayName("several named attributes (and others) changing in one set: one call")
  void oneCallPerRound() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("title", "b");
    record.put("completed", true);
    record.put("version", 2);
    todo.set(record, new Options());
    assertEquals(1, calls.size());
  }

  @Test
  @DisplayName("setting a named attribute to the value it has is no change")
  void sameValueIsNoChange() {
    todo.set(Map.of("title", "a", "version", 2), new Options());
    assertEquals(0, calls.size());
  }

  @Test
  @DisplayName("needs a callback and at least one attribute")
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> ChangeOf.any("title", null));
    assertThrows(IllegalArgumentException.class, () -> ChangeOf.any("  ", args -> { }));
  }
}
