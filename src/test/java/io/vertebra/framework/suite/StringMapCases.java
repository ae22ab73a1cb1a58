package io.vertebra.framework.suite;

import io.vertebra.framework.core.StringMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of cases for {@link StringMap}, run on the JVM by StringMapCasesTest (the LinkedHashMap edition) and
 * compiled to JavaScript by the browser suite (the edition over the browser's Map, GWT super-source): each case does
 * the same steps to a StringMap and to a LinkedHashMap and compares what they answer.
 */
public final class StringMapCases {

  private final List<String> failures = new ArrayList<>();

  private StringMapCases() {
  }

  /** Runs every case with this platform's StringMap; the descriptions of those that failed (empty: all passed). */
  public static List<String> failures() {
    StringMapCases cases = new StringMapCases();
    cases.readsAndWrites(new StringMap<>(), new LinkedHashMap<>());
    cases.order(new StringMap<>(), new LinkedHashMap<>());
    cases.views(new StringMap<>(), new LinkedHashMap<>());
    cases.copies();
    return cases.failures;
  }

  private void readsAndWrites(Map<String, Object> map, Map<String, Object> reference) {
    for (Map<String, Object> each : List.of(map, reference)) {
      // Keys that are properties of every JavaScript object must be plain keys here.
      each.put("__proto__", "p");
      each.put("constructor", null);
      each.put("toString", 1.5);
      each.put(null, "null key");
      each.put("", true);
    }
    same("put of an existing key answers the old value", reference.put("toString", 2.0), map.put("toString", 2.0));
    same("put of a new key answers null", reference.put("new", "n"), map.put("new", "n"));
    for (String key : new String[] {"__proto__", "constructor", "toString", null, "", "new", "missing"}) {
      same("get(" + key + ")", reference.get(key), map.get(key));
      same("containsKey(" + key + ")", reference.containsKey(key), map.containsKey(key));
    }
    same("get of a non-string key", reference.get(2.0), map.get(2.0));
    same("containsValue(null)", reference.containsValue(null), map.containsValue(null));
    same("containsValue(2.0)", reference.containsValue(2.0), map.containsValue(2.0));
    same("getOrDefault of a null value", reference.getOrDefault("constructor", "d"),
        map.getOrDefault("constructor", "d"));
    same("putIfAbsent", reference.putIfAbsent("new", "x"), map.putIfAbsent("new", "x"));
    same("remove answers the value", reference.remove("__proto__"), map.remove("__proto__"));
    same("remove of a missing key", reference.remove("__proto__"), map.remove("__proto__"));
    same("size", reference.size(), map.size());
    same("equals a LinkedHashMap", true, map.equals(reference) && reference.equals(map));
    same("hashCode", reference.hashCode(), map.hashCode());
    same("toString", reference.toString(), map.toString());
    map.clear();
    same("clear empties", true, map.isEmpty() && map.size() == 0 && !map.containsKey("toString"));
  }

  private void order(Map<String, Object> map, Map<String, Object> reference) {
    for (Map<String, Object> each : List.of(map, reference)) {
      each.put("z", 1.0);
      each.put("a", 2.0);
      each.put("10", 3.0);
      each.put("m", 4.0);
      each.put("a", 5.0); // an existing key keeps its place
      each.remove("z");
      each.put("z", 6.0); // a removed key comes back last
      each.put("1", 7.0); // integer-like keys stay in insertion order (a JavaScript object would sort them first)
    }
    same("key order", new ArrayList<>(reference.keySet()), new ArrayList<>(map.keySet()));
    same("value order", new ArrayList<>(reference.values()), new ArrayList<>(map.values()));
  }

  private void views(Map<String, Object> map, Map<String, Object> reference) {
    for (Map<String, Object> each : List.of(map, reference)) {
      each.put("a", 1.0);
      each.put("b", 2.0);
      each.put("c", 3.0);
      each.put("d", 4.0);
      for (Map.Entry<String, Object> entry : each.entrySet()) {
        if (entry.getKey().equals("b")) {
          entry.setValue(20.0); // writes through
        }
      }
      Iterator<Map.Entry<String, Object>> entries = each.entrySet().iterator();
      try {
        entries.remove();
        failures.add("iterator remove() before next() did not throw");
      } catch (IllegalStateException expected) {
        // as LinkedHashMap's
      }
      entries.next();
      entries.remove(); // "a"
      each.keySet().remove("c");
      each.values().remove(4.0);
    }
    same("after view writes", reference.toString(), map.toString());
    same("entry equals a LinkedHashMap entry", reference.entrySet().iterator().next(),
        map.entrySet().iterator().next());
  }

  private void copies() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("y", 1.0);
    source.put("x", null);
    Map<String, Object> copy = new StringMap<>(source);
    same("copy keeps order and nulls", source.toString(), copy.toString());
    copy.put("w", 2.0);
    same("a copy is independent", 2, source.size());
  }

  private void same(String what, Object expected, Object actual) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      failures.add(what + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }
}
