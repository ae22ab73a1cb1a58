package io.vertebra.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates as the generator writes them (from the class path, as in the jar); NewProjectIT builds them. */
class ProjectWriterTest {

  @TempDir
  Path dir;

  @Test
  void writesTheProductsTopLevelWithThePackageAndVersionFilledIn() throws IOException {
    ProjectWriter.write(ProjectSpec.of(dir, "org.acme.board", "9.8.7"));
    for (String top : List.of("pom.xml", "README.md", ".gitignore", ".ci/run", "war/index.html", "src/main/java",
        "src/test/java")) {
      assertTrue(Files.exists(dir.resolve(top)), top);
    }
    String pom = Files.readString(dir.resolve("pom.xml"));
    assertTrue(pom.contains("<vertebra.version>9.8.7</vertebra.version>"), pom);
    assertTrue(pom.contains("<artifactId>board</artifactId>"), pom);
    Path server = dir.resolve("src/main/java/org/acme/board/server/NotesServer.java");
    assertTrue(Files.readString(server).startsWith("package org.acme.board.server;"));
    assertTrue(Files.exists(dir.resolve("src/main/resources/org/acme/board/App.gwt.xml")));
    assertTrue(Files.isExecutable(dir.resolve(".ci/run")));
  }

  @Test
  void noPlaceholderIsLeftInAnyPathOrFile() throws IOException {
    ProjectWriter.write(ProjectSpec.of(dir, "org.acme.board", "9.8.7"));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(dir.relativize(file).toString().contains("__"), file.toString());
        assertFalse(Files.readString(file).matches("(?s).*__[A-Z_]+__.*"), file + " has a placeholder left");
      }
    }
  }

  @Test
  void aLeadingUnderscoreBecomesADotAndPlaceholdersAreFilled() {
    Map<String, String> values = Map.of("__PACKAGE_PATH__", "a/b", "__PACKAGE__", "a.b", "__APP__", "b",
        "__TITLE__", "B", "__VERTEBRA_VERSION__", "1");
    assertEquals(".gitignore", ProjectWriter.targetPath("_gitignore", values));
    assertEquals(".ci/run", ProjectWriter.targetPath("_ci/run", values));
    assertEquals("src/main/java/a/b/App.java", ProjectWriter.targetPath("src/main/java/__PACKAGE_PATH__/App.java",
        values));
  }

  @Test
  void theGeneratedJavaCompiles() throws IOException {
    Path project = dir.resolve("project");
    ProjectWriter.write(ProjectSpec.of(project, "org.acme.board", "9.8.7"));
    assertEquals("", JavaSources.compileErrors(project, Files.createDirectories(dir.resolve("classes"))));
  }
}
