package io.vertebra.framework.core;

import static io.vertebra.framework.core.TestSupport.attrs;
import static io.vertebra.framework.core.TestSupport.list;
import static io.vertebra.framework.core.TestSupport.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertebra.framework.core.TestSupport.SpecialSyncModel;
import io.vertebra.framework.core.TestSupport.ValidatedModel;
import io.vertebra.framework.sync.RecordingSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backbone 1.6.1 test/model.js, ported. */
class ModelTest extends SyncedTest {

  private Model doc;
  private Collection<Model> collection;

  @BeforeEach
  void setUp() {
    doc = new Model(attrs("id", "1-the-tempest", "title", "The Tempest", "author", "Bill Shakespeare",
        "length", 123));
    collection = new Collection<Model>().setUrl("/collection");
    collection.add(doc);
  }

  @Test
  @DisplayName("initialize")
  void initialize() {
    Object[] seen = new Object[2];
    Model model = new Model(attrs(), opts("collection", collection)) {
      @Override
      protected void initialize(Map<String, ?> attributes, Options options) {
        seen[0] = 1;
        seen[1] = getCollection();
      }
    };
    assertEquals(1, seen[0]);
    assertSame(collection, seen[1]);
    assertSame(collection, model.getCollection());
  }

  @Test
  @DisplayName("Object.prototype properties are overridden by attributes")
  void objectPrototypeProperties() {
    assertEquals(true, new Model(attrs("hasOwnProperty", true)).get("hasOwnProperty"));
  }

  @Test
  @DisplayName("initialize with attributes and options")
  void initializeWithAttributesAndOptions() {
    Object[] one = new Object[1];
    new Model(attrs(), opts("one", 1)) {
      @Override
      protected void initialize(Map<String, ?> attributes, Options options) {
        one[0] = options.get("one");
      }
    };
    assertEquals(1, one[0]);
  }

  @Test
  @DisplayName("initialize with parsed attributes")
  void initializeWithParsedAttributes() {
    Model model = new Model(attrs("value", 1), new Options().parse(true)) {
      @Override
      public Map<String, Object> parse(Object response, Options options) {
        Map<String, Object> attrs = super.parse(response, options);
        attrs.put("value", (Integer) attrs.get("value") + 1);
        return attrs;
      }
    };
    assertEquals(2, model.get("value"));
  }

  @Test
  @DisplayName("preinitialize")
  void preinitialize() {
    Object[] one = new Object[1];
    Model model = new Model(attrs(), opts("collection", collection)) {
      @Override
      protected void preinitialize(Map<String, ?> attributes, Options options) {
        one[0] = 1;
      }
    };
    assertEquals(1, one[0]);
    assertSame(collection, model.getCollection());
  }

  @Test
  @DisplayName("preinitialize occurs before the model is set up")
  void preinitializeBeforeSetUp() {
    Model model = new Model(attrs("id", "foo"), opts("collection", collection)) {
      @Override
      protected void preinitialize(Map<String, ?> attributes, Options options) {
        assertNull(getCollection());
        assertNull(getCid());
        assertNull(getId());
      }
    };
    assertSame(collection, model.getCollection());
    assertEquals("foo", model.getId());
    assertNotNull(model.getCid());
  }

  @Test
  @DisplayName("parse can return null")
  void parseCanReturnNull() {
    Model model = new Model(attrs("value", 1), new Options().parse(true)) {
      @Override
      public Map<String, Object> parse(Object response, Options options) {
        return null;
      }
    };
    assertEquals("{}", Json.stringify(model.toJSON()));
  }

  @Test
  @DisplayName("url")
  void url() {
    assertEquals("/collection/1-the-tempest", doc.url());
    collection.setUrl("/collection/");
    assertEquals("/collection/1-the-tempest", doc.url());
    doc.setCollection(null);
    assertThrows(IllegalStateException.class, doc::url);
  }

  @Test
  @DisplayName("url when using urlRoot, and uri encoding")
  void urlRootAndEncoding() {
    Model model = new Model().setUrlRoot("/collection");
    assertEquals("/collection", model.url());
    model.set(attrs("id", "+1+"));
    assertEquals("/collection/%2B1%2B", model.url());
  }

  @Test
  @DisplayName("url when using urlRoot as a function to determine urlRoot at runtime")
  void urlRootAsFunction() {
    Model model = new Model(attrs("parentId", 1)) {
      @Override
      public String urlRoot() {
        return "/nested/" + getString("parentId") + "/collection";
      }
    };
    assertEquals("/nested/1/collection", model.url());
    model.set(attrs("id", 2));
    assertEquals("/nested/1/collection/2", model.url());
  }

  @Test
  @DisplayName("underscore methods")
  void underscoreMethods() {
    Model model = new Model(attrs("foo", "a", "bar", "b", "baz", "c"));
    Model model2 = model.clone();
    assertEquals(list("foo", "bar", "baz"), model.keys());
    assertEquals(list("a", "b", "c"), model.values());
    assertEquals(Map.of("a", "foo", "b", "bar", "c", "baz"), model.invert());
    assertEquals(attrs("foo", "a", "baz", "c"), model.pick("foo", "baz"));
    assertEquals(attrs("baz", "c"), model.omit("foo", "bar"));
    assertEquals(model.getAttributes(), model2.getAttributes());
  }

  @Test
  @DisplayName("clone")
  void cloneModel() {
    Model a = new Model(attrs("foo", 1, "bar", 2, "baz", 3));
    Model b = a.clone();
    assertEquals(1, a.get("foo"));
    assertEquals(2, a.get("bar"));
    assertEquals(3, a.get("baz"));
    assertEquals(a.get("foo"), b.get("foo"));
    assertEquals(a.get("bar"), b.get("bar"));
    assertEquals(a.get("baz"), b.get("baz"));
    a.set(attrs("foo", 100));
    assertEquals(100, a.get("foo"));
    assertEquals(1, b.get("foo"));

    Model foo = new Model(attrs("p", 1));
    Model bar = new Model(attrs("p", 2));
    bar.set(foo.clone().getAttributes(), new Options().unset(true));
    assertEquals(1, foo.get("p"));
    assertNull(bar.get("p"));
  }

  @Test
  @DisplayName("isNew")
  void isNew() {
    assertTrue(new Model(attrs("foo", 1, "bar", 2, "baz", 3)).isNew());
    assertFalse(new Model(attrs("foo", 1, "bar", 2, "baz", 3, "id", -5)).isNew());
    assertFalse(new Model(attrs("foo", 1, "bar", 2, "baz", 3, "id", 0)).isNew());
    assertTrue(new Model().isNew());
    assertFalse(new Model(attrs("id", 2)).isNew());
    assertFalse(new Model(attrs("id", -5)).isNew());
  }

  @Test
  @DisplayName("get")
  void get() {
    assertEquals("The Tempest", doc.get("title"));
    assertEquals("Bill Shakespeare", doc.get("author"));
  }

  @Test
  @DisplayName("escape")
  void escape() {
    assertEquals("The Tempest", doc.escape("title"));
    doc.set(attrs("audience", "Bill & Bob"));
    assertEquals("Bill &amp; Bob", doc.escape("audience"));
    doc.set(attrs("audience", "Tim > Joan"));
    assertEquals("Tim &gt; Joan", doc.escape("audience"));
    doc.set(attrs("audience", 10101));
    assertEquals("10101", doc.escape("audience"));
    doc.unset("audience");
    assertEquals("", doc.escape("audience"));
  }

  @Test
  @DisplayName("has")
  void has() {
    Model model = new Model();
    assertFalse(model.has("name"));
    model.set(attrs("0", 0, "1", 1, "true", true, "false", false, "empty", "", "name", "name", "null", null));
    assertTrue(model.has("0"));
    assertTrue(model.has("1"));
    assertTrue(model.has("true"));
    assertTrue(model.has("false"));
    assertTrue(model.has("empty"));
    assertTrue(model.has("name"));
    model.unset("name");
    assertFalse(model.has("name"));
    assertFalse(model.has("null"));
    assertFalse(model.has("undefined"));
  }

  @Test
  @DisplayName("matches")
  void matches() {
    Model model = new Model();
    assertFalse(model.matches(attrs("name", "Jonas", "cool", true)));
    model.set(attrs("name", "Jonas", "cool", true));
    assertTrue(model.matches(attrs("name", "Jonas")));
    assertTrue(model.matches(attrs("name", "Jonas", "cool", true)));
    assertFalse(model.matches(attrs("name", "Jonas", "cool", false)));
  }

  @Test
  @DisplayName("matches with predicate")
  void matchesWithPredicate() {
    Model model = new Model(attrs("a", 0));
    assertFalse(model.matches(a -> (Integer) a.get("a") > 1 && a.get("b") != null));
    model.set(attrs("a", 3, "b", true));
    assertTrue(model.matches(a -> (Integer) a.get("a") > 1 && a.get("b") != null));
  }

  @Test
  @DisplayName("set and unset")
  void setAndUnset() {
    ValidatedModel a = new ValidatedModel(attrs("id", "id", "foo", 1, "bar", 2, "baz", 3));
    a.on("change:foo", counter);
    a.set(attrs("foo", 2));
    assertEquals(2, a.get("foo"));
    assertEquals(1, count[0]);
    a.set(attrs("foo", 2));
    assertEquals(2, a.get("foo"));
    assertEquals(1, count[0]);
    boolean[] validated = {false};
    a.validator = (attrs, options) -> {
      validated[0] = true;
      assertNull(attrs.get("foo"));
      return null;
    };
    a.unset("foo", new Options().validate(true));
    assertTrue(validated[0]);
    assertNull(a.get("foo"));
    a.validator = null;
    assertEquals(2, count[0]);
    a.unset("id");
    assertNull(a.getId());
  }

  @Test
  @DisplayName("#2030 - set with failed validate, followed by another set triggers change")
  void failedValidateThenSet() {
    int[] attr = {0};
    int[] main = {0};
    int[] error = {0};
    ValidatedModel model = new ValidatedModel(attrs("x", 0));
    model.validator = (attrs, options) -> {
      if ((Integer) attrs.get("x") > 1) {
        error[0]++;
        return "this is an error";
      }
      return null;
    };
    model.on("change:x", args -> attr[0]++);
    model.on("change", args -> main[0]++);
    model.set(attrs("x", 2), new Options().validate(true));
    model.set(attrs("x", 1), new Options().validate(true));
    assertEquals(List.of(1, 1, 1), List.of(attr[0], main[0], error[0]));
  }

  @Test
  @DisplayName("set triggers changes in the correct order")
  void setTriggersInOrder() {
    String[] value = {null};
    Model model = new Model();
    model.on("last", args -> value[0] = "last");
    model.on("first", args -> value[0] = "first");
    model.trigger("first");
    model.trigger("last");
    assertEquals("last", value[0]);
  }

  @Test
  @DisplayName("set falsy values in the correct order")
  void setFalsyValuesInOrder() {
    Model model = new Model(attrs("result", "result"));
    model.on("change", args -> {
      assertNull(model.getChanged().get("result"));
      assertEquals(false, model.previous("result"));
      count[0]++;
    });
    model.set(attrs("result", null), new Options().silent(true));
    model.set(attrs("result", false), new Options().silent(true));
    model.set(attrs("result", null));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("nested set triggers with the correct options")
  void nestedSetOptions() {
    Model model = new Model();
    Options o1 = new Options();
    Options o2 = new Options();
    Options o3 = new Options();
    model.on("change", args -> {
      switch ((Integer) model.get("a")) {
        case 1 -> {
          assertSame(o1, args[1]);
          model.set("a", 2, o2);
        }
        case 2 -> {
          assertSame(o2, args[1]);
          model.set("a", 3, o3);
        }
        default -> {
          assertSame(o3, args[1]);
          count[0]++;
        }
      }
    });
    model.set("a", 1, o1);
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("multiple unsets")
  void multipleUnsets() {
    Model model = new Model(attrs("a", 1));
    model.on("change:a", counter);
    model.set(attrs("a", 2));
    model.unset("a");
    model.unset("a");
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("unset and changedAttributes")
  void unsetAndChangedAttributes() {
    Model model = new Model(attrs("a", 1));
    model.on("change", args -> {
      assertTrue(model.changedAttributes().containsKey("a"));
      count[0]++;
    });
    model.unset("a");
    assertEquals(1, count[0]);
  }

  /** A model keyed by "_id", as MongoDB documents are. */
  static class MongoModel extends Model {
    MongoModel(Map<String, ?> attrs) {
      super(attrs);
    }

    @Override
    public String idAttribute() {
      return "_id";
    }
  }

  @Test
  @DisplayName("using a non-default id attribute.")
  void nonDefaultIdAttribute() {
    Model model = new MongoModel(attrs("id", "eye-dee", "_id", 25, "title", "Model"));
    assertEquals("eye-dee", model.get("id"));
    assertEquals(25, model.getId());
    assertFalse(model.isNew());
    model.unset("_id");
    assertNull(model.getId());
    assertTrue(model.isNew());
  }

  /** A model whose client ids start with "m". */
  static class PrefixedModel extends Model {
    PrefixedModel(Map<String, Object> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    protected String cidPrefix() {
      return "m";
    }
  }

  @Test
  @DisplayName("setting an alternative cid prefix")
  void alternativeCidPrefix() {
    assertEquals('m', new PrefixedModel(null, null).getCid().charAt(0));
    assertEquals('c', new Model().getCid().charAt(0));
    Collection<PrefixedModel> col = new Collection<>(PrefixedModel::new,
        list(attrs("id", "c5"), attrs("id", "c6"), attrs("id", "c7")), null);
    assertEquals('m', col.get("c6").getCid().charAt(0));
    col.set(list(attrs("id", "c6", "value", "test")), new Options().merge(true).add(true).remove(false));
    assertTrue(col.get("c6").has("value"));
  }

  @Test
  @DisplayName("set an empty string")
  void setEmptyString() {
    Model model = new Model(attrs("name", "Model"));
    model.set(attrs("name", ""));
    assertEquals("", model.get("name"));
  }

  @Test
  @DisplayName("setting an object")
  void settingAnObject() {
    Model model = new Model(attrs("custom", attrs("foo", 1)));
    model.on("change", counter);
    model.set(attrs("custom", attrs("foo", 1)));
    assertEquals(0, count[0]);
    model.set(attrs("custom", attrs("foo", 2)));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("clear")
  void clear() {
    boolean[] changed = {false};
    Model model = new Model(attrs("id", 1, "name", "Model"));
    model.on("change:name", args -> changed[0] = true);
    model.on("change", args -> {
      assertTrue(model.changedAttributes().containsKey("name"));
      count[0]++;
    });
    model.clear();
    assertTrue(changed[0]);
    assertEquals(1, count[0]);
    assertNull(model.get("name"));
  }

  /** A model with defaults one=1, two=2. */
  static class Defaulted extends Model {
    Defaulted(Map<String, ?> attrs) {
      super(attrs);
    }

    @Override
    protected Map<String, ?> defaults() {
      return attrs("one", 1, "two", 2);
    }
  }

  @Test
  @DisplayName("defaults")
  void defaults() {
    // Java has no undefined: an absent key takes the default, an explicit null is kept (as JS null is).
    Model model = new Defaulted(attrs());
    assertEquals(1, model.get("one"));
    assertEquals(2, model.get("two"));
    model = new Defaulted(attrs("two", 3));
    assertEquals(1, model.get("one"));
    assertEquals(3, model.get("two"));
    model = new Model() {
      @Override
      protected Map<String, ?> defaults() {
        return attrs("hasOwnProperty", true);
      }
    };
    assertEquals(true, model.get("hasOwnProperty"));
    model = new Model(attrs("hasOwnProperty", false)) {
      @Override
      protected Map<String, ?> defaults() {
        return attrs("hasOwnProperty", true);
      }
    };
    assertEquals(false, model.get("hasOwnProperty"));
  }

  @Test
  @DisplayName("change, hasChanged, changedAttributes, previous, previousAttributes")
  void changeHasChangedPrevious() {
    Model model = new Model(attrs("name", "Tim", "age", 10));
    assertNull(model.changedAttributes());
    model.on("change", args -> {
      assertTrue(model.hasChanged("name"));
      assertFalse(model.hasChanged("age"));
      assertEquals(attrs("name", "Rob"), model.changedAttributes());
      assertEquals("Tim", model.previous("name"));
      assertEquals(attrs("name", "Tim", "age", 10), model.previousAttributes());
      count[0]++;
    });
    assertFalse(model.hasChanged());
    assertFalse(model.hasChanged(null));
    model.set(attrs("name", "Rob"));
    assertEquals("Rob", model.get("name"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("changedAttributes")
  void changedAttributes() {
    Model model = new Model(attrs("a", "a", "b", "b"));
    assertNull(model.changedAttributes());
    assertNull(model.changedAttributes(attrs("a", "a")));
    assertEquals("b", model.changedAttributes(attrs("a", "b")).get("a"));
  }

  @Test
  @DisplayName("change with options")
  void changeWithOptions() {
    String[] value = {null};
    Model model = new Model(attrs("name", "Rob"));
    model.on("change", args -> value[0] = ((Options) args[1]).get("prefix") + ((Model) args[0]).getString("name"));
    model.set(attrs("name", "Bob"), opts("prefix", "Mr. "));
    assertEquals("Mr. Bob", value[0]);
    model.set(attrs("name", "Sue"), opts("prefix", "Ms. "));
    assertEquals("Ms. Sue", value[0]);
  }

  @Test
  @DisplayName("change after initialize")
  void changeAfterInitialize() {
    Map<String, Object> attrs = attrs("id", 1, "label", "c");
    Model obj = new Model(attrs);
    obj.on("change", counter);
    obj.set(attrs);
    assertEquals(0, count[0]);
  }

  @Test
  @DisplayName("save within change event")
  void saveWithinChangeEvent() {
    Model model = new Model(attrs("firstName", "Taylor", "lastName", "Swift")).setUrl("/test");
    model.on("change", args -> {
      model.save();
      assertSame(model, env.target());
      count[0]++;
    });
    model.set(attrs("lastName", "Hicks"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("validate after save")
  void validateAfterSave() {
    Object[] lastError = {null};
    ValidatedModel model = new ValidatedModel(null);
    model.validator = (attrs, options) -> Boolean.TRUE.equals(attrs.get("admin")) ? "Can't change admin status." : null;
    model.setSync(RecordingSync.succeeding(attrs("admin", true)));
    model.on("invalid", args -> lastError[0] = args[1]);
    model.save();
    assertEquals("Can't change admin status.", lastError[0]);
    assertEquals("Can't change admin status.", model.getValidationError());
  }

  @Test
  @DisplayName("save")
  void save() {
    doc.save(attrs("title", "Henry V"));
    assertEquals("update", env.method());
    assertSame(doc, env.target());
  }

  @Test
  @DisplayName("save, fetch, destroy triggers error event when an error occurs")
  void saveFetchDestroyError() {
    Model model = new Model();
    model.on("error", counter);
    model.setSync(RecordingSync.failing());
    model.save(attrs("data", 2, "id", 1));
    model.fetch();
    model.destroy();
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("#3470 - save and fetch with parse false")
  void saveAndFetchWithParseFalse() {
    int[] i = {0};
    Model model = new Model() {
      @Override
      public Map<String, Object> parse(Object response, Options options) {
        return fail("parse must not be called");
      }
    };
    model.setSync((method, target, options) -> options.getSuccess().call(target, attrs("i", ++i[0]), options));
    model.fetch(new Options().parse(false));
    assertEquals(i[0], model.get("i"));
    model.save(new Options().parse(false));
    assertEquals(i[0], model.get("i"));
  }

  @Test
  @DisplayName("save with PATCH")
  void saveWithPatch() {
    doc.clear();
    doc.set(attrs("id", 1, "a", 1, "b", 2, "c", 3, "d", 4));
    doc.save();
    assertEquals("update", env.method());
    assertNull(env.options().getAttrs());
    doc.save(attrs("b", 2, "d", 4), new Options().patch(true));
    assertEquals("patch", env.method());
    assertEquals(2, env.options().getAttrs().size());
    assertEquals(4, env.options().getAttrs().get("d"));
    assertNull(env.options().getAttrs().get("a"));
    assertEquals("{\"b\":2,\"d\":4}", env.request().body());
  }

  @Test
  @DisplayName("save with PATCH and different attrs")
  void saveWithPatchAndDifferentAttrs() {
    doc.clear();
    doc.save(attrs("b", 2, "d", 4), new Options().patch(true).attrs(attrs("B", 1, "D", 3)));
    assertEquals(3, env.options().getAttrs().get("D"));
    assertNull(env.options().getAttrs().get("d"));
    assertEquals("{\"B\":1,\"D\":3}", env.request().body());
    assertEquals(attrs("b", 2, "d", 4), doc.getAttributes());
  }

  @Test
  @DisplayName("save in positional style")
  void saveInPositionalStyle() {
    Model model = new Model();
    model.setSync(RecordingSync.succeeding(null));
    model.save("title", "Twelfth Night");
    assertEquals("Twelfth Night", model.get("title"));
  }

  @Test
  @DisplayName("save with non-object success response")
  void saveWithNonObjectSuccessResponse() {
    Model model = new Model();
    model.setSync((method, target, options) -> options.getSuccess().call(target, null, options));
    model.save(attrs("testing", "empty"), new Options().success((m, resp, o) -> {
      assertEquals(attrs("testing", "empty"), ((Model) m).getAttributes());
      count[0]++;
    }));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("save with wait and supplied id")
  void saveWithWaitAndSuppliedId() {
    Model model = new Model().setUrlRoot("/collection");
    model.save(attrs("id", 42), new Options().waitForServer(true));
    assertEquals("/collection/42", env.request().url());
  }

  private final SyncCallback expectSpecialSync = (m, response, options) -> {
    assertEquals(true, options.get("specialSync"));
    count[0]++;
  };

  @Test
  @DisplayName("save will pass extra options to success callback")
  void saveExtraOptions() {
    new SpecialSyncModel(null, null).save(new Options().success(expectSpecialSync));
    env.transport().respondLast("");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("failing save with wait:true triggers error event (#4262)")
  void failingSaveWithWait() {
    Model model = new Model().setUrlRoot("/test");
    model.on("error", counter);
    model.save(attrs("id", "1"), new Options().waitForServer(true));
    env.transport().last().respond(500, "");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("fetch")
  void fetch() {
    doc.fetch();
    assertEquals("read", env.method());
    assertSame(doc, env.target());
  }

  @Test
  @DisplayName("fetch will pass extra options to success callback")
  void fetchExtraOptions() {
    new SpecialSyncModel(null, null).fetch(new Options().success(expectSpecialSync));
    env.transport().respondLast("");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("destroy")
  void destroy() {
    doc.destroy();
    assertEquals("delete", env.method());
    assertSame(doc, env.target());
    assertNull(new Model().destroy());
  }

  @Test
  @DisplayName("destroy will pass extra options to success callback")
  void destroyExtraOptions() {
    new SpecialSyncModel(attrs("id", "id"), null).destroy(new Options().success(expectSpecialSync));
    env.transport().respondLast("");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("non-persisted destroy")
  void nonPersistedDestroy() {
    Model a = new Model(attrs("foo", 1, "bar", 2, "baz", 3));
    a.setSync((method, target, options) -> fail("should not be called"));
    assertNull(a.destroy());
  }

  @Test
  @DisplayName("validate")
  void validate() {
    Object[] lastError = {null};
    ValidatedModel model = new ValidatedModel(null);
    model.validator = (attrs, options) ->
        Values.isEqual(attrs.get("admin"), model.get("admin")) ? null : "Can't change admin status.";
    model.on("invalid", args -> lastError[0] = args[1]);
    assertTrue(model.set(attrs("a", 100)));
    assertEquals(100, model.get("a"));
    assertNull(lastError[0]);
    model.set(attrs("admin", true));
    assertEquals(true, model.get("admin"));
    boolean result = model.set(attrs("a", 200, "admin", false), new Options().validate(true));
    assertEquals("Can't change admin status.", lastError[0]);
    assertFalse(result);
    assertEquals(100, model.get("a"));
  }

  @Test
  @DisplayName("validate on unset and clear")
  void validateOnUnsetAndClear() {
    boolean[] error = {false};
    ValidatedModel model = new ValidatedModel(attrs("name", "One"));
    model.validator = (attrs, options) -> {
      if (attrs.get("name") == null) {
        error[0] = true;
        return "No thanks.";
      }
      return null;
    };
    model.set(attrs("name", "Two"));
    assertEquals("Two", model.get("name"));
    assertFalse(error[0]);
    model.unset("name", new Options().validate(true));
    assertTrue(error[0]);
    assertEquals("Two", model.get("name"));
    model.clear(new Options().validate(true));
    assertEquals("Two", model.get("name"));
    model.validator = null;
    model.clear();
    assertNull(model.get("name"));
  }

  @Test
  @DisplayName("validate with error callback")
  void validateWithErrorCallback() {
    boolean[] boundError = {false};
    ValidatedModel model = new ValidatedModel(null);
    model.validator = (attrs, options) -> Boolean.TRUE.equals(attrs.get("admin")) ? "Can't change admin status." : null;
    model.on("invalid", args -> boundError[0] = true);
    assertTrue(model.set(attrs("a", 100), new Options().validate(true)));
    assertEquals(100, model.get("a"));
    assertNull(model.getValidationError());
    assertFalse(boundError[0]);
    assertFalse(model.set(attrs("a", 200, "admin", true), new Options().validate(true)));
    assertEquals(100, model.get("a"));
    assertEquals("Can't change admin status.", model.getValidationError());
    assertTrue(boundError[0]);
  }

  /** A model with the default one=1 that runs a check in initialize. */
  private static Model withDefaultOne(Map<String, ?> attrs,
      java.util.function.BiConsumer<Model, Map<String, ?>> onInitialize) {
    return new Model(attrs) {
      @Override
      protected Map<String, ?> defaults() {
        return attrs("one", 1);
      }

      @Override
      protected void initialize(Map<String, ?> attributes, Options options) {
        onInitialize.accept(this, attributes);
      }
    };
  }

  @Test
  @DisplayName("defaults always extend attrs (#459)")
  void defaultsAlwaysExtendAttrs() {
    java.util.function.BiConsumer<Model, Map<String, ?>> check = (model, attributes) -> {
      assertEquals(1, model.getAttributes().get("one"));
      count[0]++;
    };
    withDefaultOne(attrs(), check);
    withDefaultOne(null, check);
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("Nested change events don't clobber previous attributes")
  void nestedChangeEventsKeepPrevious() {
    Model model = new Model();
    model.on("change:state", args -> {
      assertNull(model.previous("state"));
      assertEquals("hello", args[1]);
      model.set(attrs("other", "whatever"));
      count[0]++;
    });
    model.on("change:state", args -> {
      assertNull(model.previous("state"));
      assertEquals("hello", args[1]);
      count[0]++;
    });
    model.set(attrs("state", "hello"));
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("hasChanged/set should use same comparison")
  void hasChangedAndSetSameComparison() {
    // JavaScript sets undefined over null; Java has no undefined, so the attribute is unset instead.
    Model model = new Model(attrs("a", null));
    model.on("change", args -> {
      assertTrue(model.hasChanged("a"));
      count[0]++;
    }).on("change:a", counter);
    model.unset("a");
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("#582, #425, change:attribute callbacks should fire after all changes have occurred")
  void changeAttrAfterAllChanges() {
    Model model = new Model();
    Callback assertion = args -> {
      assertEquals("a", model.get("a"));
      assertEquals("b", model.get("b"));
      assertEquals("c", model.get("c"));
      count[0]++;
    };
    model.on("change:a", assertion);
    model.on("change:b", assertion);
    model.on("change:c", assertion);
    model.set(attrs("a", "a", "b", "b", "c", "c"));
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("#871, set with attributes property")
  void setWithAttributesProperty() {
    Model model = new Model();
    model.set(attrs("attributes", true));
    assertTrue(model.has("attributes"));
  }

  @Test
  @DisplayName("set with the model's own attributes view unsets them all safely")
  void setWithOwnAttributesView() {
    Model model = new Model(attrs("a", 1, "b", 2));
    model.on("change", counter);
    model.set(model.getAttributes(), new Options().unset(true));
    assertEquals(attrs(), model.getAttributes());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("set value regardless of equality/change")
  void setValueRegardless() {
    Model model = new Model(attrs("x", new ArrayList<>()));
    List<Object> a = new ArrayList<>();
    model.set(attrs("x", a));
    assertSame(a, model.get("x"));
  }

  @Test
  @DisplayName("set same value does not trigger change")
  void setSameValueNoChange() {
    Model model = new Model(attrs("x", 1));
    model.on("change change:x", args -> fail("no change expected"));
    model.set(attrs("x", 1));
    model.set(attrs("x", 1));
    assertFalse(model.hasChanged());
  }

  @Test
  @DisplayName("unset does not fire a change for undefined attributes")
  void unsetUndefinedNoChange() {
    Model model = new Model();
    model.on("change:x", args -> fail("no change expected"));
    model.unset("x");
    assertFalse(model.hasChanged());
  }

  @Test
  @DisplayName("set: undefined values")
  void setUndefinedValues() {
    assertTrue(new Model(attrs("x", null)).getAttributes().containsKey("x"));
  }

  @Test
  @DisplayName("hasChanged works outside of change events, and true within")
  void hasChangedOutsideAndWithin() {
    Model model = new Model(attrs("x", 1));
    model.on("change:x", args -> {
      assertTrue(model.hasChanged("x"));
      assertEquals(1, model.get("x"));
      count[0]++;
    });
    model.set(attrs("x", 2), new Options().silent(true));
    assertTrue(model.hasChanged());
    assertTrue(model.hasChanged("x"));
    model.set(attrs("x", 1));
    assertTrue(model.hasChanged());
    assertTrue(model.hasChanged("x"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("hasChanged gets cleared on the following set")
  void hasChangedCleared() {
    Model model = new Model();
    model.set(attrs("x", 1));
    assertTrue(model.hasChanged());
    model.set(attrs("x", 1));
    assertFalse(model.hasChanged());
    model.set(attrs("x", 2));
    assertTrue(model.hasChanged());
    model.set(attrs());
    assertFalse(model.hasChanged());
  }

  @Test
  @DisplayName("save with `wait` succeeds without `validate`")
  void saveWithWaitWithoutValidate() {
    Model model = new Model().setUrl("/test");
    model.save(attrs("x", 1), new Options().waitForServer(true));
    assertSame(model, env.target());
  }

  @Test
  @DisplayName("save without `wait` doesn't set invalid attributes")
  void saveWithoutWaitInvalid() {
    ValidatedModel model = new ValidatedModel(null);
    model.validator = (attrs, options) -> 1;
    model.save(attrs("a", 1));
    assertNull(model.get("a"));
  }

  @Test
  @DisplayName("save doesn't validate twice")
  void saveValidatesOnce() {
    ValidatedModel model = new ValidatedModel(null);
    model.setSync((method, target, options) -> { });
    model.validator = (attrs, options) -> {
      count[0]++;
      return null;
    };
    model.save(attrs());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("`hasChanged` for falsey keys")
  void hasChangedFalseyKeys() {
    Model model = new Model();
    model.set(attrs("x", true), new Options().silent(true));
    assertFalse(model.hasChanged("0"));
    assertFalse(model.hasChanged(""));
  }

  @Test
  @DisplayName("`previous` for falsey keys")
  void previousFalseyKeys() {
    Model model = new Model(attrs("0", true, "", true));
    model.set(attrs("0", false, "", false), new Options().silent(true));
    assertEquals(true, model.previous("0"));
    assertEquals(true, model.previous(""));
  }

  @Test
  @DisplayName("`save` with `wait` sends correct attributes")
  void saveWithWaitSendsCorrectAttributes() {
    Model model = new Model(attrs("x", 1, "y", 2)).setUrl("/test");
    model.on("change:x", counter);
    model.save(attrs("x", 3), new Options().waitForServer(true));
    assertEquals(attrs("x", 3.0, "y", 2.0), Json.parse(env.request().body()));
    assertEquals(1, model.get("x"));
    assertEquals(0, count[0]);
    env.options().getSuccess().call(model, attrs(), env.options());
    assertEquals(3, model.get("x"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("previous values are those before the last round, whatever it added, changed or unset")
  void previousAttributesAfterAddChangeAndUnset() {
    Model model = new Model(attrs("a", 1, "b", 2, "c", 3));
    model.set(attrs("a", 10));
    model.set(attrs("b", 20, "d", 4));
    model.unset("c");
    assertEquals(3, model.previous("c"));
    assertEquals(20, model.previous("b"), "b changed two rounds ago: its previous value is today's");
    assertEquals(attrs("a", 10, "b", 20, "c", 3, "d", 4), model.previousAttributes());
    model.set(attrs("e", 5, "a", 11), new Options().silent(true));
    assertNull(model.previous("e"), "added by the last round: it had no previous value");
    assertEquals(10, model.previous("a"));
    assertEquals(attrs("a", 10, "b", 20, "d", 4), model.previousAttributes());
  }

  @Test
  @DisplayName("a change listener reads the previous values of the round it is called for")
  void previousInsideChangeListener() {
    Model model = new Model(attrs("a", 1, "b", 2));
    Object[] seen = new Object[3];
    model.on("change", args -> {
      seen[0] = model.previous("a");
      seen[1] = model.previous("b");
      seen[2] = model.previousAttributes();
    });
    model.set(attrs("a", 5));
    assertEquals(1, seen[0]);
    assertEquals(2, seen[1]);
    assertEquals(attrs("a", 1, "b", 2), seen[2]);
  }

  @Test
  @DisplayName("while save(wait) sends the proposed attributes, previous() still gives the values before the last round")
  void previousDuringSaveWithWait() {
    Model model = new Model(attrs("x", 1, "y", 2));
    model.set(attrs("y", 3));
    Object[] seen = new Object[2];
    model.setSync((method, target, options) -> {
      seen[0] = model.previous("x");
      seen[1] = model.previousAttributes();
    });
    model.save(attrs("x", 9), new Options().waitForServer(true));
    assertEquals(1, seen[0]);
    assertEquals(attrs("x", 1, "y", 2), seen[1]);
  }

  @Test
  @DisplayName("a failed `save` with `wait` doesn't leave attributes behind")
  void failedSaveWithWaitLeavesNothing() {
    Model model = new Model().setUrl("/test");
    model.save(attrs("x", 1), new Options().waitForServer(true));
    assertNull(model.get("x"));
  }

  @Test
  @DisplayName("#1030 - `save` with `wait` results in correct attributes if success is called during sync")
  void saveWithWaitSuccessDuringSync() {
    Model model = new Model(attrs("x", 1, "y", 2));
    model.setSync(RecordingSync.succeeding(null));
    model.on("change:x", counter);
    model.save(attrs("x", 3), new Options().waitForServer(true));
    assertEquals(3, model.get("x"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("save with wait validates attributes")
  void saveWithWaitValidates() {
    ValidatedModel model = new ValidatedModel(null);
    model.setUrl("/test");
    model.validator = (attrs, options) -> {
      count[0]++;
      return null;
    };
    model.save(attrs("x", 1), new Options().waitForServer(true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("save turns on parse flag")
  void saveTurnsOnParse() {
    Model model = new Model();
    model.setSync((method, target, options) -> {
      assertTrue(options.isParse());
      count[0]++;
    });
    model.save();
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("nested `set` during `'change:attr'`")
  void nestedSetDuringChangeAttr() {
    List<Object> events = new ArrayList<>();
    Model model = new Model();
    model.on("all", args -> events.add(args[0]));
    model.on("change", args -> model.set(attrs("z", true), new Options().silent(true)));
    model.on("change:x", args -> model.set(attrs("y", true)));
    model.set(attrs("x", true));
    assertEquals(list("change:y", "change:x", "change"), events);
    events.clear();
    model.set(attrs("z", true));
    assertEquals(list(), events);
  }

  @Test
  @DisplayName("nested `change` only fires once")
  void nestedChangeOnce() {
    Model model = new Model();
    model.on("change", args -> {
      count[0]++;
      model.set(attrs("x", true));
    });
    model.set(attrs("x", true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("nested `set` during `'change'`")
  void nestedSetDuringChange() {
    Model model = new Model();
    model.on("change", args -> {
      switch (count[0]++) {
        case 0 -> {
          assertEquals(attrs("x", true), model.changedAttributes());
          assertNull(model.previous("x"));
          model.set(attrs("y", true));
        }
        case 1 -> {
          assertEquals(attrs("x", true, "y", true), model.changedAttributes());
          assertNull(model.previous("x"));
          model.set(attrs("z", true));
        }
        case 2 -> {
          assertEquals(attrs("x", true, "y", true, "z", true), model.changedAttributes());
          assertNull(model.previous("y"));
        }
        default -> fail("too many change events");
      }
    });
    model.set(attrs("x", true));
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("nested `change` with silent")
  void nestedChangeWithSilent() {
    Model model = new Model();
    model.on("change:y", args -> fail("silent"));
    model.on("change", args -> {
      switch (count[0]++) {
        case 0 -> {
          assertEquals(attrs("x", true), model.changedAttributes());
          model.set(attrs("y", true), new Options().silent(true));
          model.set(attrs("z", true));
        }
        case 1 -> assertEquals(attrs("x", true, "y", true, "z", true), model.changedAttributes());
        case 2 -> assertEquals(attrs("z", false), model.changedAttributes());
        default -> fail("too many change events");
      }
    });
    model.set(attrs("x", true));
    model.set(attrs("z", false));
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("nested `change:attr` with silent")
  void nestedChangeAttrWithSilent() {
    Model model = new Model();
    model.on("change:y", args -> fail("silent"));
    model.on("change", args -> {
      model.set(attrs("y", true), new Options().silent(true));
      model.set(attrs("z", true));
    });
    model.set(attrs("x", true));
    assertEquals(true, model.get("y"));
  }

  @Test
  @DisplayName("multiple nested changes with silent")
  void multipleNestedChangesWithSilent() {
    Model model = new Model();
    model.on("change:x", args -> {
      model.set(attrs("y", 1), new Options().silent(true));
      model.set(attrs("y", 2));
    });
    model.on("change:y", args -> {
      assertEquals(2, args[1]);
      count[0]++;
    });
    model.set(attrs("x", true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("multiple nested changes with silent")
  void multipleNestedChangesWithSilentValues() {
    List<Object> changes = new ArrayList<>();
    Model model = new Model();
    model.on("change:b", args -> changes.add(args[1]));
    model.on("change", args -> model.set(attrs("b", 1)));
    model.set(attrs("b", 0));
    assertEquals(list(0, 1), changes);
  }

  @Test
  @DisplayName("basic silent change semantics")
  void basicSilentChange() {
    Model model = new Model();
    model.set(attrs("x", 1));
    model.on("change", counter);
    model.set(attrs("x", 2), new Options().silent(true));
    model.set(attrs("x", 1));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("nested set multiple times")
  void nestedSetMultipleTimes() {
    Model model = new Model();
    model.on("change:b", counter);
    model.on("change:a", args -> {
      model.set(attrs("b", true));
      model.set(attrs("b", true));
    });
    model.set(attrs("a", true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#1122 - clear does not alter options.")
  void clearDoesNotAlterOptions() {
    Options options = new Options();
    new Model().clear(options);
    assertFalse(options.isUnset());
  }

  @Test
  @DisplayName("#1122 - unset does not alter options.")
  void unsetDoesNotAlterOptions() {
    Options options = new Options();
    new Model().unset("x", options);
    assertFalse(options.isUnset());
  }

  @Test
  @DisplayName("#1355 - `options` is passed to success callbacks")
  void optionsPassedToSuccess() {
    Model model = new Model();
    Options opts = new Options().success((m, resp, options) -> {
      assertNotNull(options);
      count[0]++;
    });
    model.setSync(RecordingSync.succeeding(null));
    model.save(attrs("id", 1), opts);
    model.fetch(opts);
    model.destroy(opts);
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("#1412 - Trigger 'sync' event.")
  void triggerSyncEvent() {
    Model model = new Model(attrs("id", 1));
    model.setSync(RecordingSync.succeeding(null));
    model.on("sync", counter);
    model.fetch();
    model.save();
    model.destroy();
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("#1365 - Destroy: New models execute success callback.")
  void destroyNewModelSuccess() {
    Model model = new Model();
    model.on("sync", args -> fail("no sync for a new model"));
    model.on("destroy", counter);
    model.destroy(new Options().success((m, r, o) -> count[0]++));
    assertEquals(1, count[0], "destroy fires at once, success only later");
    deferred.flush();
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("#1433 - Save: An invalid model cannot be persisted.")
  void invalidModelNotPersisted() {
    ValidatedModel model = new ValidatedModel(null);
    model.validator = (attrs, options) -> "invalid";
    model.setSync((method, target, options) -> fail("must not sync"));
    assertNull(model.save());
  }

  @Test
  @DisplayName("#1377 - Save without attrs triggers 'error'.")
  void saveWithoutAttrsTriggersInvalid() {
    ValidatedModel model = new ValidatedModel(attrs("id", 1));
    model.setUrl("/test/");
    model.setSync(RecordingSync.succeeding(null));
    model.validator = (attrs, options) -> "invalid";
    model.on("invalid", counter);
    model.save();
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#1545 - `undefined` can be passed to a model constructor without coersion")
  void undefinedToConstructor() {
    withDefaultOne(null, (model, attributes) -> {
      assertNull(attributes);
      count[0]++;
    });
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#1478 - Model `save` does not trigger change on unchanged attributes")
  void saveDoesNotTriggerUnchanged() {
    List<Runnable> later = new ArrayList<>();
    Model model = new Model(attrs("x", true));
    model.setSync((method, target, options) -> later.add(() -> options.getSuccess().call(target, null, options)));
    model.on("change:x", args -> fail("x did not change"));
    model.save(new Options().waitForServer(true));
    later.forEach(Runnable::run);
    assertEquals(1, later.size());
  }

  @Test
  @DisplayName("#1664 - Changing from one value, silently to another, back to original triggers a change.")
  void silentlyBackToOriginalTriggersChange() {
    Model model = new Model(attrs("x", 1));
    model.on("change:x", counter);
    model.set(attrs("x", 2), new Options().silent(true));
    model.set(attrs("x", 3), new Options().silent(true));
    model.set(attrs("x", 1));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#1664 - multiple silent changes nested inside a change event")
  void multipleSilentChangesNested() {
    List<Object> changes = new ArrayList<>();
    Model model = new Model();
    model.on("change", args -> {
      model.set(attrs("a", "c"), new Options().silent(true));
      model.set(attrs("b", 2), new Options().silent(true));
      model.unset("c", new Options().silent(true));
    });
    model.on("change:a change:b change:c", args -> changes.add(args[1]));
    model.set(attrs("a", "a", "b", 1, "c", "item"));
    assertEquals(list("a", 1, "item"), changes);
    assertEquals(attrs("a", "c", "b", 2), model.getAttributes());
  }

  @Test
  @DisplayName("#1791 - `attributes` is available for `parse`")
  void attributesAvailableForParse() {
    new Model(null, new Options().parse(true)) {
      @Override
      public Map<String, Object> parse(Object response, Options options) {
        has("a");
        count[0]++;
        return null;
      }
    };
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("silent changes in last `change` event back to original triggers change")
  void silentChangesInLastChange() {
    List<Object> changes = new ArrayList<>();
    Model model = new Model();
    model.on("change:a change:b change:c", args -> changes.add(args[1]));
    model.on("change", args -> model.set(attrs("a", "c"), new Options().silent(true)));
    model.set(attrs("a", "a"));
    assertEquals(list("a"), changes);
    model.set(attrs("a", "a"));
    assertEquals(list("a", "a"), changes);
  }

  @Test
  @DisplayName("#1943 change calculations should use _.isEqual")
  void changeUsesDeepEquality() {
    Model model = new Model(attrs("a", attrs("key", "value")));
    model.set("a", attrs("key", "value"), new Options().silent(true));
    assertNull(model.changedAttributes());
  }

  @Test
  @DisplayName("#1964 - final `change` event is always fired, regardless of interim changes")
  void finalChangeAlwaysFired() {
    Model model = new Model();
    model.on("change:property", args -> model.set("property", "bar"));
    model.on("change", counter);
    model.set("property", "foo");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("isValid")
  void isValid() {
    ValidatedModel model = new ValidatedModel(attrs("valid", true));
    model.validator = (attrs, options) -> Boolean.TRUE.equals(attrs.get("valid")) ? null : "invalid";
    assertTrue(model.isValid());
    assertFalse(model.set(attrs("valid", false), new Options().validate(true)));
    assertTrue(model.isValid());
    model.set(attrs("valid", false));
    assertFalse(model.isValid());
    assertFalse(model.set("valid", false, new Options().validate(true)));
  }

  @Test
  @DisplayName("#1179 - isValid returns true in the absence of validate.")
  void isValidWithoutValidate() {
    assertTrue(new Model().isValid());
  }

  @Test
  @DisplayName("#1961 - Creating a model with {validate:true} will call validate and use the error callback")
  void createWithValidate() {
    ValidatedModel probe = new ValidatedModel(null);
    assertNull(probe.getValidationError());
    Model model = new Model(attrs("id", 1), new Options().validate(true)) {
      @Override
      protected Object validate(Map<String, Object> attrs, Options options) {
        return Values.isEqual(attrs.get("id"), 1) ? "This shouldn't happen" : null;
      }
    };
    assertEquals("This shouldn't happen", model.getValidationError());
  }

  @Test
  @DisplayName("toJSON receives attrs during save(..., {wait: true})")
  void toJsonReceivesAttrsDuringSaveWait() {
    Model model = new Model() {
      @Override
      public Map<String, Object> toJSON(Options options) {
        assertEquals(1, getAttributes().get("x"));
        count[0]++;
        return super.toJSON(options);
      }
    };
    model.setUrl("/test");
    model.save(attrs("x", 1), new Options().waitForServer(true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#2034 - nested set with silent only triggers one change")
  void nestedSetSilentOneChange() {
    Model model = new Model();
    model.on("change", args -> {
      model.set(attrs("b", true), new Options().silent(true));
      count[0]++;
    });
    model.set(attrs("a", true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#3778 - id will only be updated if it is set")
  void idUpdatedOnlyWhenSet() {
    // Backbone assigns model.id = 2 behind the attributes' back; Java has no id setter, so the model's id
    // attribute moves instead, leaving the id (1) apart from what the new id attribute holds (2).
    String[] idAttribute = {"id"};
    Model model = new Model(attrs("id", 1, "key", 2)) {
      @Override
      public String idAttribute() {
        return idAttribute[0];
      }
    };
    idAttribute[0] = "key";
    model.set(attrs("foo", "bar"));
    assertEquals(1, model.getId());
    model.set(attrs("key", 3));
    assertEquals(3, model.getId());
  }

  @Test
  @DisplayName("#4289 - Trigger \"changeId\" need to be generate only if the content id change")
  void changeIdOnlyOnRealChange() {
    Model model = new Model(attrs("id", 1));
    model.on("changeId", args -> {
      assertEquals(2, ((Model) args[0]).get("id"));
      count[0]++;
    });
    model.set(attrs("id", 1));
    model.set(attrs("id", 2));
    assertEquals(1, count[0]);
  }

  // ------------------------------------------------------------------ Java-specific

  /** The typed subclass the framework promises to make natural. */
  static class Post extends Model {
    Post(Map<String, Object> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    public String urlRoot() {
      return "/api/posts";
    }

    String getTitle() {
      return getString("title");
    }

    void setTitle(String title) {
      set("title", title);
    }

    Integer getVersion() {
      return getInt("version");
    }
  }

  @Test
  @DisplayName("a typed Post subclass reads and writes through typed accessors")
  void typedSubclass() {
    Post post = new Post(attrs("id", 7.0, "title", "Hello", "version", 3.0), null);
    post.on("change:title", counter);
    assertEquals("Hello", post.getTitle());
    assertEquals(3, post.getVersion());
    post.setTitle("World");
    assertEquals("World", post.getTitle());
    assertEquals(1, count[0]);
    assertEquals("/api/posts/7", post.url());
    Collection<Post> posts = new Collection<>(Post::new);
    Post created = posts.add(attrs("title", "made by the factory"));
    assertEquals("made by the factory", created.getTitle());
  }

  @Test
  @DisplayName("typed getters fail clearly on the wrong type")
  void typedGettersFailClearly() {
    Model model = new Model(attrs("title", "x", "n", 2.5));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.getInt("title"));
    assertTrue(e.getMessage().contains("'title' is a string"), e.getMessage());
    assertEquals(2, model.getInt("n"));
    assertEquals(2.5, model.getDouble("n"));
    assertEquals("2.5", model.getString("n"));
    assertNull(model.getBoolean("missing"));
    assertNotEquals(null, model.getNumber("n"));
  }

  @Test
  @DisplayName("a server error reaches the error event with its status and JSON body")
  void serverErrorReachesErrorEvent() {
    Model model = new Model(attrs("id", 5)).setUrlRoot("/api/posts");
    Object[] seen = new Object[1];
    model.on("error", args -> seen[0] = args[1]);
    model.save(attrs("title", "t"));
    env.transport().last().respond(409, "{\"error\":\"conflict\",\"message\":\"stale version\"}");
    io.vertebra.framework.sync.SyncError error = (io.vertebra.framework.sync.SyncError) seen[0];
    assertEquals(409, error.getStatus());
    assertEquals("conflict", error.getJson().get("error"));
    assertEquals("stale version", error.getMessage());
  }

  @Test
  @DisplayName("a successful fetch sets the parsed response and triggers request then sync")
  void fetchSetsParsedResponse() {
    Model model = new Model(attrs("id", 5)).setUrlRoot("/api/posts");
    List<Object> events = new ArrayList<>();
    model.on("all", args -> events.add(args[0]));
    model.fetch();
    env.transport().respondLast("{\"id\":5,\"title\":\"from server\"}");
    assertEquals("from server", model.get("title"));
    assertEquals(list("request", "change:title", "change", "sync"), events);
    assertTrue(Sync.READ.equals(env.method()));
  }

  // Divergences found by running the same scenario on Backbone 1.6.1 and here; each test pins Backbone's behaviour.

  @Test
  @DisplayName("hasChanged(null) tells whether anything changed, as hasChanged() does")
  void hasChangedWithNullAttribute() {
    Model model = new Model(attrs("a", 1));
    assertFalse(model.hasChanged(null));
    model.set("a", 2);
    assertTrue(model.hasChanged(null));
  }

  @Test
  @DisplayName("matches compares with ===: an equal but different array or object does not match")
  void matchesComparesStrictly() {
    List<Object> tags = list(1);
    Map<String, Object> author = attrs("name", "Ann");
    Model model = new Model(attrs("tags", tags, "author", author, "n", 1.0, "s", "x", "b", true));
    assertFalse(model.matches(attrs("tags", list(1))));
    assertFalse(model.matches(attrs("author", attrs("name", "Ann"))));
    assertTrue(model.matches(attrs("tags", tags, "author", author, "n", 1, "s", "x", "b", true)));
  }

  @Test
  @DisplayName("destroy of a model never saved calls success later: with wait it is still in its collection when "
      + "destroy returns")
  void destroyOfANewModelDefersSuccess() {
    Collection<Model> collection = new Collection<>();
    Model model = collection.add(attrs("a", 1));
    List<String> events = new ArrayList<>();
    collection.on("remove", args -> events.add("remove"));
    model.destroy(new Options().waitForServer(true).success((m, r, o) -> events.add("success")));
    assertSame(model, collection.get(model));
    assertEquals(List.of(), events);
    deferred.flush();
    assertEquals(List.of("remove", "success"), events);
    assertNull(collection.get(model));
  }

  /** A model keyed by "_id" without a clone() of its own. */
  static class KeyedModel extends Model {
    KeyedModel(Map<String, ?> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    public String idAttribute() {
      return "_id";
    }
  }

  @Test
  @DisplayName("clone makes a model of the same class: the clone of an _id model is not new")
  void cloneMakesTheSameClass() {
    Collection<KeyedModel> collection = new Collection<>(KeyedModel::new);
    KeyedModel model = collection.add(attrs("_id", 1, "a", 2));
    Model clone = model.clone();
    assertInstanceOf(KeyedModel.class, clone);
    assertNotSame(model, clone);
    assertFalse(clone.isNew());
    assertEquals(model.getAttributes(), clone.getAttributes());
    assertNull(clone.getCollection());
  }

  @Test
  @DisplayName("pairs lists the attributes as (name, value) pairs; isEmpty tells whether there is none")
  void pairsAndIsEmpty() {
    Model model = new Model(attrs("a", 1, "b", "x"));
    assertEquals(List.of(Map.entry("a", 1), Map.entry("b", "x")), model.pairs());
    assertFalse(model.isEmpty());
    assertTrue(new Model().isEmpty());
  }
}
