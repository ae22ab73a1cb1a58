package io.vertebra.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's refusals: a message, exit status 2, nothing written. Generation itself: NewProjectIT. */
class NewCommandTest {

  @TempDir
  Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aFolderThatIsNotEmptyIsRefused() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    assertEquals(NewCommand.USAGE, run(tmp.toString(), "--package", "com.example.notes"));
    assertTrue(error().contains("exists and is not empty"), error());
    assertEquals(1, Files.list(tmp).count());
  }

  @Test
  void anInvalidPackageIsRefused() {
    assertEquals(NewCommand.USAGE, run(tmp.resolve("app").toString(), "--package", "Com.Example"));
    assertTrue(error().contains("not a lower-case Java identifier"), error());
    assertTrue(Files.notExists(tmp.resolve("app")));
  }

  @Test
  void aMissingPackageOrFolderOrAnUnknownOptionIsRefused() {
    assertEquals(NewCommand.USAGE, run(tmp.resolve("app").toString()));
    assertTrue(error().contains("--package is required"), error());
    assertEquals(NewCommand.USAGE, run("--package", "com.example.notes"));
    assertTrue(error().contains("Name the folder"), error());
    assertEquals(NewCommand.USAGE, run(tmp.resolve("app").toString(), "--package=com.example.notes", "--force"));
    assertTrue(error().contains("Unknown option '--force'"), error());
  }

  private int run(String... args) {
    err.reset();
    return NewCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
        StandardCharsets.UTF_8));
  }

  private String error() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
