package io.vertebra.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The development-loop library that {@code mvn install} installs for the projects {@code vertebra new} writes:
 * Vertebra's headless DevMode and its Jetty 12 launcher, nothing else, and a POM that brings nothing along (GWT's
 * tools are the project's own, {@code provided}).
 */
class DevModeLibraryIT {
  private static final LibraryArtifact LIBRARY = new LibraryArtifact("vertebra-devmode");
  private static final String ROOT = "io/vertebra/devmode/";

  @Test
  void holdsTheHeadlessDevModeAndItsLauncherOnly() throws Exception {
    Set<String> entries = LIBRARY.entries();
    List<String> foreign = entries.stream()
        .filter(name -> !name.startsWith(ROOT) && !name.startsWith("META-INF/") && !ROOT.startsWith(name))
        .limit(10)
        .toList();
    assertEquals(List.of(), foreign, "entries outside io.vertebra.devmode (first 10)");
    assertTrue(entries.contains(ROOT + "HeadlessDevMode.class"));
    assertTrue(entries.contains(ROOT + "Jetty12Launcher.class"));
    assertEquals(Set.of("org.gwtproject:gwt-dev"), LIBRARY.checkPomAndListDependencies());
  }
}
