package io.vertebra.todos.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Json;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.RecordingTransport;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One todo's writes: each names its version, and a 409 brings the server's record in. */
class TodoTest {

  private final RecordingTransport transport = new RecordingTransport();
  private final Todos todos = new Todos();
  private Todo todo;

  @BeforeEach
  void install() {
    DefaultSync.setTransport(transport);
    todo = todos.add(json("{'id':1,'title':'feed the cat','completed':false,'version':3}"), new Options());
  }

  @AfterEach
  void restore() {
    DefaultSync.setTransport(null);
  }

  private static Map<String, Object> json(String text) {
    return Json.parseObject(text.replace('\'', '"'));
  }

  @Test
  @DisplayName("Item: toggling shows at once and PATCHes completed with the version it was made on")
  void toggleSendsVersion() {
    todo.toggle();
    assertTrue(todo.isCompleted());
    assertEquals("PATCH", transport.lastRequest().method());
    assertEquals("/api/todos/1", transport.lastRequest().url());
    assertEquals(json("{'completed':true,'version':3}"), Json.parseObject(transport.lastRequest().body()));
  }

  @Test
  @DisplayName("Editing: the title is trimmed; the same title sends nothing")
  void renameTrims() {
    assertFalse(todo.rename("  feed the cat "));
    assertEquals(0, transport.count());
    assertTrue(todo.rename("    buy some sausages    "));
    assertEquals("buy some sausages", todo.getTitle());
    assertEquals(json("{'title':'buy some sausages','version':3}"), Json.parseObject(transport.lastRequest().body()));
  }

  @Test
  @DisplayName("Editing: an empty title deletes the todo")
  void emptyRenameDeletes() {
    todo.rename("   ");
    assertEquals("DELETE", transport.lastRequest().method());
    assertEquals("/api/todos/1", transport.lastRequest().url());
    assertEquals(0, todos.length());
  }

  @Test
  @DisplayName("concurrent edits: a 409 replaces our unacknowledged write with the server's current record")
  void conflictTakesCurrent() {
    todo.toggle();
    transport.last().respond(409, "{\"error\":\"conflict\",\"message\":\"changed\",\"current\":"
        + "{\"id\":1,\"title\":\"feed the dog\",\"completed\":false,\"version\":4}}");
    assertEquals("feed the dog", todo.getTitle());
    assertFalse(todo.isCompleted());
    assertEquals(4.0, todo.getVersion());
  }
}
