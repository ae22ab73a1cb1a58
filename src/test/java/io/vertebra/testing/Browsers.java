package io.vertebra.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts headless Debian Chromium for browser tests, the same way everywhere: the installed binary and driver
 * (never a downloaded one), flags that keep it off the network and out of /dev/shm, and a fresh profile that is
 * deleted when the browser quits.
 *
 * <p>Use it as a JUnit 5 extension ({@link BrowserExtension}) so failures leave a screenshot, or directly:
 * <pre>{@code
 * try (Browsers.Session browser = Browsers.start()) {
 *   browser.driver().get(url);
 * }
 * }</pre>
 */
public final class Browsers {

  /** The Debian Chromium binary. */
  public static final Path CHROMIUM = Path.of(System.getProperty("vertebra.chromium", "/usr/bin/chromium"));
  /** The Debian chromedriver matching {@link #CHROMIUM}. */
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("vertebra.chromedriver", "/usr/bin/chromedriver"));
  /** Where {@link #screenshot} writes, relative to the project root (Maven's working directory). */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Flags for a quiet, sandbox-free headless Chromium that makes no requests of its own. */
  public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", "--window-size=1280,900");

  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

  private Browsers() {
  }

  /** Starts a new headless Chromium with a fresh temporary profile. Close the session to quit it. */
  public static Session start() {
    Path profile = TempDirs.create("vertebra-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT);
      driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
      return new Session(driver, profile);
    } catch (RuntimeException e) {
      TempDirs.deleteTree(profile);
      throw e;
    }
  }

  /**
   * Saves a PNG of what {@code driver} shows as {@code target/screenshots/<name>.png} and returns its path, or
   * null when the browser can no longer take one (the failure that brought us here may have killed it).
   */
  public static Path screenshot(WebDriver driver, String name) {
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(safeFileName(name) + ".png");
      Files.write(file, png);
      return file;
    } catch (RuntimeException | IOException e) {
      System.err.println("No screenshot for " + name + ": " + e);
      return null;
    }
  }

  /** A file name made of letters, digits, dots, dashes and underscores only. */
  static String safeFileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    return safe.isEmpty() ? "screenshot" : safe;
  }

  /** One running browser and its profile; {@link #close} quits the browser and deletes the profile. */
  public static final class Session implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private boolean closed;

    Session(ChromeDriver driver, Path profile) {
      this.driver = driver;
      this.profile = profile;
    }

    /** The Selenium driver of this browser. */
    public ChromeDriver driver() {
      return driver;
    }

    /** The temporary profile directory (deleted on close). */
    public Path profile() {
      return profile;
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png} (see {@link Browsers#screenshot}). */
    public Path screenshot(String name) {
      return Browsers.screenshot(driver, name);
    }

    /** Quits the browser (idempotent) and deletes its profile, even when quitting fails. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        driver.quit();
      } finally {
        TempDirs.deleteTree(profile);
      }
    }
  }
}
