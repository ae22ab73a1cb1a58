package io.vertebra.starter;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new project is made of: its folder, its Java package, the app's name (the package's last part: the
 * Maven artifact id, the GWT module's short name) and the Vertebra version its libraries are taken at.
 * {@link #of} refuses what would give a project that does not compile, with a message saying why.
 */
record ProjectSpec(Path dir, String packageName, String appName, String vertebraVersion) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
      "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
      "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "true", "false", "null", "var", "record", "yield", "sealed", "permits");

  /** A spec, or {@link IllegalArgumentException} saying what is wrong with {@code packageName}. */
  static ProjectSpec of(Path dir, String packageName, String vertebraVersion) {
    return new ProjectSpec(dir, validPackage(packageName), appName(packageName), vertebraVersion);
  }

  /** The package's folder inside {@code src/main/java}: {@code com/example/notes}. */
  String packagePath() {
    return packageName.replace('.', '/');
  }

  /** The app's name with a capital: the page title ("Notes"). */
  String title() {
    return appName.substring(0, 1).toUpperCase(Locale.ROOT) + appName.substring(1);
  }

  /**
   * Lower-case Java identifiers separated by dots, at least two parts (a project's own namespace), none a keyword
   * and none under {@code java}/{@code javax} or GWT's and Vertebra's own.
   */
  static String validPackage(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("--package is required, e.g. --package com.example.notes");
    }
    String[] parts = name.split("\\.", -1);
    for (String part : parts) {
      if (!IDENTIFIER.matcher(part).matches()) {
        throw new IllegalArgumentException("Package '" + name + "': '" + part + "' is not a lower-case Java"
            + " identifier (a letter, then letters, digits or _)");
      }
      if (KEYWORDS.contains(part)) {
        throw new IllegalArgumentException("Package '" + name + "': '" + part + "' is a Java keyword");
      }
    }
    if (parts.length < 2) {
      throw new IllegalArgumentException("Package '" + name + "' needs at least two parts, e.g. com.example."
          + name);
    }
    for (String reserved : new String[] {"java.", "javax.", "com.google.gwt.", "io.vertebra."}) {
      if ((name + ".").startsWith(reserved)) {
        throw new IllegalArgumentException("Package '" + name + "' is under " + reserved.substring(0,
            reserved.length() - 1) + ", which is not yours to use");
      }
    }
    return name;
  }

  private static String appName(String packageName) {
    return packageName.substring(packageName.lastIndexOf('.') + 1);
  }
}
