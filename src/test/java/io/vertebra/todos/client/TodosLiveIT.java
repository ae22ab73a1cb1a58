package io.vertebra.todos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import io.vertebra.testing.PusherJavaClients;
import io.vertebra.testing.TestApp;
import io.vertebra.todos.TodosClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Beyond every TodoMVC: two browsers on {@code /todos/} share one live list. Each change made in one shows in the
 * other without a reload; toggle-all and clear-completed are one request and one realtime event each (counted by
 * the browser's resource timing and by a pusher-java-client watching the list's channel).
 */
class TodosLiveIT {

  @RegisterExtension
  static final TestApp APP = TestApp.serve();
  private static TodosClient api;
  private static TodoPage alice;
  private static TodoPage bob;
  private static Pusher watcher;
  private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final TestWatcher SCREENSHOTS_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      for (TodoPage page : new TodoPage[] {alice, bob}) {
        if (page != null) {
          page.screenshot("failed-TodosLiveIT-" + context.getRequiredTestMethod().getName() + "-" + page.name);
        }
      }
    }
  };

  @BeforeAll
  static void start() throws Exception {
    api = new TodosClient(APP.baseUrl());
    watcher = new Pusher(APP.server().realtime().key(), new PusherOptions().setHost("127.0.0.1")
        .setWsPort(APP.server().port()).setUseTLS(false));
    PusherJavaClients.connect(watcher, APP.baseUrl());
    watcher.subscribe("todos").bindGlobal(event -> {
      if (event.getEventName().startsWith("todo:")) {
        EVENTS.add(event.getEventName());
      }
    });
    alice = new TodoPage("Alice", APP.baseUrl());
    bob = new TodoPage("Bob", APP.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (watcher != null) {
      watcher.disconnect();
    }
    for (TodoPage page : new TodoPage[] {alice, bob}) {
      if (page != null) {
        page.close();
      }
    }
  }

  @BeforeEach
  void bothOnAnEmptyLiveList() {
    api.clear();
    alice.open("").awaitLive();
    bob.open("").awaitLive();
    EVENTS.clear();
  }

  @Test
  @DisplayName("adds, edits, toggles and deletes in one browser show in the other without a reload")
  void singleChangesAreLive() {
    alice.createTodo("buy some cheese");
    awaitTitles(bob, "buy some cheese");
    bob.createTodo("feed the cat");
    awaitTitles(alice, "buy some cheese", "feed the cat");

    alice.doubleClickLabel(1);
    alice.retype(1, "feed the dog" + Keys.ENTER);
    awaitTitles(bob, "buy some cheese", "feed the dog");

    bob.toggle(0);
    alice.await(() -> alice.item(0).getAttribute("class").contains("completed"), "Bob's toggle shows");
    alice.await(() -> alice.find(".todo-count").getText().equals("1 item left"), "Bob's toggle counted");

    new Actions(alice.driver()).moveToElement(alice.item(1)).perform();
    alice.item(1).findElement(By.cssSelector(".destroy")).click();
    awaitTitles(bob, "buy some cheese");

    // What docs/todos.md shows: the two browsers side by side (target/screenshots/todos-live-*.png).
    alice.createTodo("feed the cat");
    awaitTitles(bob, "buy some cheese", "feed the cat");
    for (TodoPage page : new TodoPage[] {alice, bob}) {
      page.driver().manage().window().setSize(new Dimension(600, 680));
      page.screenshot("todos-live-" + page.name);
      page.driver().manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  @DisplayName("toggle-all is one request and one realtime event, and the other browser shows every todo completed")
  void toggleAllIsOneRequestOneEvent() {
    for (String title : List.of("one", "two", "three", "four")) {
      api.create(title);
    }
    awaitTitles(alice, "one", "two", "three", "four");
    awaitTitles(bob, "one", "two", "three", "four");
    EVENTS.clear();
    long before = todoRequests(alice);

    alice.toggleAll();

    bob.await(() -> bob.find(".todo-count").getText().equals("0 items left"), "all completed in Bob's browser");
    bob.await(bob::toggleAllChecked, "Bob's toggle-all checked");
    alice.await(() -> todoRequests(alice) == before + 1, "one request");
    alice.await(() -> !EVENTS.isEmpty(), "the watcher saw the event");
    assertEquals(List.of("todo:change-many"), EVENTS);
    assertEquals(before + 1, todoRequests(alice), "exactly one request");
  }

  @Test
  @DisplayName("clear-completed is one request and one realtime event, and the other browser drops them")
  void clearCompletedIsOneRequestOneEvent() {
    for (String title : List.of("one", "two", "three")) {
      api.create(title);
    }
    api.send("PATCH", "", "{\"completed\":true}");
    api.create("four");
    awaitTitles(bob, "one", "two", "three", "four");
    bob.await(() -> bob.displayed(".clear-completed"), "Clear completed shown to Bob");
    EVENTS.clear();
    long before = todoRequests(bob);

    bob.find(".clear-completed").click();

    awaitTitles(alice, "four");
    bob.await(() -> todoRequests(bob) == before + 1, "one request");
    bob.await(() -> !EVENTS.isEmpty(), "the watcher saw the event");
    assertEquals(List.of("todo:destroy-many"), EVENTS);
    assertEquals(before + 1, todoRequests(bob), "exactly one request");
    assertTrue(!alice.displayed(".clear-completed"), "nothing completed left");
  }

  private static void awaitTitles(TodoPage page, String... titles) {
    page.await(() -> page.visibleTitles().equals(List.of(titles)), "shows " + List.of(titles));
  }

  /** Requests this page made to the todos API so far (the browser's resource timing). */
  private static long todoRequests(TodoPage page) {
    return (Long) page.js("return performance.getEntriesByType('resource')"
        + ".filter(function (e) { return e.name.indexOf('/api/todos') >= 0; }).length;");
  }
}
