package io.vertebra.posts.client.ui;

import com.google.gwt.safecss.shared.SafeStyles;
import com.google.gwt.safecss.shared.SafeStylesUtils;

/** Avatar helpers shared by the user menu and the presence bar. */
final class Avatars {

  private static final String NEUTRAL = "#6b7280";

  private Avatars() {
  }

  /** The avatar background; only a {@code #rrggbb} colour reaches the style attribute. */
  static SafeStyles background(String color) {
    String safe = color != null && color.matches("#[0-9a-fA-F]{6}") ? color : NEUTRAL;
    return SafeStylesUtils.fromTrustedString("background-color:" + safe + ";");
  }

  /** One or two capital letters of a name. */
  static String initials(String name) {
    String[] words = (name == null ? "" : name.trim()).split("\\s+");
    String first = words.length == 0 || words[0].isEmpty() ? "?" : words[0].substring(0, 1);
    String second = words.length > 1 && !words[1].isEmpty() ? words[1].substring(0, 1) : "";
    return (first + second).toUpperCase();
  }
}
