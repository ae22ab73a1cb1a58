package io.vertebra.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code java} code blocks of docs/first-app.md applied, in order, to a project {@code vertebra new} wrote, so a
 * test can compile the result. A block is one of:
 * <ul>
 *   <li>a whole file: it starts with {@code package}; it goes where its package and first type say (replacing the
 *       file there), under {@code src/test/java} when the type's name ends with {@code Test} or {@code IT};</li>
 *   <li>{@code // In client/ui/View.java, add:} then members, inserted before the class's last brace;</li>
 *   <li>{@code // In client/ui/View.java, replace name():} then one member that replaces the member declared with
 *       {@code name(} (up to its closing brace).</li>
 * </ul>
 * In the last two, leading {@code import} lines go to the file's imports. Paths are relative to the package folder.
 */
final class TutorialSnippets {

  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EDIT = Pattern.compile("// In (\\S+\\.java), (add|replace (\\w+)\\(\\)):\\n");
  private static final Pattern TYPE = Pattern.compile(
      "(?m)^(?:public |final |abstract )*(?:class|interface|record|enum) (\\w+)");

  private TutorialSnippets() {}

  /** The code blocks of {@code markdown}, in order. */
  static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** Applies {@code block} to the project in {@code dir} whose package folder is {@code packagePath}. */
  static void apply(String block, Path dir, String packagePath) throws IOException {
    if (block.startsWith("package ")) {
      String pkg = block.substring("package ".length(), block.indexOf(';')).trim();
      Matcher type = TYPE.matcher(block);
      if (!type.find()) {
        throw new IllegalArgumentException("No type declared in:\n" + block);
      }
      String relative = pkg.replace('.', '/') + "/" + type.group(1) + ".java";
      boolean isTest = type.group(1).endsWith("Test") || type.group(1).endsWith("IT");
      Path target = dir.resolve(isTest ? "src/test/java" : "src/main/java").resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(target, block);
      return;
    }
    Matcher edit = EDIT.matcher(block);
    if (!edit.lookingAt()) {
      throw new IllegalArgumentException("A java block is a whole file or starts with '// In PATH, add:' or"
          + " '// In PATH, replace name():'\n" + block);
    }
    Path file = dir.resolve("src/main/java").resolve(packagePath).resolve(edit.group(1));
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("No file " + file + " to edit");
    }
    List<String> imports = new ArrayList<>();
    StringBuilder members = new StringBuilder();
    for (String line : block.substring(edit.end()).split("\n", -1)) {
      if (line.startsWith("import ") && members.toString().isBlank()) {
        imports.add(line);
      } else {
        members.append(line).append('\n');
      }
    }
    String source = Files.readString(file);
    source = edit.group(3) == null ? add(source, members.toString()) : replace(source, edit.group(3),
        members.toString().strip() + "\n");
    Files.writeString(file, withImports(source, imports));
  }

  private static String add(String source, String members) {
    int end = source.lastIndexOf('}');
    return source.substring(0, end).stripTrailing() + "\n\n" + members.stripTrailing() + "\n}\n";
  }

  /** Replaces the member whose declaration (at two spaces' indentation) has {@code name(}, with its comment. */
  private static String replace(String source, String name, String member) {
    Matcher declaration = Pattern.compile("(?m)^  (?! )[^\\n;]*\\b" + name + "\\(").matcher(source);
    if (!declaration.find()) {
      throw new IllegalArgumentException("No member " + name + "() to replace");
    }
    int start = declaration.start();
    int open = source.indexOf('{', declaration.end());
    int depth = 0;
    int end = open;
    do {
      char c = source.charAt(end++);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    } while (depth > 0);
    // the member's annotations and Javadoc just above it go too
    int before = start;
    while (true) {
      int lineStart = source.lastIndexOf('\n', before - 2) + 1;
      String line = source.substring(lineStart, before).strip();
      if (line.startsWith("@") || line.startsWith("/**") || line.startsWith("*")) {
        before = lineStart;
      } else {
        break;
      }
    }
    return source.substring(0, before) + indent(member) + source.substring(end).replaceFirst("^\\n", "");
  }

  private static String indent(String member) {
    return member.endsWith("\n") ? member : member + "\n";
  }

  private static String withImports(String source, List<String> imports) {
    int afterPackage = source.indexOf('\n', source.indexOf("package ")) + 1;
    StringBuilder added = new StringBuilder();
    for (String line : imports) {
      if (!source.contains(line + "\n")) {
        added.append(line).append('\n');
      }
    }
    return source.substring(0, afterPackage) + (added.length() > 0 ? "\n" + added : "")
        + source.substring(afterPackage);
  }
}
