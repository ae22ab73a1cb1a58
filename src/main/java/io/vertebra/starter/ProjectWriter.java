package io.vertebra.starter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a project from the template tree {@value #TEMPLATES} (on the class path: a folder in development, a jar
 * entry in {@code vertebra.jar}). In paths and contents, {@code __PACKAGE__}, {@code __PACKAGE_PATH__},
 * {@code __APP__}, {@code __TITLE__} and {@code __VERTEBRA_VERSION__} become the spec's values; a path part that
 * starts with {@code _} starts with a dot instead ({@code _gitignore} is {@code .gitignore}: build tools skip dot
 * files among resources). The browser's pusher-js is copied from the web app this jar serves ({@link #copyPusherJs}).
 */
final class ProjectWriter {

  static final String TEMPLATES = "io/vertebra/starter/project";
  /** pusher-js as the build placed it among the runnable jar's web app files. */
  static final String PUSHER_JS = "webapp/vendor/pusher.min.js";

  private ProjectWriter() {}

  /**
   * Writes every template into {@code spec.dir()} (which must not exist or be empty); returns the paths written.
   * pusher-js is copied separately ({@link #copyPusherJs}).
   */
  static List<Path> write(ProjectSpec spec) throws IOException {
    Map<String, String> values = Map.of("__PACKAGE_PATH__", spec.packagePath(), "__PACKAGE__", spec.packageName(),
        "__APP__", spec.appName(), "__TITLE__", spec.title(), "__VERTEBRA_VERSION__", spec.vertebraVersion());
    List<Path> written = new ArrayList<>();
    URI root = templateRoot();
    try (FileSystem jar = "jar".equals(root.getScheme()) ? FileSystems.newFileSystem(root, Map.of()) : null) {
      Path base = jar != null ? jar.getPath(TEMPLATES) : Path.of(root);
      List<Path> templates;
      try (Stream<Path> files = Files.walk(base)) {
        templates = files.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path template : templates) {
        Path target = spec.dir().resolve(targetPath(base.relativize(template).toString(), values));
        Files.createDirectories(target.getParent());
        Files.writeString(target, replace(Files.readString(template, StandardCharsets.UTF_8), values));
        if (target.getParent().getFileName().toString().equals(".ci") || target.toString().endsWith(".sh")) {
          executable(target);
        }
        written.add(target);
      }
    }
    return written;
  }

  /** A template's path in the new project. */
  static String targetPath(String templatePath, Map<String, String> values) {
    List<String> parts = new ArrayList<>();
    for (String part : templatePath.replace('\\', '/').split("/")) {
      parts.add(part.startsWith("_") && !part.startsWith("__") ? "." + part.substring(1) : part);
    }
    return replace(String.join("/", parts), values);
  }

  static String replace(String text, Map<String, String> values) {
    String result = text;
    // __PACKAGE_PATH__ before __PACKAGE__, which is its prefix
    for (String key : List.of("__PACKAGE_PATH__", "__PACKAGE__", "__APP__", "__TITLE__", "__VERTEBRA_VERSION__")) {
      result = result.replace(key, values.get(key));
    }
    return result;
  }

  private static URI templateRoot() throws IOException {
    URL marker = ProjectWriter.class.getClassLoader().getResource(TEMPLATES + "/pom.xml");
    if (marker == null) {
      throw new IOException("The project templates (" + TEMPLATES + ") are not on the class path");
    }
    try {
      String uri = marker.toURI().toString();
      return URI.create(uri.substring(0, uri.length() - "/pom.xml".length()));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** Whether this build holds pusher-js (the runnable jar does; classes before {@code package} do not). */
  static boolean hasPusherJs() {
    return ProjectWriter.class.getClassLoader().getResource(PUSHER_JS) != null;
  }

  /** Copies pusher-js into the project's {@code war/vendor/}. */
  static Path copyPusherJs(Path dir) throws IOException {
    Path target = dir.resolve("war/vendor/pusher.min.js");
    try (InputStream in = ProjectWriter.class.getClassLoader().getResourceAsStream(PUSHER_JS)) {
      if (in == null) {
        throw new IOException("pusher-js (" + PUSHER_JS + ") is not in this build: run 'mvn package' first");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
    }
    return target;
  }

  private static void executable(Path file) throws IOException {
    try {
      var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
      permissions.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE));
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): scripts run through sh there anyway
    }
  }
}
