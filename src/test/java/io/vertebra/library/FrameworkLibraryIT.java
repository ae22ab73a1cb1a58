package io.vertebra.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The framework library that {@code mvn install} installs for teams' own projects: a GWT library (classes, Java
 * sources, module files) with nothing from the apps or the server, and a POM of its own.
 */
class FrameworkLibraryIT {
  private static final LibraryArtifact LIBRARY = new LibraryArtifact("vertebra-framework");
  private static final String ROOT = "io/vertebra/framework/";

  @Test
  void holdsTheFrameworkClassesWithTheirSourcesAndModuleFilesAndNothingElse() throws IOException {
    Set<String> entries = LIBRARY.entries();

    List<String> foreign = entries.stream()
        .filter(name -> !name.startsWith(ROOT) && !name.startsWith("META-INF/") && !isFolderOf(name))
        .limit(10)
        .toList();
    assertEquals(List.of(), foreign, "entries outside the framework (first 10)");

    assertTrue(entries.contains(ROOT + "Framework.gwt.xml"), "the module a team inherits");
    assertTrue(entries.contains(ROOT + "Production.gwt.xml"));
    assertTrue(entries.contains(ROOT + "super/io/vertebra/framework/core/JsonParser.java"), "browser editions");

    List<String> sourceless = entries.stream()
        .filter(name -> name.endsWith(".class") && !name.contains("$"))
        .map(name -> name.substring(0, name.length() - ".class".length()) + ".java")
        .filter(source -> !entries.contains(source))
        .limit(10)
        .toList();
    assertEquals(List.of(), sourceless, "the GWT compiler needs every class's source");
    long classes = entries.stream().filter(name -> name.endsWith(".class")).count();
    assertTrue(classes > 100, "framework classes: " + classes);
  }

  @Test
  void runsOnTheJvmFromThatJarAlone() throws Exception {
    // The platform class loader as parent: nothing of this build's classpath can stand in for a missing class.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {LIBRARY.jar().toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> model = loader.loadClass("io.vertebra.framework.core.Model");
      Object post = model.getConstructor(Map.class).newInstance(Map.of("title", "Hello"));
      Method get = model.getMethod("get", String.class);
      assertEquals("Hello", get.invoke(post, "title"));
      assertEquals(model.getClassLoader(), loader, "loaded from the library, not the build's classes");
    }
  }

  @Test
  void hasItsOwnPomWithThisBuildsVersionAndNoServerDependencies() throws Exception {
    Set<String> declared = LIBRARY.checkPomAndListDependencies();
    assertEquals(Set.of("org.fusesource.restygwt:restygwt", "org.gwtproject:gwt-user"), declared);
  }

  /** "io/" and "io/vertebra/": the folders above the framework's own. */
  private static boolean isFolderOf(String name) {
    return name.endsWith("/") && ROOT.startsWith(name);
  }
}
