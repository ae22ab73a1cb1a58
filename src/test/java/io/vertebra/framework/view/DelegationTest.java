package io.vertebra.framework.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a View reads its events map keys (the DOM side runs in BrowserSuiteIT). */
class DelegationTest {

  private static final ViewEventHandler HANDLER = e -> { };

  @Test
  @DisplayName("'click .save button' is event 'click' with selector '.save button' (view.js: delegateEvents)")
  void splitsEventAndSelector() {
    Delegation d = Delegation.parse("click .save button", HANDLER);

    assertEquals("click", d.eventName);
    assertEquals(".save button", d.selector);
    assertEquals("click", d.domType());
  }

  @Test
  @DisplayName("a key without selector binds the view's element; surrounding and inner whitespace is ignored")
  void noSelectorAndWhitespace() {
    assertEquals("", Delegation.parse("  click ", HANDLER).selector);
    Delegation tabbed = Delegation.parse("change\t  input.title", HANDLER);
    assertEquals("change", tabbed.eventName);
    assertEquals("input.title", tabbed.selector);
  }

  @Test
  @DisplayName("delegated focus and blur listen to focusin and focusout; on the element itself they stay as is")
  void focusAndBlurBubbleVariants() {
    assertEquals("focusin", Delegation.parse("focus input", HANDLER).domType());
    assertEquals("focusout", Delegation.parse("blur input", HANDLER).domType());
    assertEquals("focus", Delegation.parse("focus", HANDLER).domType());
  }

  @Test
  @DisplayName("undelegate matching: null selector or handler matches any; the selector compares trimmed")
  void matching() {
    Delegation d = new Delegation("click", ".save", HANDLER);

    assertTrue(d.matches("click", null, null));
    assertTrue(d.matches("click", " .save ", HANDLER));
    assertTrue(d.matches(null, null, HANDLER));
    assertFalse(d.matches("click", ".other", null));
    assertFalse(d.matches("click", ".save", e -> { }));
    assertFalse(d.matches("keyup", null, null));
  }

  @Test
  @DisplayName("an empty key is a clear error")
  void emptyKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Delegation.parse(" ", HANDLER));
    assertTrue(e.getMessage().contains("event name"));
  }
}
