package io.vertebra.todos.client;

import io.vertebra.testing.Browsers;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The TodoMVC page in one headless Chromium, driven the way the official tests drive it (typing, clicking,
 * double-clicking, keys), with waits instead of sleeps: the list is server-backed, so changes show after a round
 * trip.
 */
final class TodoPage implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(25);

  final String name;
  private final String url;
  private final Browsers.Session session;
  private final ChromeDriver driver;

  TodoPage(String name, String baseUrl) {
    this.name = name;
    this.url = baseUrl + "/todos/";
    this.session = Browsers.start();
    this.driver = session.driver();
  }

  /** Opens {@code /todos/} (plus a route such as {@code #/active}) and waits until the list is loaded. */
  TodoPage open(String route) {
    driver.get("about:blank");
    driver.get(url + route);
    return awaitLoaded();
  }

  TodoPage awaitLoaded() {
    await(() -> !driver.findElements(By.cssSelector("#todoapp[data-loaded=true]")).isEmpty(), "the list loaded");
    return this;
  }

  /** Waits until the realtime connection is live (the framework's badge says so). */
  TodoPage awaitLive() {
    await(() -> !driver.findElements(By.cssSelector(".conn[data-status=live]")).isEmpty(), "the badge says live");
    return this;
  }

  /** Types a todo and Enter, then waits until the server saved it and it shows. */
  WebElement createTodo(String title) {
    int before = items().size();
    newTodo().sendKeys(title + Keys.ENTER);
    await(() -> items().size() == before + 1, "todo '" + title + "' added");
    return items().get(before);
  }

  void createDefaultTodos() {
    createTodo(TodoMvcSpecIT.TODO_ITEM_ONE);
    createTodo(TodoMvcSpecIT.TODO_ITEM_TWO);
    createTodo(TodoMvcSpecIT.TODO_ITEM_THREE);
  }

  WebElement newTodo() {
    return driver.findElement(By.cssSelector(".new-todo"));
  }

  List<WebElement> items() {
    return driver.findElements(By.cssSelector(".todo-list li"));
  }

  WebElement item(int index) {
    await(() -> items().size() > index, "item " + index);
    return items().get(index);
  }

  List<WebElement> visibleItems() {
    return items().stream().filter(WebElement::isDisplayed).collect(Collectors.toList());
  }

  /** The labels of the visible todos. */
  List<String> visibleTitles() {
    return visibleItems().stream().map(li -> li.findElement(By.cssSelector("label")).getText())
        .collect(Collectors.toList());
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  boolean displayed(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  /**
   * Clicks a todo's checkbox. A todo's row is drawn anew on every change of its model, the server's answer to the
   * previous write too (its new version): when that lands between finding the checkbox and clicking it, the click
   * goes to the row drawn in its place, as a user's click would.
   */
  void toggle(int index) {
    for (int attempt = 1; ; attempt++) {
      try {
        item(index).findElement(By.cssSelector(".toggle")).click();
        return;
      } catch (StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Clicks "Mark all as complete" (its label: the checkbox itself is drawn by the label in todomvc-app-css). */
  void toggleAll() {
    find("label[for=toggle-all]").click();
  }

  boolean toggleAllChecked() {
    return find(".toggle-all").isSelected();
  }

  void doubleClickLabel(int index) {
    new Actions(driver).doubleClick(item(index).findElement(By.cssSelector("label"))).perform();
  }

  /** The edit field of todo {@code index}, after a double-click on its label. */
  WebElement editField(int index) {
    return item(index).findElement(By.cssSelector(".edit"));
  }

  /** Replaces the edit field's text with {@code keys} (select all, delete, type). */
  void retype(int index, CharSequence... keys) {
    WebElement field = editField(index);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    field.sendKeys(keys);
  }

  void clickFilter(String label) {
    driver.findElement(By.xpath("//ul[contains(@class,'filters')]//a[normalize-space(.)='" + label + "']")).click();
  }

  WebElement filterLink(String label) {
    return driver.findElement(By.xpath("//ul[contains(@class,'filters')]//a[normalize-space(.)='" + label + "']"));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Waits until {@code condition} holds; fails naming {@code what}. */
  void await(Supplier<Boolean> condition, String what) {
    new WebDriverWait(driver, TIMEOUT).pollingEvery(POLL).withMessage(name + ": " + what)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.get());
  }

  void screenshot(String file) {
    session.screenshot(file);
  }

  @Override
  public void close() {
    session.close();
  }
}
