package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Literals for tests: JavaScript's {@code {a: 1}} is {@code attrs("a", 1)}, {@code [1, 2]} is {@code list(1, 2)}. */
final class TestSupport {

  private TestSupport() {
  }

  /** An ordered, mutable map from alternating keys and values. */
  static Map<String, Object> attrs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** A mutable list. */
  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** Options from alternating keys and values. */
  static Options opts(Object... pairs) {
    Options options = new Options();
    for (int i = 0; i < pairs.length; i += 2) {
      options.set((String) pairs[i], pairs[i + 1]);
    }
    return options;
  }

  /** A model whose sync adds an option before delegating, as Backbone's SpecialSyncModel does. */
  static class SpecialSyncModel extends Model {
    SpecialSyncModel(Map<String, Object> attrs, Options options) {
      super(attrs, options);
      setUrlRoot("/test");
    }

    @Override
    public void sync(String method, Options options) {
      options.set("specialSync", true);
      super.sync(method, options);
    }
  }

  /** A model whose validate hook is a function, for tests that swap validation in and out. */
  static class ValidatedModel extends Model {
    java.util.function.BiFunction<Map<String, Object>, Options, Object> validator;

    ValidatedModel(Map<String, ?> attrs) {
      super(attrs);
    }

    @Override
    protected Object validate(Map<String, Object> attrs, Options options) {
      return validator == null ? null : validator.apply(attrs, options);
    }
  }
}
