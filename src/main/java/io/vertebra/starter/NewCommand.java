package io.vertebra.starter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code java -jar vertebra.jar new DIR --package com.example.notes}: writes a new project into {@code DIR} that
 * depends on this Vertebra's framework and server kit (the version of the running jar), with a sample app. Refuses,
 * with a message and exit status 2, a folder that exists and is not empty, a missing or invalid package, and
 * unknown options; writes nothing then.
 */
public final class NewCommand {

  /** The exit status of a refused command line. */
  public static final int USAGE = 2;

  private NewCommand() {}

  /** Runs the command on {@code args} (what follows {@code new}); returns the process exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String dir = null;
    String packageName = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--package") && i + 1 < args.length) {
        packageName = args[++i];
      } else if (arg.startsWith("--package=")) {
        packageName = arg.substring("--package=".length());
      } else if (arg.startsWith("-")) {
        return refuse(err, "Unknown option '" + arg + "'");
      } else if (dir == null) {
        dir = arg;
      } else {
        return refuse(err, "One folder only; got '" + dir + "' and '" + arg + "'");
      }
    }
    if (dir == null) {
      return refuse(err, "Name the folder to create");
    }
    ProjectSpec spec;
    try {
      spec = ProjectSpec.of(Path.of(dir).toAbsolutePath().normalize(), packageName, "unknown");
      requireEmpty(spec.dir());
    } catch (IllegalArgumentException e) {
      return refuse(err, e.getMessage());
    }
    String version = runningVersion();
    if (version == null || !ProjectWriter.hasPusherJs()) {
      return refuse(err, "Run 'new' from the built jar (mvn package, then java -jar target/vertebra.jar new ...):"
          + " it takes this Vertebra's version and pusher-js from there");
    }
    spec = ProjectSpec.of(spec.dir(), packageName, version);
    try {
      ProjectWriter.write(spec);
      ProjectWriter.copyPusherJs(spec.dir());
    } catch (IOException e) {
      err.println("vertebra new: could not write " + spec.dir() + ": " + e.getMessage());
      return 1;
    }
    out.println("Created " + spec.appName() + " (package " + spec.packageName() + ", Vertebra " + version + ") in "
        + spec.dir());
    out.println("Next: cd " + dir + " && mvn -q package -DskipTests && java -jar target/" + spec.appName()
        + ".jar   (README.md; tutorial: docs/first-app.md in Vertebra)");
    return 0;
  }

  /** Prints the usage line to {@code err}. */
  public static void usage(PrintStream err) {
    err.println("  new DIR --package com.example.notes   write a new project into DIR (docs/first-app.md)");
  }

  private static void requireEmpty(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " exists and is not a folder");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " exists and is not empty; choose a new folder");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(dir + " cannot be read: " + e.getMessage());
      }
    }
  }

  /** The version Maven wrote into the jar it built (null when running from classes, e.g. in an IDE). */
  static String runningVersion() {
    try (InputStream in = NewCommand.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/io.vertebra/vertebra/pom.properties")) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  private static int refuse(PrintStream err, String message) {
    err.println("vertebra new: " + message);
    err.println("usage: java -jar vertebra.jar new DIR --package com.example.notes");
    return USAGE;
  }
}
