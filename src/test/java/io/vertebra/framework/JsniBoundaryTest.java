package io.vertebra.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Raw JavaScript lives only in the boundary packages: one small class per JavaScript API, nothing else. */
class JsniBoundaryTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final List<String> BOUNDARIES =
      List.of("io.vertebra.framework.browser", "io.vertebra.framework.realtime.pusher");

  @Test
  @DisplayName("no JSNI, $wnd or $doc outside framework.browser and framework.realtime.pusher")
  void jsniOnlyInBoundaryPackages() {
    assertTrue(Files.isDirectory(SOURCES), "run from the project root");
    List<String> offenders = JsniScanner.offenders(SOURCES, BOUNDARIES);
    assertTrue(offenders.isEmpty(), "Raw JavaScript outside " + BOUNDARIES + ":\n" + String.join("\n", offenders));
  }

  @Test
  @DisplayName("pusher-js is touched only by framework.realtime.pusher (not by the DOM boundary either)")
  void pusherJsOnlyInItsBoundary() throws Exception {
    List<String> offenders = new ArrayList<>();
    Path browser = SOURCES.resolve("io/vertebra/framework/browser");
    if (Files.isDirectory(browser)) {
      try (var files = Files.walk(browser)) {
        for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          if (Files.readString(file).contains("$wnd.Pusher")) {
            offenders.add(file.toString());
          }
        }
      }
    }
    assertTrue(offenders.isEmpty(), "pusher-js used outside its boundary: " + offenders);
  }

  @Test
  @DisplayName("the scanner finds JSNI methods and $wnd/$doc with their line, and ignores comments")
  void scannerFindsRawJavaScript() {
    String source = String.join("\n",
        "class A {",
        "  /** Mentions $wnd and native code in a comment only. */",
        "  // native void x() /*-{ }-*/;",
        "  static native String title()",
        "      /*-{ return $doc.title; }-*/;",
        "  String url = \"$wnd\";",
        "}");
    List<String> found = new ArrayList<>();

    JsniScanner.scan("A.java", source, found);

    assertEquals(List.of("A.java:4: native String title() /*-{", "A.java:5: $doc", "A.java:6: $wnd"), found);
  }
}
