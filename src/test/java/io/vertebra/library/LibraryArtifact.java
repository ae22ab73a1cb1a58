package io.vertebra.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One library the build installs beside the runnable jar ({@code io.vertebra:<artifactId>}): its jar in
 * {@code target/} and its own POM in {@code target/library/}, read as the library tests check them.
 */
final class LibraryArtifact {

  private static final Path TARGET = Path.of(System.getProperty("vertebra.target", "target"));

  private final String artifactId;

  LibraryArtifact(String artifactId) {
    this.artifactId = artifactId;
  }

  /** The one jar of this library in {@code target/}. */
  Path jar() throws IOException {
    try (var files = Files.list(TARGET)) {
      List<Path> jars = files
          .filter(path -> path.getFileName().toString().matches(artifactId + "-.+\\.jar"))
          .toList();
      assertEquals(1, jars.size(), "one " + artifactId + " library in " + TARGET + ": " + jars);
      return jars.get(0);
    }
  }

  /** The library's own POM, as installed. */
  Path pom() {
    return TARGET.resolve("library/" + artifactId + ".pom");
  }

  /** Every entry name in the jar, sorted. */
  Set<String> entries() throws IOException {
    try (JarFile file = new JarFile(jar().toFile())) {
      return file.stream().map(entry -> entry.getName()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /**
   * Checks the POM names this library with the jar's version, every dependency's version filled in, and returns the
   * dependencies as {@code groupId:artifactId}.
   */
  Set<String> checkPomAndListDependencies() throws Exception {
    Document doc;
    try (InputStream in = Files.newInputStream(pom())) {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    Element project = doc.getDocumentElement();
    assertEquals("io.vertebra", child(project, "groupId"));
    assertEquals(artifactId, child(project, "artifactId"));
    assertEquals(jar().getFileName().toString(), artifactId + "-" + child(project, "version") + ".jar");

    NodeList dependencies = doc.getElementsByTagName("dependency");
    Set<String> declared = new TreeSet<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String version = child(dependency, "version");
      assertTrue(!version.contains("${"), "version filled in: " + version);
      declared.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId"));
    }
    return declared;
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
