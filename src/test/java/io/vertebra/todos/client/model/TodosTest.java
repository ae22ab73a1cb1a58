package io.vertebra.todos.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Json;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.RecordingTransport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The TodoMVC list's rules, on the JVM with the framework's recording transport (the server is not involved). */
class TodosTest {

  private final RecordingTransport transport = new RecordingTransport();
  private final Todos todos = new Todos();

  @BeforeEach
  void install() {
    DefaultSync.setTransport(transport);
  }

  @AfterEach
  void restore() {
    DefaultSync.setTransport(null);
  }

  private static Map<String, Object> json(String text) {
    return Json.parseObject(text.replace('\'', '"'));
  }

  private void load(String... records) {
    for (String record : records) {
      todos.add(json(record), new Options());
    }
  }

  @Test
  @DisplayName("New Todo: the title is trimmed, a blank one is not sent, and the todo shows once the server saved it")
  void createTrimsAndWaits() {
    assertNull(todos.createTitled("   ", new Options()));
    assertEquals(0, transport.count());

    todos.createTitled("  buy some cheese  ", new Options());

    assertEquals("POST", transport.lastRequest().method());
    assertEquals("/api/todos", transport.lastRequest().url());
    assertEquals(json("{'title':'buy some cheese','completed':false}"), Json.parseObject(transport.lastRequest().body()));
    assertEquals(0, todos.length(), "not shown before the server has it");
    transport.respondLast("{\"id\":7,\"title\":\"buy some cheese\",\"completed\":false,\"version\":1,"
        + "\"createdAt\":\"2026-01-01T00:00:00Z\"}");
    assertEquals(1, todos.length());
  }

  @Test
  @DisplayName("New Todo: new items append to the bottom (oldest first, then by id)")
  void oldestFirst() {
    load("{'id':3,'title':'c','createdAt':'2026-01-02T00:00:00Z'}", "{'id':1,'title':'a','createdAt':'2026-01-01T00:00:00Z'}",
        "{'id':2,'title':'b','createdAt':'2026-01-02T00:00:00Z'}");
    assertEquals(List.of(1.0, 2.0, 3.0), todos.pluck("id"));
  }

  @Test
  @DisplayName("Counter: remaining and completed counts; toggle-all is checked only when every todo is completed")
  void counts() {
    assertFalse(todos.allCompleted(), "an empty list is not 'all completed'");
    load("{'id':1,'title':'a','completed':true}", "{'id':2,'title':'b','completed':false}");
    assertEquals(1, todos.remaining());
    assertEquals(1, todos.completedCount());
    assertFalse(todos.allCompleted());
    todos.get(2.0).set(json("{'completed':true}"), new Options());
    assertTrue(todos.allCompleted());
  }

  @Test
  @DisplayName("Mark all as completed: every todo at once, ONE request, then each takes its new version")
  void toggleAllIsOneRequest() {
    load("{'id':1,'title':'a','completed':false,'version':1}", "{'id':2,'title':'b','completed':true,'version':4}");

    todos.toggleAll(true);

    assertTrue(todos.allCompleted());
    assertEquals(1, transport.count());
    assertEquals("PATCH", transport.lastRequest().method());
    assertEquals("/api/todos", transport.lastRequest().url());
    assertEquals(json("{'completed':true}"), Json.parseObject(transport.lastRequest().body()));
    transport.respondLast("{\"records\":[{\"id\":1,\"completed\":true,\"version\":2}]}");
    assertEquals(2.0, todos.get(1.0).getVersion());
    assertEquals(4.0, todos.get(2.0).getVersion());
  }

  @Test
  @DisplayName("Clear completed: removed at once with ONE request; nothing is sent when nothing is completed")
  void clearCompletedIsOneRequest() {
    load("{'id':1,'title':'a','completed':false}");
    todos.clearCompleted();
    assertEquals(0, transport.count());

    load("{'id':2,'title':'b','completed':true}", "{'id':3,'title':'c','completed':true}");
    todos.clearCompleted();

    assertEquals(List.of(1.0), todos.pluck("id"));
    assertEquals(1, transport.count());
    assertEquals("DELETE", transport.lastRequest().method());
    assertEquals("/api/todos?completed=true", transport.lastRequest().url());
  }

  @Test
  @DisplayName("a failed bulk write shows what the server has (the list is fetched)")
  void failedBulkRefetches() {
    load("{'id':1,'title':'a','completed':false}");
    todos.toggleAll(true);
    transport.last().respond(503, "{\"error\":\"unavailable\",\"message\":\"down\"}");
    assertEquals("GET", transport.lastRequest().method());
    assertEquals("/api/todos", transport.lastRequest().url());
  }
}
