package io.vertebra.framework.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Comparisons and conversions of JSON-like attribute values, shared by Model and Collection. */
public final class Values {

  private Values() {
  }

  /**
   * Deep equality as {@code _.isEqual} sees JSON values: numbers compare by value whatever their Java type
   * ({@code 1} equals {@code 1.0}), maps and lists compare element by element, anything else by {@code equals}.
   */
  public static boolean isEqual(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof Map && b instanceof Map) {
      return mapsEqual((Map<?, ?>) a, (Map<?, ?>) b);
    }
    if (a instanceof List && b instanceof List) {
      return listsEqual((List<?>) a, (List<?>) b);
    }
    return a.equals(b);
  }

  /**
   * JavaScript's {@code ===} on JSON values: numbers by value whatever their Java type (NaN equals nothing), text
   * and booleans by value, anything else (maps, lists, models) only when it is the very same object.
   */
  public static boolean isSame(Object a, Object b) {
    if (a == b) {
      return !(a instanceof Double && ((Double) a).isNaN());
    }
    if (a instanceof Number && b instanceof Number) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    return (a instanceof String || a instanceof Boolean) && a.equals(b);
  }

  /** Whether JavaScript would treat the value as true: not null, false, 0, NaN or "". */
  public static boolean isTruthy(Object value) {
    if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
      return false;
    }
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    return true;
  }

  /** The error of a typed getter that met a value of another type. */
  static IllegalStateException wrongType(String attr, Object value, String what) {
    return new IllegalStateException("Attribute '" + attr + "' is " + Json.typeName(value) + ", not " + what);
  }

  private static boolean mapsEqual(Map<?, ?> a, Map<?, ?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<?, ?> e : a.entrySet()) {
      if (!b.containsKey(e.getKey()) || !isEqual(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean listsEqual(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<?> ia = a.iterator();
    Iterator<?> ib = b.iterator();
    while (ia.hasNext()) {
      if (!isEqual(ia.next(), ib.next())) {
        return false;
      }
    }
    return true;
  }

  /** The text form of a value as JavaScript prints it: integral numbers without ".0", null as "". */
  public static String asText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return Json.formatNumber((Number) value);
    }
    return value.toString();
  }

  /** HTML-escapes {@code & < > " ' `} as {@code _.escape} does; null becomes "". */
  public static String escapeHtml(Object value) {
    String text = asText(value);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '`' -> out.append("&#x60;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Orders two attribute values for sorting: nulls last, numbers by value, strings and others naturally. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof Number && b instanceof Number) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Comparable && a.getClass() == b.getClass()) {
      return ((Comparable) a).compareTo(b);
    }
    return asText(a).compareTo(asText(b));
  }
}
