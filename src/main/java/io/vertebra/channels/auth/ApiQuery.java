package io.vertebra.channels.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query of one HTTP API request, parsed once into the canonical form the signature covers: lower-case names
 * (Pusher signs lower-cased keys), decoded values, one value per name, sorted. The signature check, the timestamp
 * and body checks and the API handlers all read this same object, so none of them can see a different value
 * than the one that was signed. A name given twice, in any letter case, makes the query ambiguous and is refused.
 */
public final class ApiQuery {

  private final Map<String, String> values;

  private ApiQuery(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Parses a raw (still percent-encoded) query string; null or empty is an empty query.
   *
   * @throws IllegalArgumentException naming the problem: a repeated name (in any case) or malformed encoding
   */
  public static ApiQuery parse(String raw) {
    Map<String, String> values = new TreeMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          put(values, decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    return new ApiQuery(values);
  }

  /**
   * The canonical query of decoded {@code name -> value} pairs, as a client builds it before signing.
   *
   * @throws IllegalArgumentException when two names differ only in letter case
   */
  public static ApiQuery of(Map<String, String> decoded) {
    Map<String, String> values = new TreeMap<>();
    decoded.forEach((name, value) -> put(values, name, value));
    return new ApiQuery(values);
  }

  private static void put(Map<String, String> values, String name, String value) {
    if (values.put(name.toLowerCase(Locale.ROOT), value) != null) {
      throw new IllegalArgumentException("Query parameter '" + name + "' is given more than once"
          + " (names are compared ignoring letter case)");
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Malformed percent-encoding in the URL");
    }
  }

  /** The value of {@code name} (lower case), or null when absent. */
  public String get(String name) {
    return values.get(name);
  }

  /** Whether {@code name} (lower case) is present. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** All parameters, lower-case names in sorted order. */
  public Map<String, String> values() {
    return values;
  }
}
