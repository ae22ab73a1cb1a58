package io.vertebra.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.testing.Browsers;
import io.vertebra.testing.TempDirs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a team does first, end to end: {@code java -jar target/vertebra.jar new} writes a project into a temporary
 * folder; Maven builds it offline and runs its own tests (README's test command); its runnable jar starts on a free
 * port; two headless Chromium sessions sign in as two people, a note added in one appears in the other, and on the
 * note's page each sees the other there (presence).
 */
class NewProjectIT {

  private static final Path TARGET = Path.of(System.getProperty("vertebra.target", "target")).toAbsolutePath();
  private static final Path JAR = Path.of(System.getProperty("vertebra.jar", "target/vertebra.jar"));
  private static final String VERSION = System.getProperty("vertebra.version");
  private static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("vertebra.localRepository",
      System.getProperty("user.home") + "/.m2/repository"));
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?)/?$");

  private final Path tmp = TempDirs.create("vertebra-new-");
  private Process app;

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor();
      }
    }
    TempDirs.deleteTree(tmp);
  }

  @Test
  void aNewProjectBuildsOfflineAndANoteAddedInOneBrowserAppearsInTheOther() throws Exception {
    assertNotNull(VERSION, "vertebra.version is set by the build");
    Path project = tmp.resolve("notes");
    long start = System.nanoTime();
    Process generate = new ProcessBuilder("java", "-jar", JAR.toString(), "new", project.toString(), "--package",
        "com.example.notes").redirectErrorStream(true).start();
    String generated = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, generate.waitFor(), generated);
    assertTrue(Files.exists(project.resolve("war/vendor/pusher.min.js")));

    OfflineMaven maven = OfflineMaven.create(tmp, TARGET, VERSION, LOCAL_REPOSITORY);
    long build = System.nanoTime();
    Path log = tmp.resolve("build.log");
    int status = maven.run(project, log, 900, "-q", "verify");
    assertEquals(0, status, "mvn -o verify of the generated project:\n" + tail(log));
    System.out.printf("NewProjectIT: generated in %d ms; mvn -o verify (build + its tests) %d ms%n",
        (build - start) / 1_000_000, (System.nanoTime() - build) / 1_000_000);

    String url = startApp(project);
    try (Browsers.Session ada = Browsers.start(); Browsers.Session bob = Browsers.start()) {
      signIn(ada.driver(), url, "Ada");
      signIn(bob.driver(), url, "Bob");
      ada.driver().findElement(By.cssSelector(".new-note .title")).sendKeys("Hello from Ada");
      ada.driver().findElement(By.cssSelector(".new-note button")).click();
      By note = By.xpath("//ul[@class='notes']//a[text()='Hello from Ada']");
      new WebDriverWait(bob.driver(), WAIT).until(ExpectedConditions.presenceOfElementLocated(note));

      bob.driver().findElement(note).click();
      ada.driver().findElement(note).click();
      for (WebDriver driver : new WebDriver[] {ada.driver(), bob.driver()}) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".viewer"), 2));
      }
      assertTrue(bob.driver().findElement(By.className("viewers")).getText().contains("Ada"));
    }
  }

  private static void signIn(WebDriver driver, String url, String name) {
    driver.get(url + "/");
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sign-in")));
    driver.findElement(By.cssSelector(".sign-in .name")).sendKeys(name);
    driver.findElement(By.cssSelector(".sign-in button")).click();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#app[data-ready] .new-note")));
  }

  /** Starts the project's runnable jar on a free port; returns the URL it prints. */
  private String startApp(Path project) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("java", "-jar", "target/notes.jar").directory(project.toFile())
        .redirectErrorStream(true);
    pb.environment().put("PORT", "0");
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("DATA_DIR", tmp.resolve("data").toString());
    app = pb.start();
    CompletableFuture<String> url = new CompletableFuture<>();
    StringBuffer output = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(app.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          output.append(line).append('\n');
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      url.completeExceptionally(new AssertionError("The app did not start:\n" + output));
    }, "notes-output");
    reader.setDaemon(true);
    reader.start();
    return url.get(60, TimeUnit.SECONDS);
  }

  private static String tail(Path log) throws IOException {
    String text = Files.exists(log) ? Files.readString(log) : "(no output)";
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }
}
