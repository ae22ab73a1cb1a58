package io.vertebra.kit.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4 for tests: it rejects what a Prometheus server would (a
 * sample before its family's TYPE, a family typed twice, a malformed line or label, an unknown escape) and what
 * our conventions forbid (a counter not named {@code *_total}, a sample without HELP), then answers look-ups.
 */
public final class Exposition {

  private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
      + "(counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, String> types = new LinkedHashMap<>();
  private final Map<String, String> helps = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private Exposition() {}

  /** Parses {@code text}; throws an AssertionError naming the first offending line. */
  public static Exposition parse(String text) {
    Exposition e = new Exposition();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new AssertionError("exposition must end with a line feed");
    }
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      try {
        e.line(lines[i]);
      } catch (RuntimeException | AssertionError problem) {
        throw new AssertionError("line " + (i + 1) + " '" + lines[i] + "': " + problem.getMessage(), problem);
      }
    }
    return e;
  }

  /** The declared type of {@code family}, or null. */
  public String type(String family) {
    return types.get(family);
  }

  /** All samples. */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * The value of the sample {@code name} with these labels (name/value pairs): the one with exactly these, else the
   * only one that has these among others (a single app's series carry an {@code app} label too); fails when absent
   * or ambiguous.
   */
  public double value(String name, String... labels) {
    Double value = valueOrNull(name, labels);
    if (value == null) {
      throw new AssertionError("no sample " + name + " " + List.of(labels));
    }
    return value;
  }

  /** Like {@link #value} but 0 when the sample is absent (a counter never incremented is not listed). */
  public double valueOrZero(String name, String... labels) {
    Double value = valueOrNull(name, labels);
    return value == null ? 0 : value;
  }

  private Double valueOrNull(String name, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    Sample within = null;
    for (Sample s : samples) {
      if (s.name().equals(name) && s.labels().equals(wanted)) {
        return s.value();
      }
      if (s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet())) {
        if (within != null) {
          throw new AssertionError("several samples " + name + " have " + wanted + ": " + within.labels()
              + " and " + s.labels());
        }
        within = s;
      }
    }
    return within == null ? null : within.value();
  }

  private void line(String line) {
    if (line.isEmpty()) {
      return;
    }
    Matcher m;
    if ((m = HELP.matcher(line)).matches()) {
      if (helps.put(m.group(1), unescape(m.group(2), false)) != null) {
        throw new AssertionError("HELP given twice");
      }
      if (types.containsKey(m.group(1))) {
        throw new AssertionError("HELP after TYPE");
      }
    } else if ((m = TYPE.matcher(line)).matches()) {
      String family = m.group(1);
      if (types.put(family, m.group(2)) != null) {
        throw new AssertionError("family typed twice");
      }
      if (!helps.containsKey(family)) {
        throw new AssertionError("TYPE without HELP");
      }
      if (m.group(2).equals("counter") != family.endsWith("_total")) {
        throw new AssertionError("counters, and only counters, end in _total");
      }
    } else if (line.startsWith("#")) {
      throw new AssertionError("unexpected comment");
    } else if ((m = SAMPLE.matcher(line)).matches()) {
      String name = m.group(1);
      if (!types.containsKey(name)) {
        throw new AssertionError("sample before its family's TYPE");
      }
      if (!samples.isEmpty() && !samples.get(samples.size() - 1).name().equals(name)
          && samples.stream().anyMatch(s -> s.name().equals(name))) {
        throw new AssertionError("samples of one family must be together");
      }
      samples.add(new Sample(name, labels(m.group(2)), value(m.group(3))));
    } else {
      throw new AssertionError("not a HELP, TYPE or sample line");
    }
  }

  private static Map<String, String> labels(String block) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (block == null) {
      return labels;
    }
    String body = block.substring(1, block.length() - 1);
    int i = 0;
    while (i < body.length()) {
      Matcher m = LABEL.matcher(body).region(i, body.length());
      if (!m.lookingAt()) {
        throw new AssertionError("bad label at " + body.substring(i));
      }
      int j = m.end();
      StringBuilder raw = new StringBuilder();
      while (body.charAt(j) != '"') {
        if (body.charAt(j) == '\\') {
          raw.append(body.charAt(j++));
        }
        raw.append(body.charAt(j++));
      }
      if (labels.put(m.group(1), unescape(raw.toString(), true)) != null) {
        throw new AssertionError("label repeated: " + m.group(1));
      }
      i = j + 1;
      if (i < body.length()) {
        if (body.charAt(i) != ',') {
          throw new AssertionError("expected ',' between labels");
        }
        i++;
      }
    }
    return labels;
  }

  private static String unescape(String text, boolean labelValue) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        if (labelValue && c == '"') {
          throw new AssertionError("unescaped quote in a label value");
        }
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case '"' -> {
          if (!labelValue) {
            throw new AssertionError("\\\" is not an escape in HELP text");
          }
          out.append('"');
        }
        default -> throw new AssertionError("unknown escape \\" + next);
      }
    }
    return out.toString();
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
