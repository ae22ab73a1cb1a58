package io.vertebra.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TodoMVC proves the framework and the server kit are general: it uses their public APIs, never the posts app. */
class TodosIndependenceTest {

  private static final Path TODOS = Path.of("src/main/java/io/vertebra/todos");

  @Test
  @DisplayName("no file of the todos app names anything from io.vertebra.posts")
  void noPostsImports() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(TODOS)) {
      offenders = files.filter(f -> f.toString().endsWith(".java")).filter(TodosIndependenceTest::namesPosts)
          .map(Path::toString).sorted().toList();
    }
    assertEquals(List.of(), offenders);
  }

  private static boolean namesPosts(Path file) {
    try {
      return Files.readString(file).contains("io.vertebra.posts");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
