package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code java -jar vertebra.jar channels} sizes its own JVM, and the child it starts. */
class JvmLauncherTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a bare 'java -jar JAR channels' sizes itself")
  void bareJarSizesItself() throws Exception {
    Path jar = Files.createFile(dir.resolve("vertebra.jar"));
    assertEquals(jar, JvmLauncher.bareJar(List.of("-jar", jar.toString(), "channels"), Map.of()));
    assertEquals(jar, JvmLauncher.bareJar(List.of("-jar", jar.toString(), "channels"),
        Map.of("JAVA_TOOL_OPTIONS", " ")), "a blank variable sets nothing");
  }

  @Test
  @DisplayName("any JVM option the user gave, on the command line or in the environment, is kept as given")
  void userOptionsWin() throws Exception {
    Path jar = Files.createFile(dir.resolve("vertebra.jar"));
    assertNull(JvmLauncher.bareJar(List.of("-Xmx1g", "-jar", jar.toString(), "channels"), Map.of()));
    assertNull(JvmLauncher.bareJar(List.of("-Dx=y", "-jar", jar.toString(), "channels"), Map.of()));
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      assertNull(JvmLauncher.bareJar(List.of("-jar", jar.toString(), "channels"), Map.of(variable, "-Xmx1g")),
          variable);
    }
  }

  @Test
  @DisplayName("not started from a jar (an IDE, the tests' classpath): nothing to start again")
  void notFromAJar() {
    assertNull(JvmLauncher.bareJar(List.of("-cp", "target/classes", "io.vertebra.server.Main", "channels"),
        Map.of()));
    assertNull(JvmLauncher.bareJar(List.of("-jar", dir.resolve("missing.jar").toString(), "channels"), Map.of()));
    assertNull(JvmLauncher.bareJar(List.of(), Map.of()));
  }

  @Test
  @DisplayName("the child runs the same jar and arguments with the chosen options and knows its launcher")
  void childCommand() {
    List<String> command = JvmLauncher.command(Path.of("app.jar"), List.of("-XX:+UseSerialGC"),
        new String[] {"channels"});
    assertTrue(command.get(0).endsWith("java"), command.get(0));
    assertEquals(List.of("-XX:+UseSerialGC", "-Dvertebra.launcher=" + ProcessHandle.current().pid(), "-jar",
        "app.jar", "channels"), command.subList(1, command.size()));
  }
}
