package io.vertebra.posts.client;

import io.vertebra.testing.Browsers;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One independent headless Chromium session on the posts app ({@link Browsers}: its own profile, so its own cookie
 * and pusher-js connection), with the few page operations the end-to-end tests need. Waits poll every 10 ms so measured delays
 * are not dominated by the polling.
 */
public final class AppBrowser implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final String name;
  private final String baseUrl;
  private final Browsers.Session session;
  private final ChromeDriver driver;

  public AppBrowser(String name, String baseUrl) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.session = Browsers.start();
    this.driver = session.driver();
  }

  /** Opens the app and signs in; returns once the realtime connection is live. */
  public AppBrowser signIn() {
    driver.get(baseUrl + "/");
    WebElement input = await("form.sign-in input.name");
    input.sendKeys(name);
    driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    await(".conn[data-status=live]");
    return this;
  }

  /** Loads the app afresh at a hash route (a bookmarked or shared link); returns once the connection is live. */
  public AppBrowser open(String hash) {
    driver.get(baseUrl + "/#" + hash);
    driver.navigate().refresh(); // a hash-only change of URL would not reload the page
    await(".conn[data-status=live]");
    return this;
  }

  /** Navigates to a hash route ({@code posts/7}) without reloading. */
  public AppBrowser go(String hash) {
    js("location.hash = arguments[0];", hash);
    return this;
  }

  /** The first element matching {@code css}, waiting until it exists. */
  public WebElement await(String css) {
    return waiting().until(d -> {
      var found = d.findElements(By.cssSelector(css));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  /** Waits until no element matches {@code css}. */
  public void awaitGone(String css) {
    waiting().until(d -> d.findElements(By.cssSelector(css)).isEmpty());
  }

  /** Waits until the text of {@code css} is exactly {@code text}. */
  public void awaitText(String css, String text) {
    waiting().until(d -> {
      var found = d.findElements(By.cssSelector(css));
      return !found.isEmpty() && text.equals(found.get(0).getText());
    });
  }

  /** The text of the first element matching {@code css} (waiting for it). */
  public String text(String css) {
    return waiting().until(d -> {
      var found = d.findElements(By.cssSelector(css));
      return found.isEmpty() ? null : found.get(0).getText();
    });
  }

  /** Replaces the value of a field as a user would (select all, type). */
  void type(String css, String value) {
    WebElement field = await(css);
    field.clear();
    field.sendKeys(value);
  }

  void click(String css) {
    await(css).click();
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object asyncJs(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** The signed-in user's id, as the server knows it (for presence and terminate_connections). */
  String userId() {
    return (String) js("var x = new XMLHttpRequest(); x.open('GET', '/api/session', false); x.send();"
        + " return JSON.parse(x.responseText).id;");
  }

  /** Cuts this browser off the network (Chromium's network emulation), or restores it. */
  public void offline(boolean offline) {
    if (offline) {
      ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
      conditions.setOffline(true);
      driver.setNetworkConditions(conditions);
    } else {
      driver.deleteNetworkConditions();
    }
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png}. */
  public void screenshot(String file) {
    session.screenshot(file);
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(10));
    wait.withMessage(() -> name + " at " + driver.getCurrentUrl());
    // Views redraw on every change: an element found a moment ago may have been replaced; look again.
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Override
  public void close() {
    session.close();
  }
}
