package io.vertebra.kit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertebra.kit.web.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  @Test
  @DisplayName("names are trimmed and NFC-normalised; real names in any script, with emoji, pass")
  void normalised() {
    assertEquals("Ann", DisplayNames.valid("  Ann \t"));
    assertEquals("Zoë", DisplayNames.valid("Zoe\u0308"), "decomposed e + diaeresis becomes one character");
    for (String ok : new String[] {"李小龍", "محمد", "Ana-María O'Neil", "👩‍💻 Dev", "x"}) {
      assertEquals(ok, DisplayNames.valid(ok));
    }
  }

  @Test
  @DisplayName("bidi overrides and isolates are refused (an RLO name reversed the post's date line, issue 21)")
  void bidiControls() {
    for (String bad : new String[] {"\u202Eevil", "a\u202Db", "x\u2066y\u2069", "\u200Fname", "a\u061Cb"}) {
      ApiException e = assertThrows(ApiException.class, () -> DisplayNames.valid(bad), bad);
      assertEquals(400, e.status());
    }
  }

  @Test
  @DisplayName("names with nothing visible are refused: zero-width, fillers, combining marks alone")
  void invisibleOnly() {
    for (String bad : new String[] {"\u200B\u200B", "\u3164", "\u2800\u2800", "\u0301", "\uFEFF", " \u00A0 ", ""}) {
      assertThrows(ApiException.class, () -> DisplayNames.valid(bad), bad);
    }
  }

  @Test
  void controlCharactersAndLengthAreRefused() {
    assertThrows(ApiException.class, () -> DisplayNames.valid("a\u0007b"));
    assertThrows(ApiException.class, () -> DisplayNames.valid("x".repeat(1000)));
  }
}
