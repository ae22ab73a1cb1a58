package io.vertebra.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The framework library that {@code mvn install} installs for teams' own projects: a GWT library (classes, Java
 * sources, module files) with nothing from the apps or the server, and a POM of its own.
 */
class FrameworkLibraryIT {
  private static final Path TARGET = Path.of(System.getProperty("vertebra.target", "target"));
  private static final String ROOT = "io/vertebra/framework/";

  @Test
  void holdsTheFrameworkClassesWithTheirSourcesAndModuleFilesAndNothingElse() throws IOException {
    Set<String> entries = entries(libraryJar());

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
    try (URLClassLoader loader = new URLClassLoader(new URL[] {libraryJar().toUri().toURL()},
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
    Path pom = TARGET.resolve("library/vertebra-framework.pom");
    Document doc;
    try (InputStream in = Files.newInputStream(pom)) {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    Element project = doc.getDocumentElement();
    assertEquals("io.vertebra", child(project, "groupId"));
    assertEquals("vertebra-framework", child(project, "artifactId"));
    assertEquals(libraryJar().getFileName().toString(), "vertebra-framework-" + child(project, "version") + ".jar");

    NodeList dependencies = doc.getElementsByTagName("dependency");
    Set<String> declared = new TreeSet<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String version = child(dependency, "version");
      assertTrue(!version.contains("${"), "version filled in: " + version);
      declared.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId"));
    }
    assertEquals(Set.of("org.fusesource.restygwt:restygwt", "org.gwtproject:gwt-user"), declared);
  }

  private static Path libraryJar() throws IOException {
    try (var files = Files.list(TARGET)) {
      List<Path> jars = files
          .filter(path -> path.getFileName().toString().matches("vertebra-framework-.+\\.jar"))
          .collect(Collectors.toCollection(ArrayList::new));
      assertEquals(1, jars.size(), "one framework library in " + TARGET + ": " + jars);
      return jars.get(0);
    }
  }

  private static Set<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(entry -> entry.getName()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** "io/" and "io/vertebra/": the folders above the framework's own. */
  private static boolean isFolderOf(String name) {
    return name.endsWith("/") && ROOT.startsWith(name);
  }

  private static String child(Element parent, String tag) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
        return element.getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + tag + "> in <" + parent.getTagName() + ">");
  }
}
