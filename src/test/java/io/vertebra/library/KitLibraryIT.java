package io.vertebra.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.library.kitapp.HelloKitApp;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server kit library that {@code mvn install} installs for teams' own projects: a plain Java library (the kit's
 * packages and the embedded channels server) with no client code and nothing from the apps, and a POM of its own.
 */
class KitLibraryIT {
  private static final LibraryArtifact LIBRARY = new LibraryArtifact("vertebra-kit");
  private static final List<String> ROOTS = List.of("io/vertebra/kit/", "io/vertebra/channels/",
      "io/vertebra/console/shared/");
  /** Code a server library must never hold or call: the client framework, the apps, GWT, this repo's wiring. */
  private static final List<String> FOREIGN = List.of("io/vertebra/framework/", "io/vertebra/posts/",
      "io/vertebra/console/client/", "io/vertebra/server/", "io/vertebra/todos/", "com/google/gwt/",
      "org/fusesource/restygwt/");

  @Test
  void holdsTheKitAndTheChannelsServerAndNoClientOrAppCode() throws IOException {
    Set<String> entries = LIBRARY.entries();

    List<String> outside = entries.stream()
        .filter(name -> ROOTS.stream().noneMatch(name::startsWith) && !name.startsWith("META-INF/")
            && !isFolderAbove(name))
        .limit(10)
        .toList();
    assertEquals(List.of(), outside, "entries outside the kit (first 10)");
    assertTrue(entries.contains("io/vertebra/kit/config/Config.class"));
    assertTrue(entries.contains("io/vertebra/kit/web/JsonErrors.class"), "the one writer of {error, message}");
    assertTrue(entries.contains("io/vertebra/kit/identity/Sessions.class"));
    assertTrue(entries.contains("io/vertebra/kit/store/Database.class"));
    assertTrue(entries.contains("io/vertebra/channels/ChannelsServer.class"), "the embedded channels server");
    assertTrue(entries.contains("io/vertebra/kit/server/VertebraServer.class"), "the Jetty wiring");
    assertTrue(entries.stream().noneMatch(name -> name.endsWith(".java") || name.endsWith(".gwt.xml")),
        "no GWT sources or modules");
  }

  @Test
  void noClassRefersToClientOrAppCode() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (JarFile jar = new JarFile(LIBRARY.jar().toFile())) {
      for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        // Class names in a class file's constant pool are plain UTF-8 with slashes: a byte search finds them.
        String text;
        try (InputStream in = jar.getInputStream(entry)) {
          text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        FOREIGN.stream().filter(text::contains).findFirst()
            .ifPresent(foreign -> offenders.add(entry.getName() + " -> " + foreign));
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  @DisplayName("a team's server starts from the kit jar and the jars its POM names alone, and stops on SIGTERM")
  void startsAServerFromThatJarAndItsPomsDependenciesAlone(@TempDir Path work) throws Exception {
    // The kit jar, what its POM resolves to, and the team's own classes: never target/classes nor this build's
    // class path, so a class the kit forgot or a dependency its POM forgot fails the start.
    List<Path> dependencies = KitClasspath.resolve(LIBRARY.pom(), Files.createDirectories(work.resolve("resolve")));
    assertEquals(List.of(), dependencies.stream().filter(jar -> jar.toString().contains("vertebra")).toList(),
        "no other Vertebra jar");
    List<Path> classpath = new ArrayList<>();
    classpath.add(LIBRARY.jar());
    classpath.addAll(dependencies);
    classpath.add(teamClasses(work.resolve("team")));
    Path web = Files.createDirectories(work.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>Hello</title>");

    try (KitAppProcess app = KitAppProcess.start(classpath, HelloKitApp.class.getName(), Map.of("PORT", "0",
        "HOST", "127.0.0.1", "DATA_DIR", work.resolve("data").toString(), "WEB_DIR", web.toString()))) {
      assertEquals("hello stranger", app.send("GET", "/hello", null, null).body());
      HttpResponse<String> signIn = app.send("POST", "/api/session", "{\"name\":\"Ann\"}", null);
      assertEquals(200, signIn.statusCode(), signIn.body());
      String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
      assertEquals("hello Ann", app.send("GET", "/hello", null, cookie).body(), "a session kept in the database");

      HttpResponse<String> health = app.send("GET", "/healthz", null, null);
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"database\""), health.body());
      assertTrue(app.send("GET", "/api/config", null, null).body().contains("\"key\""), "pusher-js options");
      assertTrue(app.send("GET", "/", null, null).body().contains("<title>Hello</title>"), "the web app");
      HttpResponse<String> unknown = app.send("GET", "/api/nothing", null, null);
      assertEquals(404, unknown.statusCode());
      assertTrue(unknown.body().contains("\"error\""), "the JSON error contract: " + unknown.body());
      assertEquals(0, app.stop(), "SIGTERM stops it gracefully: " + app.output());
    }
  }

  /** The team's compiled classes alone: this test's {@code kitapp} package copied out of the test classes. */
  private static Path teamClasses(Path folder) throws Exception {
    Path compiled = Path.of(HelloKitApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = compiled.resolve(HelloKitApp.class.getPackageName().replace('.', '/'));
    Path target = Files.createDirectories(folder.resolve(compiled.relativize(pkg)));
    try (var files = Files.list(pkg)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return folder;
  }

  @Test
  void hasItsOwnPomWithThisBuildsVersionAndServerDependenciesOnly() throws Exception {
    Set<String> declared = LIBRARY.checkPomAndListDependencies();
    assertTrue(declared.containsAll(Set.of("org.eclipse.jetty:jetty-server",
        "org.eclipse.jetty.ee10:jetty-ee10-servlet", "com.fasterxml.jackson.core:jackson-databind",
        "com.pusher:pusher-http-java", "org.xerial:sqlite-jdbc", "org.postgresql:postgresql", "com.zaxxer:HikariCP")),
        "declared: " + declared);
    List<String> clientOrTest = declared.stream()
        .filter(d -> d.startsWith("org.gwtproject") || d.contains("restygwt") || d.contains("junit")
            || d.contains("selenium") || d.startsWith("io.vertebra") || d.startsWith("com.h2database"))
        .toList();
    assertEquals(List.of(), clientOrTest, "a server library needs no GWT, test tools or other Vertebra jar");
  }

  /** "io/", "io/vertebra/" and "io/vertebra/console/": the folders above the kit's own. */
  private static boolean isFolderAbove(String name) {
    return name.endsWith("/") && ROOTS.stream().anyMatch(root -> root.startsWith(name));
  }
}
