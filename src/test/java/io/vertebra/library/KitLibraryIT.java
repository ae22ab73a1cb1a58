package io.vertebra.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

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
  void runsFromThatJarWithTheDependenciesItsPomNames() throws Exception {
    // The kit jar plus the build's dependency jars, never target/classes: a class the kit forgot cannot be found.
    List<URL> urls = new ArrayList<>();
    urls.add(LIBRARY.jar().toUri().toURL());
    for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (element.endsWith(".jar") && !element.contains("vertebra")) {
        urls.add(Path.of(element).toUri().toURL());
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> config = loader.loadClass("io.vertebra.kit.config.Config");
      assertEquals(loader, config.getClassLoader(), "loaded from the library, not the build's classes");
      Object parsed = config.getMethod("from", Map.class).invoke(null, Map.of("PORT", "0", "HOST", "127.0.0.1"));
      assertEquals(0, config.getMethod("port").invoke(parsed));
      // Linked against Jetty: initialising it resolves its Jetty supertypes.
      Class<?> errors = Class.forName("io.vertebra.kit.web.JsonErrorHandler", true, loader);
      assertEquals(loader, errors.getClassLoader());
    }
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
