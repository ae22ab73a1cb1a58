package io.vertebra.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectSpecTest {

  @Test
  void theAppIsNamedAfterThePackagesLastPart() {
    ProjectSpec spec = ProjectSpec.of(Path.of("x"), "com.example.notes", "1.0");
    assertEquals("notes", spec.appName());
    assertEquals("Notes", spec.title());
    assertEquals("com/example/notes", spec.packagePath());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "notes | needs at least two parts",
      "com.Example.notes | 'Example' is not a lower-case Java identifier",
      "com.example.2notes | '2notes' is not a lower-case Java identifier",
      "com..notes | '' is not a lower-case Java identifier",
      "com.example.class | 'class' is a Java keyword",
      "java.notes | is under java,",
      "io.vertebra.notes | is under io.vertebra,",
      "com.example-app.notes | 'example-app' is not"})
  void aPackageThatWouldNotCompileIsRefusedSayingWhy(String name, String why) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProjectSpec.of(Path.of("x"), name, "1.0"));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void aMissingPackageIsRefusedWithAnExample() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProjectSpec.of(Path.of("x"), null, "1.0"));
    assertTrue(e.getMessage().contains("--package is required"), e.getMessage());
  }
}
