package io.vertebra.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial cannot rot: every {@code java} block of docs/first-app.md is applied, in order, to a project written
 * by the generator with the tutorial's package, and the result compiles ({@link TutorialSnippets}).
 */
class FirstAppDocTest {

  private static final Path TUTORIAL = Path.of("docs/first-app.md");

  @TempDir
  Path dir;

  @Test
  void everyJavaSnippetOfTheTutorialCompilesInAGeneratedProject() throws IOException {
    Path project = dir.resolve("notes");
    ProjectWriter.write(ProjectSpec.of(project, "com.example.notes", "0.0.0"));
    List<String> blocks = TutorialSnippets.blocks(Files.readString(TUTORIAL));
    assertTrue(blocks.size() >= 8, "the tutorial's java blocks: " + blocks.size());
    for (String block : blocks) {
      TutorialSnippets.apply(block, project, "com/example/notes");
    }
    assertEquals("", JavaSources.compileErrors(project, Files.createDirectories(dir.resolve("classes"))));
  }

  @Test
  void aSnippetThatDoesNotCompileIsCaught() throws IOException {
    Path project = dir.resolve("notes");
    ProjectWriter.write(ProjectSpec.of(project, "com.example.notes", "0.0.0"));
    TutorialSnippets.apply("// In client/model/Note.java, add:\n  public int broken() { return \"no\"; }\n", project,
        "com/example/notes");
    assertTrue(JavaSources.compileErrors(project, Files.createDirectories(dir.resolve("classes")))
        .contains("Note.java"));
  }

  @Test
  void aReplacedMemberTakesThePlaceOfTheOldOne() throws IOException {
    Path project = dir.resolve("notes");
    ProjectWriter.write(ProjectSpec.of(project, "com.example.notes", "0.0.0"));
    TutorialSnippets.apply("// In client/model/Note.java, replace getTitle():\n"
        + "import java.util.Locale;\n  public String getTitle() {\n    return \"T\".toLowerCase(Locale.ROOT);\n  }\n",
        project, "com/example/notes");
    String note = Files.readString(project.resolve("src/main/java/com/example/notes/client/model/Note.java"));
    assertTrue(note.contains("import java.util.Locale;"), note);
    assertEquals(1, note.split("getTitle\\(\\)", -1).length - 1, note);
    assertEquals("", JavaSources.compileErrors(project, Files.createDirectories(dir.resolve("classes"))));
  }

  @Test
  void theReadmeLinksTheTutorialInItsFirstLines() throws IOException {
    List<String> top = Files.readAllLines(Path.of("README.md")).subList(0, 12);
    assertTrue(String.join("\n", top).contains("(docs/first-app.md)"), String.join("\n", top));
  }
}
