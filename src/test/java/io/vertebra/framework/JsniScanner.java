package io.vertebra.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds raw JavaScript in Java sources: JSNI methods ({@code native ... /*-{}) and references to the host page's
 * {@code $wnd} / {@code $doc}, ignoring ordinary comments (but not JSNI bodies, which are comments too).
 */
final class JsniScanner {

  /** Ordinary comments: line comments and block comments that are not JSNI bodies. */
  private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*(?!-\\{).*?\\*/", Pattern.DOTALL);
  private static final Pattern JSNI = Pattern.compile("\\bnative\\b[^;{}]*?/\\*-\\{|\\$wnd\\b|\\$doc\\b");

  private JsniScanner() {
  }

  /** Every {@code path:line: snippet} under {@code sourceRoot} outside the {@code allowed} package folders. */
  static List<String> offenders(Path sourceRoot, List<String> allowedPackages) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        String pkg = sourceRoot.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
        if (!allowedPackages.contains(pkg)) {
          scan(sourceRoot.relativize(file).toString(), Files.readString(file), found);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Adds a {@code name:line: snippet} entry for each piece of raw JavaScript in {@code source}. */
  static void scan(String name, String source, List<String> found) {
    String code = blankComments(source);
    Matcher m = JSNI.matcher(code);
    while (m.find()) {
      int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
      found.add(name + ":" + line + ": " + m.group().replaceAll("\\s+", " "));
    }
  }

  /** Replaces comments by spaces, keeping line breaks so that line numbers stay right. */
  private static String blankComments(String source) {
    Matcher m = COMMENT.matcher(source);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
