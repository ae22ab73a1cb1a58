package io.vertebra.todos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.testing.TestApp;
import io.vertebra.todos.TodosClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The official TodoMVC behaviour suite (tastejs/todomvc {@code cypress/e2e/spec.cy.js}, whose test names are those of
 * the Selenium suite {@code tests/test.js}; the three the Selenium suite alone has are here too), rewritten in Java
 * against {@code /todos/} in headless Chromium. Contexts and test names are the official ones. Every test starts
 * from an empty list, as the official tests do (the list here is the server's, so it is emptied through the API)
 * and from a fresh page load. The localStorage checks of the official suite become checks of what the server holds.
 */
@DisplayName("TodoMVC - vertebra")
class TodoMvcSpecIT {

  static final String TODO_ITEM_ONE = "buy some cheese";
  static final String TODO_ITEM_TWO = "feed the cat";
  static final String TODO_ITEM_THREE = "book a doctors appointment";

  /** Started by hand: as an extension it would also start for each @Nested class. */
  static final TestApp APP = TestApp.serve();
  private static TodosClient api;
  private static TodoPage page;

  @RegisterExtension
  static final TestWatcher SCREENSHOTS_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (page != null) {
        page.screenshot("failed-TodoMvcSpecIT-" + context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeAll
  static void start() throws Exception {
    APP.start();
    api = new TodosClient(APP.baseUrl());
    page = new TodoPage("TodoMVC", APP.baseUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (page != null) {
        page.close();
      }
    } finally {
      APP.close();
    }
  }

  @BeforeEach
  void startFromAnEmptyList() {
    api.clear();
    page.open("");
    assertEquals(0, page.items().size(), "each test starts from an empty list");
  }

  /** What the server holds: the titles in order. */
  private static List<String> savedTitles() {
    return api.list().findValues("title").stream().map(n -> n.asText()).toList();
  }

  private static long savedCompleted() {
    return api.list().findValues("completed").stream().filter(n -> n.asBoolean()).count();
  }

  private static void awaitSaved(List<String> titles) {
    page.await(() -> savedTitles().equals(titles), "the server holds " + titles);
  }

  private static void awaitSavedCompleted(long count) {
    page.await(() -> savedCompleted() == count, "the server holds " + count + " completed");
  }

  private static void awaitVisible(String... titles) {
    page.await(() -> page.visibleTitles().equals(List.of(titles)), "visible todos " + List.of(titles));
  }

  private static boolean hasClass(WebElement element, String name) {
    return List.of(element.getAttribute("class").split("\\s+")).contains(name);
  }

  private static void awaitClass(WebElement element, String name, boolean present) {
    page.await(() -> hasClass(element, name) == present, (present ? "" : "no ") + "class " + name);
  }

  @Nested
  @DisplayName("When page is initially opened")
  class WhenPageIsInitiallyOpened {

    @Test
    @DisplayName("should focus on the todo input field")
    void focusesInput() {
      assertTrue(hasClass(page.driver().switchTo().activeElement(), "new-todo"));
    }
  }

  @Nested
  @DisplayName("No Todos")
  class NoTodos {

    @Test
    @DisplayName("starts with nothing")
    void startsWithNothing() {
      assertEquals(0, page.items().size());
    }

    @Test
    @DisplayName("should hide #main and #footer")
    void hidesMainAndFooter() {
      assertTrue(page.items().isEmpty());
      assertFalse(page.displayed(".main"));
      assertFalse(page.displayed(".footer"));
    }
  }

  @Nested
  @DisplayName("New Todo")
  class NewTodo {

    @Test
    @DisplayName("should allow me to add todo items")
    void addsItems() {
      page.newTodo().sendKeys(TODO_ITEM_ONE + Keys.ENTER);
      page.await(() -> page.items().size() == 1, "first todo");
      assertEquals(TODO_ITEM_ONE, page.item(0).findElement(By.cssSelector("label")).getText());
      page.newTodo().sendKeys(TODO_ITEM_TWO + Keys.ENTER);
      page.await(() -> page.items().size() == 2, "second todo");
      assertEquals(TODO_ITEM_TWO, page.item(1).findElement(By.cssSelector("label")).getText());
      awaitSaved(List.of(TODO_ITEM_ONE, TODO_ITEM_TWO));
    }

    @Test
    @DisplayName("should clear text input field when an item is added")
    void clearsInput() {
      page.createTodo(TODO_ITEM_ONE);
      assertEquals("", page.newTodo().getAttribute("value"));
      awaitSaved(List.of(TODO_ITEM_ONE));
    }

    @Test
    @DisplayName("should append new items to the bottom of the list")
    void appendsToBottom() {
      page.createDefaultTodos();
      assertTrue(page.find(".todo-count").getText().contains("3"));
      assertEquals(List.of(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE), page.visibleTitles());
      awaitSaved(List.of(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE));
    }

    @Test
    @DisplayName("should trim text input")
    void trimsInput() {
      page.createTodo("    " + TODO_ITEM_ONE + "    ");
      assertEquals(TODO_ITEM_ONE, page.item(0).findElement(By.cssSelector("label")).getAttribute("textContent"));
      awaitSaved(List.of(TODO_ITEM_ONE));
    }

    @Test
    @DisplayName("should show #main and #footer when items added")
    void showsMainAndFooter() {
      page.createTodo(TODO_ITEM_ONE);
      assertTrue(page.displayed(".main"));
      assertTrue(page.displayed(".footer"));
    }
  }

  @Nested
  @DisplayName("Mark all as completed")
  class MarkAllAsCompleted {

    @BeforeEach
    void createDefaultTodos() {
      page.createDefaultTodos();
    }

    @Test
    @DisplayName("should allow me to mark all items as completed")
    void marksAll() {
      page.toggleAll();
      for (int i = 0; i < 3; i++) {
        awaitClass(page.item(i), "completed", true);
      }
      awaitSavedCompleted(3);
    }

    @Test
    @DisplayName("should correctly update the complete all checked state")
    void updatesCheckAllState() {
      page.toggle(0);
      page.toggle(1);
      page.toggle(2);
      page.await(page::toggleAllChecked, "toggle-all checked");
    }

    @Test
    @DisplayName("should allow me to clear the complete state of all items")
    void clearsAll() {
      page.toggleAll();
      page.await(page::toggleAllChecked, "toggle-all checked");
      page.toggleAll();
      for (int i = 0; i < 3; i++) {
        awaitClass(page.item(i), "completed", false);
      }
      awaitSavedCompleted(0);
    }

    @Test
    @DisplayName("complete all checkbox should update state when items are completed / cleared")
    void checkAllFollowsItems() {
      page.toggleAll();
      page.await(page::toggleAllChecked, "toggle-all checked");
      page.toggle(0);
      page.await(() -> !page.toggleAllChecked(), "toggle-all unchecked");
      page.toggle(0);
      page.await(page::toggleAllChecked, "toggle-all checked again");
      awaitSavedCompleted(3);
    }
  }

  @Nested
  @DisplayName("Item")
  class Item {

    @Test
    @DisplayName("should allow me to mark items as complete")
    void marksComplete() {
      WebElement first = page.createTodo(TODO_ITEM_ONE);
      WebElement second = page.createTodo(TODO_ITEM_TWO);
      page.toggle(0);
      awaitClass(first, "completed", true);
      assertFalse(hasClass(second, "completed"));
      page.toggle(1);
      awaitClass(first, "completed", true);
      awaitClass(second, "completed", true);
      awaitSavedCompleted(2);
    }

    @Test
    @DisplayName("should allow me to un-mark items as complete")
    void unmarksComplete() {
      WebElement first = page.createTodo(TODO_ITEM_ONE);
      WebElement second = page.createTodo(TODO_ITEM_TWO);
      page.toggle(0);
      awaitClass(first, "completed", true);
      assertFalse(hasClass(second, "completed"));
      awaitSavedCompleted(1);
      page.toggle(0);
      awaitClass(first, "completed", false);
      assertFalse(hasClass(second, "completed"));
      awaitSavedCompleted(0);
    }

    @Test
    @DisplayName("should allow me to edit an item")
    void editsItem() {
      page.createDefaultTodos();
      page.doubleClickLabel(1);
      assertEquals(TODO_ITEM_TWO, page.editField(1).getAttribute("value"));
      page.retype(1, "buy some sausages" + Keys.ENTER);
      awaitVisible(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE);
      awaitSaved(List.of(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE));
    }
  }

  @Nested
  @DisplayName("Editing")
  class Editing {

    @BeforeEach
    void createDefaultTodos() {
      page.createDefaultTodos();
      page.doubleClickLabel(1);
    }

    @Test
    @DisplayName("should focus the input")
    void focusesInput() {
      WebElement focused = page.driver().switchTo().activeElement();
      assertEquals(page.editField(1), focused);
      assertFalse(hasClass(focused, "new-todo"));
    }

    @Test
    @DisplayName("should hide other controls when editing")
    void hidesControls() {
      assertFalse(page.item(1).findElement(By.cssSelector(".toggle")).isDisplayed());
      assertFalse(page.item(1).findElement(By.cssSelector("label")).isDisplayed());
    }

    @Test
    @DisplayName("should save edits on enter")
    void savesOnEnter() {
      page.retype(1, "buy some sausages" + Keys.ENTER);
      awaitVisible(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE);
      awaitSaved(List.of(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE));
    }

    @Test
    @DisplayName("should save edits on blur")
    void savesOnBlur() {
      page.retype(1, "buy some sausages");
      page.js("arguments[0].blur();", page.editField(1));
      awaitVisible(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE);
      awaitSaved(List.of(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE));
    }

    @Test
    @DisplayName("should trim entered text")
    void trimsText() {
      page.retype(1, "    buy some sausages    " + Keys.ENTER);
      awaitVisible(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE);
      awaitSaved(List.of(TODO_ITEM_ONE, "buy some sausages", TODO_ITEM_THREE));
    }

    @Test
    @DisplayName("should remove the item if an empty text string was entered")
    void removesWhenEmpty() {
      page.retype(1, Keys.ENTER);
      page.await(() -> page.visibleItems().size() == 2, "two todos left");
      awaitSaved(List.of(TODO_ITEM_ONE, TODO_ITEM_THREE));
    }

    @Test
    @DisplayName("should cancel edits on escape")
    void cancelsOnEscape() {
      page.retype(1, "foo" + Keys.ESCAPE);
      awaitVisible(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE);
      awaitSaved(List.of(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE));
    }
  }

  @Nested
  @DisplayName("Counter")
  class Counter {

    @Test
    @DisplayName("should display the current number of todo items")
    void displaysCount() {
      page.createTodo(TODO_ITEM_ONE);
      assertEquals("1 item left", page.find("span.todo-count").getText());
      assertEquals("1", page.find("span.todo-count strong").getText());
      page.createTodo(TODO_ITEM_TWO);
      page.await(() -> page.find("span.todo-count").getText().equals("2 items left"), "2 items left");
    }
  }

  @Nested
  @DisplayName("Clear completed button")
  class ClearCompletedButton {

    @BeforeEach
    void createDefaultTodos() {
      page.createDefaultTodos();
    }

    @Test
    @DisplayName("should display the correct text")
    void displaysText() {
      page.toggle(0);
      page.await(() -> page.displayed(".clear-completed"), "Clear completed shown");
      assertEquals("Clear completed", page.find(".clear-completed").getText());
    }

    @Test
    @DisplayName("should remove completed items when clicked")
    void removesCompleted() {
      page.toggle(1);
      page.await(() -> page.displayed(".clear-completed"), "Clear completed shown");
      page.find(".clear-completed").click();
      page.await(() -> page.items().size() == 2, "two todos left");
      assertEquals(List.of(TODO_ITEM_ONE, TODO_ITEM_THREE), page.visibleTitles());
      awaitSaved(List.of(TODO_ITEM_ONE, TODO_ITEM_THREE));
    }

    @Test
    @DisplayName("should be hidden when there are no items that are completed")
    void hiddenWithoutCompleted() {
      assertFalse(page.displayed(".clear-completed"));
      page.toggle(1);
      page.await(() -> page.displayed(".clear-completed"), "Clear completed shown");
      page.find(".clear-completed").click();
      page.await(() -> !page.displayed(".clear-completed"), "Clear completed hidden");
    }
  }

  @Nested
  @DisplayName("Persistence")
  class Persistence {

    @Test
    @DisplayName("should persist its data")
    void persists() {
      page.createTodo(TODO_ITEM_ONE);
      page.createTodo(TODO_ITEM_TWO);
      page.toggle(0);
      awaitSavedCompleted(1);
      for (int round = 0; round < 2; round++) {
        awaitVisible(TODO_ITEM_ONE, TODO_ITEM_TWO);
        awaitClass(page.item(0), "completed", true);
        assertFalse(hasClass(page.item(1), "completed"));
        page.driver().navigate().refresh();
        page.awaitLoaded();
      }
    }
  }

  @Nested
  @DisplayName("Routing")
  class Routing {

    @BeforeEach
    void createDefaultTodos() {
      page.createDefaultTodos();
    }

    @Test
    @DisplayName("should allow me to display active items")
    void displaysActive() {
      page.toggle(1);
      awaitSavedCompleted(1);
      page.clickFilter("Active");
      awaitVisible(TODO_ITEM_ONE, TODO_ITEM_THREE);
    }

    @Test
    @DisplayName("should respect the back button")
    void respectsBack() {
      page.toggle(1);
      awaitSavedCompleted(1);
      page.clickFilter("All");
      awaitVisible(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE);
      page.clickFilter("Active");
      page.clickFilter("Completed");
      awaitVisible(TODO_ITEM_TWO);
      page.driver().navigate().back();
      awaitVisible(TODO_ITEM_ONE, TODO_ITEM_THREE);
      page.driver().navigate().back();
      awaitVisible(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE);
    }

    @Test
    @DisplayName("should allow me to display completed items")
    void displaysCompleted() {
      page.toggle(1);
      awaitSavedCompleted(1);
      page.clickFilter("Completed");
      awaitVisible(TODO_ITEM_TWO);
    }

    @Test
    @DisplayName("should allow me to display all items")
    void displaysAll() {
      page.toggle(1);
      awaitSavedCompleted(1);
      page.clickFilter("Active");
      page.clickFilter("Completed");
      page.clickFilter("All");
      awaitVisible(TODO_ITEM_ONE, TODO_ITEM_TWO, TODO_ITEM_THREE);
    }

    @Test
    @DisplayName("should highlight the currently applied filter")
    void highlightsFilter() {
      assertTrue(hasClass(page.filterLink("All"), "selected"));
      page.clickFilter("Active");
      page.await(() -> hasClass(page.filterLink("Active"), "selected"), "Active selected");
      page.clickFilter("Completed");
      page.await(() -> hasClass(page.filterLink("Completed"), "selected"), "Completed selected");
    }
  }
}
