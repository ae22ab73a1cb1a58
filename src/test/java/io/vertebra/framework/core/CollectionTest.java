package io.vertebra.framework.core;

import static io.vertebra.framework.core.TestSupport.attrs;
import static io.vertebra.framework.core.TestSupport.list;
import static io.vertebra.framework.core.TestSupport.opts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertebra.framework.core.TestSupport.SpecialSyncModel;
import io.vertebra.framework.sync.HttpRequest;
import io.vertebra.framework.sync.RecordingSync;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backbone 1.6.1 test/collection.js, ported. */
class CollectionTest extends SyncedTest {

  private Model a;
  private Model b;
  private Model c;
  private Model d;
  private Collection<Model> col;
  private Collection<Model> otherCol;

  @BeforeEach
  void setUp() {
    a = new Model(attrs("id", 3, "label", "a"));
    b = new Model(attrs("id", 2, "label", "b"));
    c = new Model(attrs("id", 1, "label", "c"));
    d = new Model(attrs("id", 0, "label", "d"));
    col = new Collection<>(list(a, b, c, d));
    otherCol = new Collection<>();
  }

  private static Collection<Model> collectionOf(Object... items) {
    return new Collection<>(list(items));
  }

  /** Plain models with ids; the comparator option of Backbone's sorted test collections. */
  private static Collection<Model> sortedBy(Object comparator, Object... items) {
    return new Collection<>(null, list(items), opts("comparator", comparator));
  }

  /** A collection of ValidatedModels that all use this validation. */
  private static Collection<Model> validating(BiFunction<Map<String, Object>, Options, Object> validator) {
    return new Collection<>((attrs, options) -> validatedModel(attrs, options, validator));
  }

  /** A model validated by a function (captured before the Model constructor runs, so it validates there too). */
  private static Model validatedModel(Map<String, Object> attrs, Options options,
      BiFunction<Map<String, Object>, Options, Object> validator) {
    return new Model(attrs, options) {
      @Override
      protected Object validate(Map<String, Object> attributes, Options opts) {
        return validator.apply(attributes, opts);
      }
    };
  }

  /** A MongoDB-style model keyed by "_id". */
  static class MongoModel extends Model {
    MongoModel(Map<String, ?> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    public String idAttribute() {
      return "_id";
    }

    @Override
    public MongoModel clone() {
      return new MongoModel(getAttributes(), null);
    }
  }

  @Test
  @DisplayName("new and sort")
  void newAndSort() {
    col.on("sort", counter);
    assertEquals(list("a", "b", "c", "d"), col.pluck("label"));
    col.setComparator((Comparator<Model>) (m1, m2) -> (Integer) m1.getId() > (Integer) m2.getId() ? -1 : 1);
    col.sort();
    assertEquals(1, count[0]);
    assertEquals(list("a", "b", "c", "d"), col.pluck("label"));
    col.setComparator((Function<Model, Object>) Model::getId);
    col.sort();
    assertEquals(2, count[0]);
    assertEquals(list("d", "c", "b", "a"), col.pluck("label"));
    assertEquals(4, col.length());
  }

  @Test
  @DisplayName("String comparator.")
  void stringComparator() {
    Collection<Model> collection = sortedBy("id", attrs("id", 3), attrs("id", 1), attrs("id", 2));
    assertEquals(list(1, 2, 3), collection.pluck("id"));
  }

  @Test
  @DisplayName("new and parse")
  void newAndParse() {
    Collection<Model> collection = new Collection<>(null,
        list(attrs("a", 1), attrs("a", 2), attrs("a", 3), attrs("a", 4)), new Options().parse(true)) {
      @Override
      public Object parse(Object response, Options options) {
        List<Object> even = new ArrayList<>();
        for (Object datum : (List<?>) response) {
          if ((Integer) ((Map<?, ?>) datum).get("a") % 2 == 0) {
            even.add(datum);
          }
        }
        return even;
      }
    };
    assertEquals(2, collection.length());
    assertEquals(2, collection.first().get("a"));
    assertEquals(4, collection.last().get("a"));
  }

  @Test
  @DisplayName("clone preserves model and comparator")
  void clonePreservesModelAndComparator() {
    Function<Model, Object> comparator = Model::getId;
    Collection<MongoModel> collection = new Collection<MongoModel>(MongoModel::new, list(attrs("id", 1)),
        opts("comparator", comparator)).clone();
    collection.add(attrs("id", 2));
    assertInstanceOf(MongoModel.class, collection.at(0));
    assertInstanceOf(MongoModel.class, collection.at(1));
    assertSame(comparator, collection.getComparator());
  }

  @Test
  @DisplayName("get")
  void get() {
    assertSame(d, col.get(0));
    assertSame(d, col.get(d.clone()));
    assertSame(b, col.get(2));
    assertSame(c, col.get(attrs("id", 1)));
    assertSame(c, col.get(c.clone()));
    assertSame(col.first(), col.get(col.first().getCid()));
  }

  @Test
  @DisplayName("get with non-default ids")
  void getWithNonDefaultIds() {
    MongoModel model = new MongoModel(attrs("_id", 100), null);
    Collection<MongoModel> collection = new Collection<>(MongoModel::new, list(model), null);
    assertSame(model, collection.get(100));
    assertSame(model, collection.get(model.getCid()));
    assertSame(model, collection.get(model));
    assertNull(collection.get(101));

    Collection<MongoModel> collection2 = new Collection<>(MongoModel::new);
    collection2.add(model.getAttributes());
    assertSame(collection2.first(), collection2.get(model.clone()));
  }

  @Test
  @DisplayName("has")
  void has() {
    for (Model m : List.of(a, b, c, d)) {
      assertTrue(col.has(m));
      assertTrue(col.has(m.getId()));
      assertTrue(col.has(m.getCid()));
    }
    Model outsider = new Model(attrs("id", 4));
    assertFalse(col.has(outsider));
    assertFalse(col.has(outsider.getId()));
    assertFalse(col.has(outsider.getCid()));
  }

  @Test
  @DisplayName("update index when id changes")
  void updateIndexWhenIdChanges() {
    Collection<Model> collection = new Collection<>();
    collection.add(list(attrs("id", 0, "name", "one"), attrs("id", 1, "name", "two")));
    Model one = collection.get(0);
    assertEquals("one", one.get("name"));
    collection.on("change:name", args -> {
      assertNotNull(collection.get(args[0]));
      assertSame(args[0], collection.get(101));
      assertNull(collection.get(0));
      count[0]++;
    });
    one.set(attrs("name", "dalmatians", "id", 101));
    assertNull(collection.get(0));
    assertEquals("dalmatians", collection.get(101).get("name"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("at")
  void at() {
    assertSame(c, col.at(2));
    assertSame(c, col.at(-2));
  }

  @Test
  @DisplayName("pluck")
  void pluck() {
    assertEquals(list("a", "b", "c", "d"), col.pluck("label"));
  }

  @Test
  @DisplayName("add")
  void add() {
    Object[] added = {null};
    Options[] opts = {null};
    boolean[] secondAdded = {false};
    Model e = new Model(attrs("id", 10, "label", "e"));
    otherCol.add(e);
    otherCol.on("add", args -> secondAdded[0] = true);
    col.on("add", args -> {
      added[0] = ((Model) args[0]).get("label");
      opts[0] = (Options) args[2];
    });
    col.add(e, opts("amazing", true));
    assertEquals("e", added[0]);
    assertEquals(5, col.length());
    assertSame(e, col.last());
    assertEquals(1, otherCol.length());
    assertFalse(secondAdded[0]);
    assertEquals(true, opts[0].get("amazing"));

    Model f = new Model(attrs("id", 20, "label", "f"));
    Model g = new Model(attrs("id", 21, "label", "g"));
    Model h = new Model(attrs("id", 22, "label", "h"));
    Collection<Model> atCol = collectionOf(f, g, h);
    assertEquals(3, atCol.length());
    atCol.add(e, new Options().at(1));
    assertEquals(4, atCol.length());
    assertSame(e, atCol.at(1));
    assertSame(h, atCol.last());

    Collection<Model> coll = collectionOf(null, null);
    coll.on("add", counter);
    coll.add(list(null, f, g));
    assertEquals(5, coll.length());
    assertEquals(3, count[0]);
    coll.add(list(null, null, null, null));
    assertEquals(9, coll.length());
    assertEquals(7, count[0]);
  }

  @Test
  @DisplayName("add multiple models")
  void addMultipleModels() {
    Collection<Model> collection = collectionOf(attrs("at", 0), attrs("at", 1), attrs("at", 9));
    collection.add(list(attrs("at", 2), attrs("at", 3), attrs("at", 4), attrs("at", 5), attrs("at", 6),
        attrs("at", 7), attrs("at", 8)), new Options().at(2));
    for (int i = 0; i <= 5; i++) {
      assertEquals(i, collection.at(i).get("at"));
    }
  }

  private static final Comparator<Model> BY_ID_DESCENDING =
      (m1, m2) -> Values.compare(m1.getId(), m2.getId()) > 0 ? -1 : 1;

  @Test
  @DisplayName("add; at should have preference over comparator")
  void atOverComparator() {
    Collection<Model> collection = sortedBy(BY_ID_DESCENDING, attrs("id", 2), attrs("id", 3));
    collection.add(new Model(attrs("id", 1)), new Options().at(1));
    assertEquals(list(3, 1, 2), collection.pluck("id"));
  }

  @Test
  @DisplayName("add; at should add to the end if the index is out of bounds")
  void atOutOfBounds() {
    Collection<Model> collection = collectionOf(attrs("id", 2), attrs("id", 3));
    collection.add(new Model(attrs("id", 1)), new Options().at(5));
    assertEquals(list(2, 3, 1), collection.pluck("id"));
  }

  @Test
  @DisplayName("can't add model to collection twice")
  void cantAddTwice() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2), attrs("id", 1), attrs("id", 2),
        attrs("id", 3));
    assertEquals(list(1, 2, 3), collection.pluck("id"));
  }

  @Test
  @DisplayName("can't add different model with same id to collection twice")
  void cantAddSameIdTwice() {
    Collection<Model> collection = new Collection<>();
    collection.unshift(attrs("id", 101));
    collection.add(attrs("id", 101));
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("merge in duplicate models with {merge: true}")
  void mergeDuplicates() {
    Collection<Model> collection = new Collection<>();
    collection.add(list(attrs("id", 1, "name", "Moe"), attrs("id", 2, "name", "Curly"),
        attrs("id", 3, "name", "Larry")));
    collection.add(attrs("id", 1, "name", "Moses"));
    assertEquals("Moe", collection.first().get("name"));
    collection.add(attrs("id", 1, "name", "Moses"), new Options().merge(true));
    assertEquals("Moses", collection.first().get("name"));
    collection.add(attrs("id", 1, "name", "Tim"), new Options().merge(true).silent(true));
    assertEquals("Tim", collection.first().get("name"));
  }

  @Test
  @DisplayName("add model to multiple collections")
  void addToMultipleCollections() {
    Model m = new Model(attrs("id", 10, "label", "m"));
    Collection<Model> col1 = new Collection<>(list());
    Collection<Model> col2 = new Collection<>(list());
    m.on("add", args -> {
      count[0]++;
      assertSame(m, args[0]);
      assertSame(count[0] > 1 ? col2 : col1, args[1]);
    });
    col1.on("add", args -> {
      assertSame(m, args[0]);
      assertSame(col1, args[1]);
    });
    col2.on("add", args -> {
      assertSame(m, args[0]);
      assertSame(col2, args[1]);
    });
    col1.add(m);
    assertSame(col1, m.getCollection());
    col2.add(m);
    assertSame(col1, m.getCollection());
    assertEquals(2, count[0]);
  }

  /** A model whose parse adds one to "value". */
  static class Incrementing extends Model {
    Incrementing(Map<String, Object> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    public Map<String, Object> parse(Object response, Options options) {
      Map<String, Object> attrs = super.parse(response, options);
      attrs.put("value", (Integer) attrs.get("value") + 1);
      return attrs;
    }
  }

  @Test
  @DisplayName("add model with parse")
  void addModelWithParse() {
    Collection<Incrementing> collection = new Collection<>(Incrementing::new);
    collection.add(attrs("value", 1), new Options().parse(true));
    assertEquals(2, collection.at(0).get("value"));
  }

  @Test
  @DisplayName("add with parse and merge")
  void addWithParseAndMerge() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public Object parse(Object response, Options options) {
        List<Object> result = new ArrayList<>();
        for (Object item : response instanceof List ? (List<?>) response : List.of(response)) {
          Object inner = ((Map<?, ?>) item).get("model");
          result.add(inner != null ? inner : item);
        }
        return result;
      }
    };
    collection.add(attrs("id", 1));
    collection.add(attrs("model", attrs("id", 1, "name", "Alf")), new Options().parse(true).merge(true));
    assertEquals("Alf", collection.first().get("name"));
  }

  @Test
  @DisplayName("add model to collection with sort()-style comparator")
  void addWithSortStyleComparator() {
    Collection<Model> collection = new Collection<>();
    // Two-parameter lambda: a Comparator, as Backbone's two-argument comparator.
    collection.setComparator((m1, m2) -> m1.getString("name").compareTo(m2.getString("name")) < 0 ? -1 : 1);
    Model tom = new Model(attrs("name", "Tom"));
    Model rob = new Model(attrs("name", "Rob"));
    Model tim = new Model(attrs("name", "Tim"));
    collection.add(tom);
    collection.add(rob);
    collection.add(tim);
    assertEquals(0, collection.indexOf(rob));
    assertEquals(1, collection.indexOf(tim));
    assertEquals(2, collection.indexOf(tom));
  }

  @Test
  @DisplayName("comparator that depends on `this`")
  void comparatorDependingOnCollection() {
    Collection<Model> collection = new Collection<>() {
      private int negative(Object num) {
        return -(Integer) num;
      }

      @Override
      protected void preinitialize(Object models, Options options) {
        setComparator((Function<Model, Object>) model -> negative(model.getId()));
      }

      @Override
      protected void initialize(Object models, Options options) {
        on("resort", args -> setComparator((Comparator<Model>) (m1, m2) ->
            negative(m2.getId()) - negative(m1.getId())));
      }
    };
    collection.add(list(attrs("id", 1), attrs("id", 2), attrs("id", 3)));
    assertEquals(list(3, 2, 1), collection.pluck("id"));
    collection.trigger("resort");
    collection.sort();
    assertEquals(list(1, 2, 3), collection.pluck("id"));
  }

  @Test
  @DisplayName("remove")
  void remove() {
    Object[] removed = {null};
    col.on("remove", args -> {
      removed[0] = ((Model) args[0]).get("label");
      assertEquals(3, ((Options) args[2]).getIndex());
      assertNull(col.get(args[0]));
    });
    Model result = col.remove(d);
    assertEquals("d", removed[0]);
    assertSame(d, result);
    assertNull(col.remove(d));
    assertEquals(3, col.length());
    assertSame(a, col.first());
    col.off();
    List<Model> results = col.remove(list(c, d));
    assertEquals(List.of(c), results);
    results = col.remove(list(c, b));
    assertEquals(List.of(b), results);
    assertEquals(List.of(), col.remove(list()));
  }

  @Test
  @DisplayName("add and remove return values")
  void addAndRemoveReturnValues() {
    Collection<Model> collection = validating((attrs, options) ->
        (Integer) attrs.get("id") % 2 != 0 ? "odd" : null);
    List<Model> added = collection.add(list(attrs("id", 2), attrs("id", 4)), new Options().validate(true));
    assertEquals(2, added.size());
    assertInstanceOf(Model.class, added.get(0));
    assertSame(collection.last(), added.get(1));
    assertEquals(4, added.get(1).get("id"));

    added = collection.add(list(attrs("id", 3), attrs("id", 6)), new Options().validate(true));
    assertEquals(3, collection.length());
    assertNull(added.get(0));
    assertEquals(6, added.get(1).get("id"));

    Model result = collection.add(attrs("id", 6));
    assertEquals(added.get(1).getCid(), result.getCid());

    result = collection.remove(attrs("id", 6));
    assertEquals(2, collection.length());
    assertEquals(6, result.getId());

    List<Model> removed = collection.remove(list(attrs("id", 2), attrs("id", 8)));
    assertEquals(1, collection.length());
    assertEquals(2, removed.get(0).get("id"));
    assertEquals(1, removed.size());
  }

  @Test
  @DisplayName("shift and pop")
  void shiftAndPop() {
    Collection<Model> collection = collectionOf(attrs("a", "a"), attrs("b", "b"), attrs("c", "c"));
    assertEquals("a", collection.shift().get("a"));
    assertEquals("c", collection.pop().get("c"));
  }

  @Test
  @DisplayName("slice")
  void slice() {
    Collection<Model> collection = collectionOf(attrs("a", "a"), attrs("b", "b"), attrs("c", "c"));
    List<Model> array = collection.slice(1, 3);
    assertEquals(2, array.size());
    assertEquals("b", array.get(0).get("b"));
  }

  @Test
  @DisplayName("events are unbound on remove")
  void eventsUnboundOnRemove() {
    Model dj = new Model();
    Collection<Model> emcees = collectionOf(dj);
    emcees.on("change", counter);
    dj.set(attrs("name", "Kool"));
    assertEquals(1, count[0]);
    emcees.reset(list());
    assertNull(dj.getCollection());
    dj.set(attrs("name", "Shadow"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("remove in multiple collections")
  void removeInMultipleCollections() {
    Map<String, Object> modelData = attrs("id", 5, "title", "Othello");
    boolean[] passed = {false};
    Model m1 = new Model(modelData);
    Model m2 = new Model(modelData);
    m2.on("remove", args -> passed[0] = true);
    Collection<Model> col1 = collectionOf(m1);
    Collection<Model> col2 = collectionOf(m2);
    assertNotSame(m1, m2);
    assertEquals(1, col1.length());
    assertEquals(1, col2.length());
    col1.remove(m1);
    assertFalse(passed[0]);
    assertEquals(0, col1.length());
    col2.remove(m1);
    assertEquals(0, col2.length());
    assertTrue(passed[0]);
  }

  @Test
  @DisplayName("remove same model in multiple collection")
  void removeSameModelInMultipleCollections() {
    Model m = new Model(attrs("id", 5, "title", "Othello"));
    Collection<Model> col1 = collectionOf(m);
    Collection<Model> col2 = collectionOf(m);
    m.on("remove", args -> {
      count[0]++;
      assertSame(m, args[0]);
      assertSame(count[0] > 1 ? col1 : col2, args[1]);
    });
    col1.on("remove", args -> {
      assertSame(m, args[0]);
      assertSame(col1, args[1]);
    });
    col2.on("remove", args -> {
      assertSame(m, args[0]);
      assertSame(col2, args[1]);
    });
    assertSame(col1, m.getCollection());
    col2.remove(m);
    assertEquals(0, col2.length());
    assertEquals(1, col1.length());
    assertEquals(1, count[0]);
    assertSame(col1, m.getCollection());
    col1.remove(m);
    assertNull(m.getCollection());
    assertEquals(0, col1.length());
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("model destroy removes from all collections")
  void destroyRemovesFromAll() {
    Model m = new Model(attrs("id", 5, "title", "Othello"));
    m.setSync(RecordingSync.succeeding(null));
    Collection<Model> col1 = collectionOf(m);
    Collection<Model> col2 = collectionOf(m);
    m.destroy();
    assertEquals(0, col1.length());
    assertEquals(0, col2.length());
    assertNull(m.getCollection());
  }

  @Test
  @DisplayName("Collection: non-persisted model destroy removes from all collections")
  void nonPersistedDestroyRemovesFromAll() {
    Model m = new Model(attrs("title", "Othello"));
    m.setSync((method, target, options) -> fail("should not be called"));
    Collection<Model> col1 = collectionOf(m);
    Collection<Model> col2 = collectionOf(m);
    m.destroy();
    assertEquals(0, col1.length());
    assertEquals(0, col2.length());
    assertNull(m.getCollection());
  }

  @Test
  @DisplayName("fetch")
  void fetch() {
    Collection<Model> collection = new Collection<>().setUrl("/test");
    collection.fetch();
    assertEquals("read", env.method());
    assertSame(collection, env.target());
    assertTrue(env.options().isParse());
    collection.fetch(new Options().parse(false));
    assertFalse(env.options().isParse());
  }

  @Test
  @DisplayName("fetch with an error response triggers an error event")
  void fetchErrorTriggersError() {
    Collection<Model> collection = new Collection<>();
    collection.on("error", counter);
    collection.setSync(RecordingSync.failing());
    collection.fetch();
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("ensure fetch only parses once")
  void fetchParsesOnce() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public Object parse(Object response, Options options) {
        count[0]++;
        return response;
      }
    };
    collection.setUrl("/test");
    collection.fetch();
    env.options().getSuccess().call(collection, list(), env.options());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("create")
  void create() {
    Collection<Model> collection = new Collection<>().setUrl("/test");
    Model model = collection.create(attrs("label", "f"), new Options().waitForServer(true));
    assertEquals("create", env.method());
    assertSame(model, env.target());
    assertEquals("f", model.get("label"));
    assertSame(collection, model.getCollection());
  }

  @Test
  @DisplayName("create with validate:true enforces validation")
  void createWithValidateEnforces() {
    Collection<Model> collection = validating((attrs, options) -> "fail");
    collection.on("invalid", args -> {
      assertEquals("fail", args[1]);
      assertEquals("fail", ((Options) args[2]).getValidationError());
      count[0]++;
    });
    assertNull(collection.create(attrs("foo", "bar"), new Options().validate(true)));
    assertEquals(1, count[0]);
  }

  private final SyncCallback expectSpecialSync = (target, response, options) -> {
    assertEquals(true, options.get("specialSync"));
    count[0]++;
  };

  @Test
  @DisplayName("create will pass extra options to success callback")
  void createExtraOptions() {
    Collection<SpecialSyncModel> collection = new Collection<>(SpecialSyncModel::new);
    collection.setUrl("/test");
    collection.create(attrs(), new Options().success(expectSpecialSync));
    env.transport().respondLast("");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("create with wait:true should not call collection.parse")
  void createWithWaitNoCollectionParse() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public Object parse(Object response, Options options) {
        return fail("collection.parse must not be called");
      }
    };
    collection.setUrl("/test");
    collection.create(attrs(), new Options().waitForServer(true));
    env.transport().respondLast("");
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("a failing create returns model with errors")
  void failingCreateReturnsModelWithErrors() {
    Collection<Model> collection = validating((attrs, options) -> "fail");
    collection.setUrl("/test");
    Model m = collection.create(attrs("foo", "bar"));
    assertEquals("fail", m.getValidationError());
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("failing create with wait:true triggers error event (#4262)")
  void failingCreateWithWaitTriggersError() {
    Collection<Model> collection = new Collection<>().setUrl("/test");
    collection.on("error", counter);
    Model model = collection.create(attrs("id", "1"), new Options().waitForServer(true));
    model.on("error", counter);
    env.transport().last().respond(500, "");
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("successful create with wait:true triggers success event (#4262)")
  void successfulCreateWithWaitTriggersSync() {
    Collection<Model> collection = new Collection<>().setUrl("/test");
    collection.on("sync", counter);
    Model model = collection.create(attrs("id", "1"), new Options().waitForServer(true));
    model.on("sync", counter);
    env.transport().respondLast("");
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("successful create with wait:true drops special error listener (#4284)")
  void successfulCreateDropsErrorListener() {
    Collection<Model> collection = new Collection<>().setUrl("/test");
    collection.on("error", counter);
    Model model = collection.create(attrs("id", "1"), new Options().waitForServer(true));
    env.transport().respondLast("");
    model.trigger("error");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("failing create pre-existing with wait:true triggers once (#4262)")
  void failingCreatePreExistingTriggersOnce() {
    Model model = new Model();
    Collection<Model> collection = collectionOf(model).setUrl("/test");
    collection.on("error", counter);
    collection.create(model, new Options().waitForServer(true));
    env.transport().last().respond(500, "");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("successful create pre-existing with wait:true preserves other error bindings (#4262)")
  void successfulCreatePreservesErrorBindings() {
    Model model = new Model();
    Collection<Model> collection = collectionOf(model).setUrl("/test");
    model.on("error", counter);
    collection.create(model, new Options().waitForServer(true));
    env.transport().respondLast("");
    model.trigger("error");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("initialize")
  void initialize() {
    int[] one = {0};
    new Collection<Model>() {
      @Override
      protected void initialize(Object models, Options options) {
        one[0] = 1;
      }
    };
    assertEquals(1, one[0]);
  }

  @Test
  @DisplayName("preinitialize")
  void preinitialize() {
    int[] one = {0};
    new Collection<Model>() {
      @Override
      protected void preinitialize(Object models, Options options) {
        one[0] = 1;
      }
    };
    assertEquals(1, one[0]);
  }

  @Test
  @DisplayName("preinitialize occurs before the collection is set up")
  void preinitializeBeforeSetUp() {
    Collection<Model> coll = new Collection<Model>(null, null, opts("comparator", "id")) {
      @Override
      protected void preinitialize(Object models, Options options) {
        assertNull(getModelFactory());
        assertFalse(hasComparator());
        count[0]++;
      }
    };
    assertEquals("id", coll.getComparator());
    assertNotNull(coll.getModelFactory());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("toJSON")
  void toJson() {
    assertEquals("[{\"id\":3,\"label\":\"a\"},{\"id\":2,\"label\":\"b\"},{\"id\":1,\"label\":\"c\"},"
        + "{\"id\":0,\"label\":\"d\"}]", Json.stringify(col));
  }

  @Test
  @DisplayName("where and findWhere")
  void whereAndFindWhere() {
    Model model = new Model(attrs("a", 1));
    Collection<Model> coll = collectionOf(model, attrs("a", 1), attrs("a", 1, "b", 2), attrs("a", 2, "b", 2),
        attrs("a", 3));
    assertEquals(3, coll.where(attrs("a", 1)).size());
    assertEquals(1, coll.where(attrs("a", 2)).size());
    assertEquals(1, coll.where(attrs("a", 3)).size());
    assertEquals(0, coll.where(attrs("b", 1)).size());
    assertEquals(2, coll.where(attrs("b", 2)).size());
    assertEquals(1, coll.where(attrs("a", 1, "b", 2)).size());
    assertSame(model, coll.findWhere(attrs("a", 1)));
    assertNull(coll.findWhere(attrs("a", 4)));
  }

  @Test
  @DisplayName("Underscore methods")
  void underscoreMethods() {
    assertEquals("a b c d", String.join(" ", col.map(model -> (String) model.get("label"))));
    assertFalse(col.some(model -> Values.isSame(model.getId(), 100)));
    assertTrue(col.some(model -> Values.isSame(model.getId(), 0)));
    BinaryOperator<Model> greaterId = (m1, m2) -> (Integer) m1.getId() > (Integer) m2.getId() ? m1 : m2;
    assertEquals(3, col.reduce(greaterId).getId());
    assertEquals(3, col.reduceRight(greaterId).getId());
    assertEquals(1, col.indexOf(b));
    assertEquals(4, col.size());
    assertEquals(3, col.rest().size());
    assertFalse(col.rest().contains(a));
    assertTrue(col.rest().contains(d));
    assertFalse(col.isEmpty());
    assertFalse(col.without(d).contains(d));

    // col.chain(): Java chains with a stream.
    assertEquals(3, col.stream().map(model -> (Integer) model.getId()).max(Integer::compare).get());
    assertEquals(0, col.stream().map(model -> (Integer) model.getId()).min(Integer::compare).get());
    assertEquals(List.of(4, 0), col.stream().filter(o -> (Integer) o.getId() % 2 == 0)
        .map(o -> (Integer) o.getId() * 2).toList());
    assertEquals(List.of(a, b), col.difference(List.of(c, d)));
    assertTrue(col.includes(col.sample()));

    Model first = col.first();
    assertEquals(List.of(first), col.groupBy(Model::getId).get(first.getId()));
    assertEquals(Map.of(0, 1, 1, 1, 2, 1, 3, 1), col.countBy(Model::getId));
    assertSame(col.at(3), col.sortBy((Function<Model, Object>) Model::getId).get(0));
    assertSame(first, col.indexBy("id").get(first.getId()));
  }

  @Test
  @DisplayName("Underscore methods with object-style and property-style iteratee")
  void underscoreMethodsObjectStyle() {
    Model model = new Model(attrs("a", 4, "b", 1, "e", 3));
    Collection<Model> coll = collectionOf(attrs("a", 1, "b", 1), attrs("a", 2, "b", 1, "c", 1),
        attrs("a", 3, "b", 1), model);
    assertNull(coll.find(attrs("a", 0)));
    assertSame(model, coll.find(attrs("a", 4)));
    assertNull(coll.find("d"));
    assertSame(model, coll.find("e"));
    assertEquals(List.of(), coll.filter(attrs("a", 0)));
    assertEquals(List.of(model), coll.filter(attrs("a", 4)));
    assertFalse(coll.some(attrs("a", 0)));
    assertTrue(coll.some(attrs("a", 1)));
    assertEquals(4, coll.reject(attrs("a", 0)).size());
    assertEquals(coll.without(model), coll.reject(attrs("a", 4)));
    assertFalse(coll.every(attrs("a", 0)));
    assertTrue(coll.every(attrs("b", 1)));
    assertEquals(List.of(), coll.partition(attrs("a", 0)).get(0));
    assertEquals(coll.toList(), coll.partition(attrs("a", 0)).get(1));
    assertEquals(List.of(model), coll.partition(attrs("a", 4)).get(0));
    assertEquals(coll.without(model), coll.partition(attrs("a", 4)).get(1));
    assertEquals(List.of(false, true, false, false), coll.map(attrs("a", 2)));
    assertEquals(list(1, 2, 3, 4), coll.map("a"));
    assertSame(model, coll.sortBy("a").get(3));
    assertSame(model, coll.sortBy("e").get(0));
    assertEquals(Map.of(false, 3, true, 1), coll.countBy(attrs("a", 4)));
    assertEquals(Collections.singletonMap(null, 4), coll.countBy("d"));
    assertEquals(0, coll.findIndex(attrs("b", 1)));
    assertEquals(-1, coll.findIndex(attrs("b", 9)));
    assertEquals(3, coll.findLastIndex(attrs("b", 1)));
    assertEquals(-1, coll.findLastIndex(attrs("b", 9)));
  }

  @Test
  @DisplayName("reset")
  void reset() {
    List<Model> models = col.toList();
    col.on("reset", counter);
    col.reset(list());
    assertEquals(1, count[0]);
    assertEquals(0, col.length());
    assertNull(col.last());
    col.reset(models);
    assertEquals(2, count[0]);
    assertEquals(4, col.length());
    assertSame(d, col.last());
    col.reset(new ArrayList<Object>(col.map(Model::getAttributes)));
    assertEquals(3, count[0]);
    assertEquals(4, col.length());
    assertNotSame(d, col.last());
    assertEquals(d.getAttributes(), col.last().getAttributes());
    col.reset();
    assertEquals(0, col.length());
    assertEquals(4, count[0]);

    Model f = new Model(attrs("id", 20, "label", "f"));
    col.reset(list(null, f));
    assertEquals(2, col.length());
    assertEquals(5, count[0]);

    col.reset(list(null, null, null, null));
    assertEquals(4, col.length());
    assertEquals(6, count[0]);
  }

  @Test
  @DisplayName("reset with different values")
  void resetWithDifferentValues() {
    Collection<Model> collection = new Collection<>(null, attrs("id", 1), null);
    collection.reset(attrs("id", 1, "a", 1), null);
    assertEquals(1, collection.get(1).get("a"));
  }

  @Test
  @DisplayName("same references in reset")
  void sameReferencesInReset() {
    Model model = new Model(attrs("id", 1));
    Collection<Model> collection = new Collection<>(null, attrs("id", 1), null);
    collection.reset(model, null);
    assertSame(model, collection.get(1));
  }

  @Test
  @DisplayName("reset passes caller options")
  void resetPassesCallerOptions() {
    Collection<Model> collection = new Collection<>((attrs, options) -> new Model(attrs, options) {
      @Override
      protected void initialize(Map<String, ?> attributes, Options opts) {
        set("modelParameter", opts.get("modelParameter"), new Options().silent(true));
      }
    });
    collection.reset(list(attrs("astring", "green", "anumber", 1), attrs("astring", "blue", "anumber", 2)),
        opts("modelParameter", "model parameter"));
    assertEquals(2, collection.length());
    for (Model model : collection) {
      assertEquals("model parameter", model.get("modelParameter"));
    }
  }

  @Test
  @DisplayName("reset does not alter options by reference")
  void resetDoesNotAlterOptions() {
    Collection<Model> collection = collectionOf(attrs("id", 1));
    Options origOpts = new Options();
    collection.on("reset", args -> {
      assertNull(origOpts.getPreviousModels());
      assertEquals(1, ((Options) args[1]).<Model>getPreviousModels().get(0).getId());
      count[0]++;
    });
    collection.reset(list(), origOpts);
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("trigger custom events on models")
  void customEventsOnModels() {
    boolean[] fired = {false};
    a.on("custom", args -> fired[0] = true);
    a.trigger("custom");
    assertTrue(fired[0]);
  }

  @Test
  @DisplayName("add does not alter arguments")
  void addDoesNotAlterArguments() {
    Map<String, Object> attrs = attrs();
    List<Object> models = list(attrs);
    new Collection<>().add(models);
    assertEquals(1, models.size());
    assertSame(attrs, models.get(0));
  }

  @Test
  @DisplayName("#714: access `model.collection` in a brand new model.")
  void collectionInBrandNewModel() {
    Collection<Model>[] holder = new Collection[1];
    holder[0] = new Collection<>((attrs, options) -> new Model(attrs, options) {
      @Override
      public boolean set(Map<String, ?> attributes, Options opts) {
        if (attributes.containsKey("prop")) {
          assertEquals("value", attributes.get("prop"));
          assertSame(holder[0], getCollection());
          count[0]++;
        }
        return super.set(attributes, opts);
      }
    });
    holder[0].setUrl("/test");
    holder[0].create(attrs("prop", "value"));
    assertTrue(count[0] >= 1);
  }

  @Test
  @DisplayName("#574, remove its own reference to the .models array.")
  void removeOwnModelsArray() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2), attrs("id", 3), attrs("id", 4),
        attrs("id", 5), attrs("id", 6));
    assertEquals(6, collection.length());
    collection.remove(collection.toList());
    assertEquals(0, collection.length());
  }

  @Test
  @DisplayName("#861, adding models to a collection which do not pass validation, with validate:true")
  void addInvalidModelsWithValidate() {
    Collection<Model> collection = validating((attrs, options) ->
        Values.isEqual(attrs.get("id"), 3) ? "id can't be 3" : null);
    collection.on("invalid", counter);
    collection.add(list(attrs("id", 1), attrs("id", 2), attrs("id", 3), attrs("id", 4), attrs("id", 5),
        attrs("id", 6)), new Options().validate(true));
    assertEquals(list(1, 2, 4, 5, 6), collection.pluck("id"));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("Invalid models are discarded with validate:true.")
  void invalidModelsDiscarded() {
    BiFunction<Map<String, Object>, Options, Object> rule = (attrs, options) ->
        Boolean.TRUE.equals(attrs.get("valid")) ? null : "invalid";
    Collection<Model> collection = validating(rule);
    collection.on("test", counter);
    Model model = validatedModel(attrs("id", 1, "valid", true), null, rule);
    collection.add(list(model, attrs("id", 2)), new Options().validate(true));
    model.trigger("test");
    assertNotNull(collection.get(model.getCid()));
    assertNotNull(collection.get(1));
    assertNull(collection.get(2));
    assertEquals(1, collection.length());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("multiple copies of the same model")
  void multipleCopiesOfSameModel() {
    Collection<Model> collection = new Collection<>();
    Model model = new Model();
    collection.add(list(model, model));
    assertEquals(1, collection.length());
    collection.add(list(attrs("id", 1), attrs("id", 1)));
    assertEquals(2, collection.length());
    assertEquals(1, collection.last().getId());
  }

  @Test
  @DisplayName("#964 - collection.get return inconsistent")
  void getNull() {
    assertNull(new Collection<>().get(null));
  }

  @Test
  @DisplayName("#1112 - passing options.model sets collection.model")
  void passingModelFactory() {
    ModelFactory<MongoModel> factory = MongoModel::new;
    Collection<MongoModel> collection = new Collection<>(factory, list(attrs("id", 1)), null);
    assertSame(factory, collection.getModelFactory());
    assertInstanceOf(MongoModel.class, collection.at(0));
  }

  @Test
  @DisplayName("null and undefined are invalid ids.")
  void nullIsNotAnId() {
    Model model = new Model(attrs("id", 1));
    Collection<Model> collection = collectionOf(model);
    model.set(attrs("id", null));
    assertNull(collection.get("null"));
    assertNull(collection.get(""));
    model.set(attrs("id", 1));
    model.unset("id");
    assertNull(collection.get("undefined"));
    assertNull(collection.get(1));
  }

  /** A collection whose class-level comparator sorts by id. */
  static class ById extends Collection<Model> {
    ById(Options options) {
      super(null, null, options);
    }

    @Override
    protected void preinitialize(Object models, Options options) {
      setComparator((Function<Model, Object>) Model::getId);
    }
  }

  @Test
  @DisplayName("falsy comparator")
  void falsyComparator() {
    assertTrue(new ById(null).hasComparator());
    assertFalse(new ById(opts("comparator", false)).hasComparator());
    assertFalse(new ById(opts("comparator", null)).hasComparator());
    assertTrue(new ById(new Options()).hasComparator());
  }

  @Test
  @DisplayName("#1355 - `options` is passed to success callbacks")
  void optionsPassedToSuccess() {
    Model m = new Model(attrs("x", 1));
    Collection<Model> collection = new Collection<>();
    Options opts = opts("opts", true).success((coll, resp, options) -> {
      assertEquals(true, options.get("opts"));
      count[0]++;
    });
    collection.setSync(RecordingSync.succeeding(attrs()));
    m.setSync(RecordingSync.succeeding(attrs()));
    collection.fetch(opts);
    collection.create(m, opts);
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("#1412 - Trigger 'request' and 'sync' events.")
  void triggerRequestAndSync() {
    Collection<Model> collection = new Collection<>().setUrl("/test");
    collection.on("request", args -> {
      assertSame(collection, args[0]);
      count[0]++;
    });
    collection.on("sync", args -> {
      assertSame(collection, args[0]);
      count[0]++;
    });
    collection.fetch();
    env.transport().respondLast("[]");
    collection.off();
    collection.on("request", args -> {
      assertSame(collection.get(1), args[0]);
      count[0]++;
    });
    collection.on("sync", args -> {
      assertSame(collection.get(1), args[0]);
      count[0]++;
    });
    collection.create(attrs("id", 1));
    env.transport().respondLast("");
    collection.off();
    assertEquals(4, count[0]);
  }

  @Test
  @DisplayName("#1447 - create with wait adds model.")
  void createWithWaitAddsModel() {
    Collection<Model> collection = new Collection<>();
    Model model = new Model();
    model.setSync(RecordingSync.succeeding(null));
    collection.on("add", counter);
    collection.create(model, new Options().waitForServer(true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#1448 - add sorts collection after merge.")
  void addSortsAfterMerge() {
    Collection<Model> collection = collectionOf(attrs("id", 1, "x", 1), attrs("id", 2, "x", 2));
    // One-parameter lambda: a sort key, as Backbone's one-argument comparator.
    collection.setComparator(model -> model.get("x"));
    collection.add(attrs("id", 1, "x", 3), new Options().merge(true));
    assertEquals(list(2, 1), collection.pluck("id"));
  }

  @Test
  @DisplayName("#1655 - groupBy can be used with a string argument.")
  void groupByString() {
    Collection<Model> collection = collectionOf(attrs("x", 1), attrs("x", 2));
    Map<Object, List<Model>> grouped = collection.groupBy("x");
    assertEquals(2, grouped.size());
    assertEquals(1, grouped.get(1).get(0).get("x"));
    assertEquals(2, grouped.get(2).get(0).get("x"));
  }

  @Test
  @DisplayName("#1655 - sortBy can be used with a string argument.")
  void sortByString() {
    Collection<Model> collection = collectionOf(attrs("x", 3), attrs("x", 1), attrs("x", 2));
    List<Object> values = new ArrayList<>();
    for (Model model : collection.sortBy("x")) {
      values.add(model.get("x"));
    }
    assertEquals(list(1, 2, 3), values);
  }

  @Test
  @DisplayName("#1604 - Removal during iteration.")
  void removalDuringIteration() {
    Collection<Model> collection = collectionOf(attrs(), attrs());
    collection.on("add", args -> collection.at(0).destroy());
    collection.add(attrs(), new Options().at(0));
    assertEquals(2, collection.length());
  }

  @Test
  @DisplayName("#1638 - `sort` during `add` triggers correctly.")
  void sortDuringAdd() {
    Collection<Model> collection = new Collection<>();
    collection.setComparator((Function<Model, Object>) model -> model.get("x"));
    List<Object> added = new ArrayList<>();
    collection.on("add", args -> {
      Model model = (Model) args[0];
      model.set(attrs("x", 3));
      collection.sort();
      added.add(model.getId());
    });
    collection.add(list(attrs("id", 1, "x", 1), attrs("id", 2, "x", 2)));
    assertEquals(list(1, 2), added);
  }

  @Test
  @DisplayName("fetch parses models by default")
  void fetchParsesModelsByDefault() {
    Collection<Model> collection = new Collection<>((attrs, options) -> new Model(attrs, options) {
      @Override
      public Map<String, Object> parse(Object response, Options opts) {
        assertEquals(attrs("marker", true), response);
        count[0]++;
        return super.parse(response, opts);
      }
    });
    collection.setUrl("test").fetch();
    env.transport().respondLast("[{\"marker\":true}]");
    assertEquals(1, count[0]);
  }

  /** A collection sorted by id whose sort() only counts calls, as Backbone's tests stub it. */
  private Collection<Model> countingSorts(Object... items) {
    return new Collection<>(null, list(items), opts("comparator", "id")) {
      @Override
      public Collection<Model> sort(Options options) {
        count[0]++;
        return this;
      }
    };
  }

  @Test
  @DisplayName("`sort` shouldn't always fire on `add`")
  void sortNotAlwaysOnAdd() {
    Collection<Model> collection = countingSorts(attrs("id", 1), attrs("id", 2), attrs("id", 3));
    count[0] = 0;
    collection.add(list());
    collection.add(attrs("id", 1));
    collection.add(list(attrs("id", 2), attrs("id", 3)));
    collection.add(attrs("id", 4));
    assertEquals(1, count[0]);
  }

  /** Backbone's namespaced collection: parse unwraps "namespace", its models parse in a name. */
  private static Collection<Model> namespaced() {
    return new Collection<>((attrs, options) -> new Model(attrs, options) {
      @Override
      public Map<String, Object> parse(Object response, Options opts) {
        Map<String, Object> m = super.parse(response, opts);
        m.put("name", "test");
        return m;
      }
    }) {
      @Override
      public Object parse(Object response, Options options) {
        return ((Map<?, ?>) response).get("namespace");
      }
    };
  }

  @Test
  @DisplayName("#1407 parse option on constructor parses collection and models")
  void parseOnConstructor() {
    Collection<Model> prototype = namespaced();
    Collection<Model> collection = new Collection<>(prototype.getModelFactory(),
        attrs("namespace", list(attrs("id", 1), attrs("id", 2))), new Options().parse(true)) {
      @Override
      public Object parse(Object response, Options options) {
        return prototype.parse(response, options);
      }
    };
    assertEquals(2, collection.length());
    assertEquals("test", collection.at(0).get("name"));
  }

  @Test
  @DisplayName("#1407 parse option on reset parses collection and models")
  void parseOnReset() {
    Collection<Model> collection = namespaced();
    collection.reset(attrs("namespace", list(attrs("id", 1), attrs("id", 2))), new Options().parse(true));
    assertEquals(2, collection.length());
    assertEquals("test", collection.at(0).get("name"));
  }

  @Test
  @DisplayName("Reset includes previous models in triggered event.")
  void resetIncludesPreviousModels() {
    Model model = new Model();
    Collection<Model> collection = collectionOf(model);
    collection.on("reset", args -> {
      assertEquals(List.of(model), ((Options) args[1]).getPreviousModels());
      count[0]++;
    });
    collection.reset(list());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("set")
  void set() {
    Model m1 = new Model();
    Model m2 = new Model(attrs("id", 2));
    Model m3 = new Model();
    Collection<Model> collection = collectionOf(m1, m2);
    collection.on("add", args -> assertSame(m3, args[0]));
    collection.on("change", args -> assertSame(m2, args[0]));
    collection.on("remove", args -> assertSame(m1, args[0]));

    collection.set(list(), new Options().remove(false));
    assertEquals(2, collection.length());

    collection.set(list(m1, m2, m3), new Options().add(false));
    assertEquals(2, collection.length());

    collection.set(list(m1, attrs("id", 2, "a", 1)), new Options().merge(false));
    assertNull(m2.get("a"));

    collection.set(list(m1, attrs("id", 2, "a", 0), m3, attrs("id", 4)), new Options().add(false).remove(false));
    assertEquals(2, collection.length());
    assertEquals(0, m2.get("a"));

    collection.set(list(attrs("id", 2, "a", 1), m3));
    assertEquals(2, collection.length());
    assertEquals(1, m2.get("a"));

    collection.off("remove").on("remove", args -> assertTrue(args[0] == m2 || args[0] == m3));
    collection.set(list());
    assertEquals(0, collection.length());

    collection.off();
    collection.set(list(attrs("id", 1)));
    collection.set((List<?>) null);
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("set with only cids")
  void setWithOnlyCids() {
    Model m1 = new Model();
    Model m2 = new Model();
    Collection<Model> collection = new Collection<>();
    collection.set(list(m1, m2));
    assertEquals(2, collection.length());
    collection.set(list(m1));
    assertEquals(1, collection.length());
    collection.set(list(m1, m1, m1, m2, m2), new Options().remove(false));
    assertEquals(2, collection.length());
  }

  @Test
  @DisplayName("set with only idAttribute")
  void setWithOnlyIdAttribute() {
    Map<String, Object> m1 = attrs("_id", 1);
    Map<String, Object> m2 = attrs("_id", 2);
    Collection<MongoModel> collection = new Collection<>(MongoModel::new);
    collection.set(list(m1, m2));
    assertEquals(2, collection.length());
    collection.set(list(m1));
    assertEquals(1, collection.length());
    collection.set(list(m1, m1, m1, m2, m2), new Options().remove(false));
    assertEquals(2, collection.length());
  }

  @Test
  @DisplayName("set + merge with default values defined")
  void setMergeWithDefaults() {
    ModelFactory<Model> factory = (attrs, options) -> new Model(attrs, options) {
      @Override
      protected Map<String, ?> defaults() {
        return attrs("key", "value");
      }
    };
    Model m = factory.create(attrs("id", 1), null);
    Collection<Model> collection = new Collection<>(factory, list(m), null);
    assertEquals("value", collection.first().get("key"));
    collection.set(attrs("id", 1, "key", "other"), null);
    assertEquals("other", collection.first().get("key"));
    collection.set(attrs("id", 1, "other", "value"), null);
    assertEquals("other", collection.first().get("key"));
    assertEquals(1, collection.length());
  }

  /** A model that turns a "child" attribute map into a child model. */
  static class Parent extends Model {
    Parent(Map<String, Object> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void initialize(Map<String, ?> attrs, Options options) {
      if (attrs != null && attrs.get("child") instanceof Map) {
        set("child", new Parent((Map<String, Object>) attrs.get("child"), options), options);
      }
    }
  }

  @Test
  @DisplayName("merge without mutation")
  void mergeWithoutMutation() {
    List<Object> data = list(attrs("id", 1, "child", attrs("id", 2)));
    Collection<Parent> collection = new Collection<>(Parent::new, data, null);
    assertEquals(1, collection.first().getId());
    collection.set(data);
    assertEquals(1, collection.first().getId());
    List<Object> more = list(attrs("id", 2, "child", attrs("id", 2)));
    more.addAll(data);
    collection.set(more);
    assertEquals(list(2, 1), collection.pluck("id"));
  }

  @Test
  @DisplayName("`set` and model level `parse`")
  void setAndModelParse() {
    Model model = new Model(attrs("id", 1));
    Collection<Model> collection = new Collection<>(null, model, null) {
      @Override
      public Object parse(Object response, Options options) {
        List<Object> models = new ArrayList<>();
        for (Object item : (List<?>) ((Map<?, ?>) response).get("models")) {
          models.add(((Map<?, ?>) item).get("model"));
        }
        return models;
      }
    };
    collection.set(attrs("models", list(attrs("model", attrs("id", 1)), attrs("model", attrs("id", 2)))),
        new Options().parse(true));
    assertSame(model, collection.first());
  }

  @Test
  @DisplayName("`set` data is only parsed once")
  void setParsedOnce() {
    Collection<Model> collection = new Collection<>((attrs, options) -> new Model(attrs, options) {
      @Override
      public Map<String, Object> parse(Object response, Options opts) {
        Map<String, Object> data = super.parse(response, opts);
        assertNull(data.get("parsed"));
        data.put("parsed", true);
        count[0]++;
        return data;
      }
    });
    collection.set(attrs(), new Options().parse(true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("`set` matches input order in the absence of a comparator")
  void setMatchesInputOrder() {
    Model one = new Model(attrs("id", 1));
    Model two = new Model(attrs("id", 2));
    Model three = new Model(attrs("id", 3));
    Collection<Model> collection = collectionOf(one, two, three);
    collection.set(list(attrs("id", 3), attrs("id", 2), attrs("id", 1)));
    assertEquals(List.of(three, two, one), collection.toList());
    collection.set(list(attrs("id", 1), attrs("id", 2)));
    assertEquals(List.of(one, two), collection.toList());
    collection.set(list(two, three, one));
    assertEquals(List.of(two, three, one), collection.toList());
    collection.set(list(attrs("id", 1), attrs("id", 2)), new Options().remove(false));
    assertEquals(List.of(two, three, one), collection.toList());
    collection.set(list(attrs("id", 1), attrs("id", 2), attrs("id", 3)), new Options().merge(false));
    assertEquals(List.of(one, two, three), collection.toList());
    collection.set(list(three, two, one, attrs("id", 4)), new Options().add(false));
    assertEquals(List.of(one, two, three), collection.toList());
  }

  @Test
  @DisplayName("#1894 - Push should not trigger a sort")
  void pushDoesNotSort() {
    Collection<Model> collection = countingSorts();
    collection.push(attrs("id", 1));
    assertEquals(0, count[0]);
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("#2428 - push duplicate models, return the correct one")
  void pushDuplicateReturnsExisting() {
    Collection<Model> collection = new Collection<>();
    Model model1 = collection.push(attrs("id", 101));
    Model model2 = collection.push(attrs("id", 101));
    assertEquals(model1.getCid(), model2.getCid());
  }

  @Test
  @DisplayName("`set` with non-normal id")
  void setWithNonNormalId() {
    Collection<MongoModel> collection = new Collection<>(MongoModel::new, attrs("_id", 1), null);
    collection.set(list(attrs("_id", 1, "a", 1)), new Options().add(false));
    assertEquals(1, collection.first().get("a"));
  }

  @Test
  @DisplayName("#1894 - `sort` can optionally be turned off")
  void sortCanBeTurnedOff() {
    Collection<Model> collection = countingSorts();
    collection.add(attrs("id", 1), new Options().sort(false));
    assertEquals(0, count[0]);
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("#1915 - `parse` data in the right order in `set`")
  void parseDataInRightOrder() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public Object parse(Object response, Options options) {
        assertEquals("ok", ((Map<?, ?>) response).get("status"));
        count[0]++;
        return ((Map<?, ?>) response).get("data");
      }
    };
    collection.set(attrs("status", "ok", "data", list(attrs("id", 1))), new Options().parse(true));
    assertEquals(1, count[0]);
    assertEquals(1, collection.length());
  }

  @Test
  @DisplayName("#1939 - `parse` is passed `options`")
  void parseIsPassedOptions() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public Object parse(Object response, Options options) {
        assertInstanceOf(HttpRequest.class, options.get(Options.XHR));
        assertEquals("/", ((HttpRequest) options.get(Options.XHR)).url());
        count[0]++;
        return response;
      }
    };
    collection.setUrl("/");
    collection.fetch(new Options().success((coll, resp, options) -> count[0]++));
    env.transport().respondLast("[]");
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("fetch will pass extra options to success callback")
  void fetchExtraOptions() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public void sync(String method, Options options) {
        options.set("specialSync", true);
        super.sync(method, options);
      }
    };
    collection.setUrl("/test");
    collection.fetch(new Options().success(expectSpecialSync));
    env.transport().respondLast("");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("`add` only `sort`s when necessary")
  void addSortsOnlyWhenNecessary() {
    Collection<Model> collection = sortedBy("a", attrs("id", 1), attrs("id", 2), attrs("id", 3));
    collection.on("sort", counter);
    collection.add(attrs("id", 4));
    collection.add(attrs("id", 1, "a", 1), new Options().merge(true));
    collection.add(attrs("id", 1, "b", 1), new Options().merge(true));
    collection.add(attrs("id", 1, "a", 1), new Options().merge(true));
    collection.add(new ArrayList<Object>(collection.toList()));
    collection.add(new ArrayList<Object>(collection.toList()), new Options().merge(true));
    assertEquals(2, count[0]);
  }

  @Test
  @DisplayName("`add` only `sort`s when necessary with comparator function")
  void addSortsOnlyWhenNecessaryWithComparator() {
    Comparator<Model> byA = (m1, m2) -> Values.compare(m1.get("a"), m2.get("a"));
    Collection<Model> collection = sortedBy(byA, attrs("id", 1), attrs("id", 2), attrs("id", 3));
    collection.on("sort", counter);
    collection.add(attrs("id", 4));
    collection.add(attrs("id", 1, "a", 1), new Options().merge(true));
    collection.add(attrs("id", 1, "b", 1), new Options().merge(true));
    collection.add(attrs("id", 1, "a", 1), new Options().merge(true));
    collection.add(new ArrayList<Object>(collection.toList()));
    collection.add(new ArrayList<Object>(collection.toList()), new Options().merge(true));
    assertEquals(3, count[0]);
  }

  @Test
  @DisplayName("Attach options to collection.")
  void attachOptionsToCollection() {
    ModelFactory<Model> factory = Model::new;
    Comparator<Model> comparator = (x, y) -> 0;
    Collection<Model> collection = new Collection<>(factory, list(), opts("comparator", comparator));
    assertSame(factory, collection.getModelFactory());
    assertSame(comparator, collection.getComparator());
  }

  @Test
  @DisplayName("Pass falsey for `models` for empty Col with `options`")
  void falseyModelsWithOptions() {
    Options opts = opts("a", 1, "b", 2);
    Collection<Model> collection = new Collection<Model>(null, null, opts) {
      @Override
      protected void initialize(Object models, Options options) {
        assertNull(models);
        assertSame(opts, options);
        count[0]++;
      }
    };
    assertEquals(0, collection.length());
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("`add` overrides `set` flags")
  void addOverridesSetFlags() {
    Collection<Model> collection = new Collection<>();
    collection.once("add", args -> collection.add(attrs("id", 2), (Options) args[2]));
    collection.set(attrs("id", 1), null);
    assertEquals(2, collection.length());
  }

  @Test
  @DisplayName("#2606 - Collection#create, success arguments")
  void createSuccessArguments() {
    Collection<Model> collection = new Collection<>().setUrl("test");
    collection.create(attrs(), new Options().success((model, resp, options) -> {
      assertEquals("response", resp);
      count[0]++;
    }));
    env.transport().respondLast("\"response\"");
    assertEquals(1, count[0]);
  }

  /** A job whose parse fills its items collection (Backbone's nested-parse example). */
  static class Job extends Model {
    Collection<Item> items;

    Job(Map<String, Object> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    public Map<String, Object> parse(Object response, Options options) {
      if (items == null) {
        // parse runs inside the Model constructor, before this class's field initialisers.
        items = new Collection<>(Item::new);
      }
      Map<String, Object> attrs = super.parse(response, options);
      items.set((List<?>) attrs.remove("items"), new Options().parse(true));
      return attrs;
    }
  }

  /** An item with sub-items. */
  static class Item extends Model {
    Collection<Model> subItems;

    Item(Map<String, Object> attrs, Options options) {
      super(attrs, options);
    }

    @Override
    public Map<String, Object> parse(Object response, Options options) {
      if (subItems == null) {
        subItems = new Collection<>();
      }
      Map<String, Object> attrs = super.parse(response, options);
      subItems.set((List<?>) attrs.remove("subItems"), new Options().parse(true));
      return attrs;
    }
  }

  private static Map<String, Object> jobData(String prefix, String... sub) {
    return attrs("name", prefix + "JobName", "id", 1, "items", list(
        attrs("id", 1, "name", prefix + "Sub1", "subItems", list(attrs("id", 1, "subName", sub[0]),
            attrs("id", 2, "subName", sub[1]))),
        attrs("id", 2, "name", prefix + "Sub2", "subItems", list(attrs("id", 3, "subName", sub[2]),
            attrs("id", 4, "subName", sub[3])))));
  }

  @Test
  @DisplayName("#2612 - nested `parse` works with `Collection#set`")
  void nestedParseWithSet() {
    Job job = new Job(jobData("", "One", "Two", "Three", "Four"), new Options().parse(true));
    assertEquals("JobName", job.get("name"));
    assertEquals("Sub1", job.items.at(0).get("name"));
    assertEquals(2, job.items.length());
    assertEquals("One", job.items.get(1).subItems.get(1).get("subName"));
    assertEquals("Three", job.items.get(2).subItems.get(3).get("subName"));
    job.set(job.parse(jobData("New", "NewOne", "NewTwo", "NewThree", "NewFour"), new Options().parse(true)));
    assertEquals("NewJobName", job.get("name"));
    assertEquals("NewSub1", job.items.at(0).get("name"));
    assertEquals(2, job.items.length());
    assertEquals("NewOne", job.items.get(1).subItems.get(1).get("subName"));
    assertEquals("NewThree", job.items.get(2).subItems.get(3).get("subName"));
  }

  @Test
  @DisplayName("_addReference binds all collection events & adds to the lookup hashes")
  void addReferenceBindsAndIndexes() {
    Collection<Model> collection = new Collection<>();
    Model model = collection.add(attrs("id", 1));
    assertSame(model, collection.get(1));
    assertSame(model, collection.get(model.getCid()));
    assertEquals(1, model.handlerCount("all"));
    collection.remove(model);
    assertNull(collection.get(1));
    assertNull(collection.get(model.getCid()));
    assertNull(model.getCollection());
    assertEquals(0, model.handlerCount("all"));
  }

  @Test
  @DisplayName("Do not allow duplicate models to be `add`ed or `set`")
  void noDuplicates() {
    Collection<Model> collection = new Collection<>();
    collection.add(list(attrs("id", 1), attrs("id", 1)));
    assertEquals(1, collection.length());
    assertEquals(1, collection.toList().size());
    collection.set(list(attrs("id", 1), attrs("id", 1)));
    assertEquals(1, collection.length());
    assertEquals(1, collection.toList().size());
  }

  @Test
  @DisplayName("#3020: #set with {add: false} should not throw.")
  void setWithAddFalse() {
    Collection<Model> collection = new Collection<>();
    collection.set(list(attrs("id", 1)), new Options().add(false));
    assertEquals(0, collection.length());
    assertEquals(0, collection.toList().size());
  }

  @Test
  @DisplayName("create with wait, model instance, #3028")
  void createWithWaitModelInstance() {
    Collection<Model> collection = new Collection<>();
    Model model = new Model(attrs("id", 1));
    model.setSync((method, target, options) -> {
      assertSame(collection, ((Model) target).getCollection());
      count[0]++;
    });
    collection.create(model, new Options().waitForServer(true));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("modelId")
  void modelId() {
    Collection<Model> stooges = new Collection<>();
    assertEquals(1, stooges.modelId(attrs("id", 1), null));
    MongoModel model = new MongoModel(attrs("_id", 1), null);
    assertEquals(1, stooges.modelId(model.getAttributes(), model.idAttribute()));
    // Default to the idAttribute of the collection's models: Java cannot ask a class what an instance method
    // returns, so the collection learns it from its models, here the one its factory made.
    Collection<MongoModel> stoogeCollection = new Collection<>(MongoModel::new, list(attrs("_id", 2)), null);
    assertEquals(1, stoogeCollection.modelId(attrs("_id", 1), null));
  }

  /** Two model kinds for the polymorphism tests. */
  static class KindA extends MongoModel {
    KindA(Map<String, ?> attrs, Options options) {
      super(attrs, options);
    }
  }

  /** The other kind. */
  static class KindB extends MongoModel {
    KindB(Map<String, ?> attrs, Options options) {
      super(attrs, options);
    }
  }

  @Test
  @DisplayName("Polymorphic models work with \"simple\" constructors")
  void polymorphicSimple() {
    Collection<Model> collection = new Collection<>((attrs, options) ->
        "a".equals(attrs.get("type")) ? new Model(attrs, options) : new TestSupport.ValidatedModel(attrs));
    collection.add(list(attrs("id", 1, "type", "a"), attrs("id", 2, "type", "b")));
    assertEquals(2, collection.length());
    assertFalse(collection.at(0) instanceof TestSupport.ValidatedModel);
    assertEquals(1, collection.at(0).getId());
    assertInstanceOf(TestSupport.ValidatedModel.class, collection.at(1));
    assertEquals(2, collection.at(1).getId());
  }

  @Test
  @DisplayName("Polymorphic models work with \"advanced\" constructors")
  void polymorphicAdvanced() {
    Collection<MongoModel> collection = new Collection<>((attrs, options) ->
        "a".equals(attrs.get("type")) ? new KindA(attrs, options) : new KindB(attrs, options),
        list(attrs("_id", 1, "type", "a"), attrs("_id", 2, "type", "b")), null);
    assertEquals(2, collection.length());
    assertInstanceOf(KindA.class, collection.at(0));
    assertSame(collection.get(1), collection.at(0));
    assertInstanceOf(KindB.class, collection.at(1));
    assertSame(collection.get(2), collection.at(1));

    Collection<Model> typed = new Collection<>((attrs, options) ->
        "a".equals(attrs.get("type")) ? new KindA(attrs, options) : new KindB(attrs, options),
        list(attrs("id", 1, "type", "a"), attrs("id", 1, "type", "b")), null) {
      @Override
      public Object modelId(Map<String, ?> attrs, String idAttribute) {
        return attrs.get("type") + "-" + Values.asText(attrs.get("id"));
      }
    };
    assertEquals(2, typed.length());
    assertInstanceOf(KindA.class, typed.at(0));
    assertSame(typed.get("a-1"), typed.at(0));
    assertInstanceOf(KindB.class, typed.at(1));
    assertSame(typed.get("b-1"), typed.at(1));
  }

  @Test
  @DisplayName("Collection with polymorphic models receives id from modelId using model instance idAttribute")
  void polymorphicModelIdUsesInstanceIdAttribute() {
    Collection<Model> c1 = new Collection<>((attrs, options) -> new Model(attrs), attrs("id", 1), null);
    assertEquals(1, c1.get(1).getId());
    assertEquals(1, c1.modelId(attrs("id", 1), null));
    Collection<MongoModel> c2 = new Collection<>(MongoModel::new, attrs("_id", 1), null);
    assertSame(c2.at(0), c2.get(1));
    assertEquals(1, c2.modelId(c2.at(0).getAttributes(), c2.at(0).idAttribute()));
    MongoModel m = new MongoModel(attrs("_id", 2), null);
    c2.add(m);
    assertSame(m, c2.get(2));
    assertEquals(2, c2.modelId(m.getAttributes(), m.idAttribute()));
  }

  @Test
  @DisplayName("Collection implements Iterable, values is default iterator function")
  void implementsIterable() {
    Collection<Model> collection = new Collection<>(list());
    assertInstanceOf(Iterable.class, collection);
    assertFalse(collection.iterator().hasNext());
    assertFalse(collection.values().hasNext());
  }

  @Test
  @DisplayName("Collection.values iterates models in sorted order")
  void valuesInOrder() {
    Model one = new Model(attrs("id", 1));
    Model two = new Model(attrs("id", 2));
    Model three = new Model(attrs("id", 3));
    Iterator<Model> iterator = collectionOf(one, two, three).values();
    assertSame(one, iterator.next());
    assertSame(two, iterator.next());
    assertSame(three, iterator.next());
    assertFalse(iterator.hasNext());
  }

  @Test
  @DisplayName("Collection.keys iterates ids in sorted order")
  void keysInOrder() {
    Iterator<Object> iterator = collectionOf(attrs("id", 1), attrs("id", 2), attrs("id", 3)).keys();
    assertEquals(1, iterator.next());
    assertEquals(2, iterator.next());
    assertEquals(3, iterator.next());
    assertFalse(iterator.hasNext());
  }

  @Test
  @DisplayName("Collection.entries iterates ids and models in sorted order")
  void entriesInOrder() {
    Model one = new Model(attrs("id", 1));
    Model two = new Model(attrs("id", 2));
    Model three = new Model(attrs("id", 3));
    Iterator<Map.Entry<Object, Model>> iterator = collectionOf(one, two, three).entries();
    assertEquals(Map.entry(1, one), iterator.next());
    assertEquals(Map.entry(2, two), iterator.next());
    assertEquals(Map.entry(3, three), iterator.next());
    assertFalse(iterator.hasNext());
  }

  @Test
  @DisplayName("#3039 #3951: adding at index fires with correct at")
  void addingAtIndexFiresCorrectAt() {
    Collection<Model> collection = collectionOf(attrs("val", 0), attrs("val", 4));
    collection.on("add", args -> {
      assertEquals(((Model) args[0]).get("val"), ((Options) args[2]).getIndex());
      count[0]++;
    });
    collection.add(list(attrs("val", 1), attrs("val", 2), attrs("val", 3)), new Options().at(1));
    collection.add(attrs("val", 5), new Options().at(10));
    assertEquals(4, count[0]);
  }

  @Test
  @DisplayName("#3039: index is not sent when at is not specified")
  void indexNotSentWithoutAt() {
    Collection<Model> collection = collectionOf(attrs("at", 0));
    collection.on("add", args -> {
      assertNull(((Options) args[2]).getIndex());
      count[0]++;
    });
    collection.add(list(attrs("at", 1), attrs("at", 2)));
    assertEquals(2, count[0]);
  }

  private Collection<Model> oneTwoThree() {
    return collectionOf(new Model(attrs("id", 1)), new Model(attrs("id", 2)), new Model(attrs("id", 3)));
  }

  @Test
  @DisplayName("#3199 - Order changing should trigger a sort")
  void orderChangeTriggersSort() {
    Collection<Model> collection = oneTwoThree();
    collection.on("sort", counter);
    collection.set(list(attrs("id", 3), attrs("id", 2), attrs("id", 1)));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#3199 - Adding a model should trigger a sort")
  void addingTriggersSort() {
    Collection<Model> collection = oneTwoThree();
    collection.on("sort", counter);
    collection.set(list(attrs("id", 1), attrs("id", 2), attrs("id", 3), attrs("id", 0)));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#3199 - Order not changing should not trigger a sort")
  void sameOrderNoSort() {
    Collection<Model> collection = oneTwoThree();
    collection.on("sort", args -> fail("no sort expected"));
    collection.set(list(attrs("id", 1), attrs("id", 2), attrs("id", 3)));
    assertEquals(3, collection.length());
  }

  @Test
  @DisplayName("add supports negative indexes")
  void addNegativeIndexes() {
    Collection<Model> collection = collectionOf(attrs("id", 1));
    collection.add(list(attrs("id", 2), attrs("id", 3)), new Options().at(-1));
    collection.add(list(attrs("id", 2.5)), new Options().at(-2));
    collection.add(list(attrs("id", 0.5)), new Options().at(-6));
    assertEquals("0.5,1,2,2.5,3", String.join(",", collection.map(m -> Values.asText(m.getId()))));
  }

  @Test
  @DisplayName("#set accepts options.at as a string")
  void atAsString() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2));
    collection.add(list(attrs("id", 3)), opts("at", "1"));
    assertEquals(list(1, 3, 2), collection.pluck("id"));
  }

  @Test
  @DisplayName("adding multiple models triggers `update` event once")
  void addingMultipleUpdateOnce() {
    Collection<Model> collection = new Collection<>();
    collection.on("update", counter);
    collection.add(list(attrs("id", 1), attrs("id", 2), attrs("id", 3)));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("removing models triggers `update` event once")
  void removingUpdateOnce() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2), attrs("id", 3));
    collection.on("update", counter);
    collection.remove(list(attrs("id", 1), attrs("id", 2)));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("remove does not trigger `update` when nothing removed")
  void removeNothingNoUpdate() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2));
    collection.on("update", args -> fail("no update expected"));
    collection.remove(list(attrs("id", 3)));
    assertEquals(2, collection.length());
  }

  @Test
  @DisplayName("set triggers `set` event once")
  void setTriggersUpdateOnce() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2));
    collection.on("update", counter);
    collection.set(list(attrs("id", 1), attrs("id", 3)));
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("set does not trigger `update` event when nothing added nor removed")
  void setMergeOnlyUpdate() {
    Collection<Model> collection = collectionOf(attrs("id", 1), attrs("id", 2));
    collection.on("update", args -> {
      Changes<?> changes = ((Options) args[1]).getChanges();
      assertEquals(0, changes.added().size());
      assertEquals(0, changes.removed().size());
      assertEquals(2, changes.merged().size());
      count[0]++;
    });
    collection.set(list(attrs("id", 1), attrs("id", 2)));
    assertEquals(1, count[0]);
  }

  /** Backbone's test model with a method of three arguments. */
  static class MethodModel extends Model {
    final List<Object> received = new ArrayList<>();

    MethodModel(Map<String, ?> attrs, Options options) {
      super(attrs, options);
    }

    Object method(Object... args) {
      received.addAll(List.of(args));
      return null;
    }
  }

  @Test
  @DisplayName("#3610 - invoke collects arguments")
  void invokeCollectsArguments() {
    Collection<MethodModel> collection = new Collection<>(MethodModel::new, list(attrs("id", 1)), null);
    collection.invoke(MethodModel::method, 1, 2, 3);
    assertEquals(List.of(1, 2, 3), collection.first().received);
  }

  @Test
  @DisplayName("#3662 - triggering change without model will not error")
  void changeWithoutModel() {
    Collection<Model> collection = collectionOf(attrs("id", 1));
    Model model = collection.first();
    collection.on("change", args -> {
      assertEquals(0, args.length);
      count[0]++;
    });
    model.trigger("change");
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#3871 - falsy parse result creates empty collection")
  void falsyParseResult() {
    Collection<Model> collection = new Collection<>() {
      @Override
      public Object parse(Object response, Options options) {
        return null;
      }
    };
    collection.set("", new Options().parse(true));
    assertEquals(0, collection.length());
  }

  private Changes<?>[] captureUpdate(Collection<Model> collection) {
    Changes<?>[] changes = new Changes<?>[1];
    collection.on("update", args -> changes[0] = ((Options) args[1]).getChanges());
    return changes;
  }

  @Test
  @DisplayName("#3711 - remove's `update` event returns one removed model")
  void removeUpdateOneRemoved() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Collection<Model> collection = collectionOf(model);
    Changes<?>[] changes = captureUpdate(collection);
    collection.remove(model);
    assertEquals(List.of(), changes[0].added());
    assertEquals(List.of(), changes[0].merged());
    assertSame(model, changes[0].removed().get(0));
  }

  @Test
  @DisplayName("#3711 - remove's `update` event returns multiple removed models")
  void removeUpdateMultipleRemoved() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Model model2 = new Model(attrs("id", 2, "title", "Second Post"));
    Collection<Model> collection = collectionOf(model, model2);
    Changes<?>[] changes = captureUpdate(collection);
    collection.remove(list(model, model2));
    assertEquals(List.of(), changes[0].added());
    assertEquals(List.of(), changes[0].merged());
    assertEquals(2, changes[0].removed().size());
    assertTrue(changes[0].removed().contains(model) && changes[0].removed().contains(model2));
  }

  @Test
  @DisplayName("#3711 - set's `update` event returns one added model")
  void setUpdateOneAdded() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Collection<Model> collection = new Collection<>();
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(model, null);
    assertEquals(1, changes[0].added().size());
    assertSame(model, changes[0].added().get(0));
  }

  @Test
  @DisplayName("#3711 - set's `update` event returns multiple added models")
  void setUpdateMultipleAdded() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Model model2 = new Model(attrs("id", 2, "title", "Second Post"));
    Collection<Model> collection = new Collection<>();
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(list(model, model2));
    assertEquals(List.of(model, model2), changes[0].added());
  }

  @Test
  @DisplayName("#3711 - set's `update` event returns one removed model")
  void setUpdateOneRemoved() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Model model2 = new Model(attrs("id", 2, "title", "Second Post"));
    Model model3 = new Model(attrs("id", 3, "title", "My Last Post"));
    Collection<Model> collection = collectionOf(model);
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(list(model2, model3));
    assertEquals(2, changes[0].added().size());
    assertEquals(0, changes[0].merged().size());
    assertEquals(List.of(model), changes[0].removed());
  }

  @Test
  @DisplayName("#3711 - set's `update` event returns multiple removed models")
  void setUpdateMultipleRemoved() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Model model2 = new Model(attrs("id", 2, "title", "Second Post"));
    Model model3 = new Model(attrs("id", 3, "title", "My Last Post"));
    Collection<Model> collection = collectionOf(model, model2);
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(list(model3));
    assertEquals(List.of(model, model2), changes[0].removed());
  }

  @Test
  @DisplayName("#3711 - set's `update` event returns one merged model")
  void setUpdateOneMerged() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Model model2 = new Model(attrs("id", 2, "title", "Second Post"));
    Model model2Update = new Model(attrs("id", 2, "title", "Second Post V2"));
    Collection<Model> collection = collectionOf(model, model2);
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(list(model2Update));
    assertEquals(1, changes[0].merged().size());
    assertEquals(model2Update.get("title"), changes[0].merged().get(0).get("title"));
  }

  @Test
  @DisplayName("#3711 - set's `update` event returns multiple merged models")
  void setUpdateMultipleMerged() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Model modelUpdate = new Model(attrs("id", 1, "title", "First Post V2"));
    Model model2 = new Model(attrs("id", 2, "title", "Second Post"));
    Model model2Update = new Model(attrs("id", 2, "title", "Second Post V2"));
    Collection<Model> collection = collectionOf(model, model2);
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(list(model2Update, modelUpdate));
    assertEquals(2, changes[0].merged().size());
    assertEquals(model2Update.get("title"), changes[0].merged().get(0).get("title"));
    assertEquals(modelUpdate.get("title"), changes[0].merged().get(1).get("title"));
  }

  @Test
  @DisplayName("#3711 - set's `update` event should not be triggered adding a model which already exists exactly alike")
  void setSameModelNoUpdate() {
    Model model = new Model(attrs("id", 1, "title", "First Post"));
    Collection<Model> collection = collectionOf(model);
    Changes<?>[] changes = captureUpdate(collection);
    collection.set(list(model));
    assertNull(changes[0]);
  }

  @Test
  @DisplayName("get models with `attributes` key")
  void getModelsWithAttributesKey() {
    Map<String, Object> model = attrs("id", 1, "attributes", attrs());
    Collection<Model> collection = collectionOf(model);
    assertNotNull(collection.get(model));
  }

  @Test
  @DisplayName("#3961 - add events sends options.index that correspond to wrong index")
  void addEventsIndexWithoutAt() {
    List<Object> models = list(new Model(attrs("id", "a")), new Model(attrs("id", "b")),
        new Model(attrs("id", "c")), new Model(attrs("id", "d")));
    Collection<Model> collection = new Collection<>(models);
    models.remove(0);
    models.add(new Model(attrs("id", "e")));
    collection.on("add", args -> {
      assertNull(((Options) args[2]).getIndex());
      count[0]++;
    });
    collection.set(models);
    assertEquals(1, count[0]);
  }

  @Test
  @DisplayName("#4233 - can instantiate new model in ES class Collection")
  void instantiateWithFactoryAndModelId() {
    Collection<Model> instance = new Collection<>((attrs, options) -> new Model(attrs, options),
        list(attrs("a", 2)), null) {
      @Override
      public Object modelId(Map<String, ?> attrs, String idAttribute) {
        return attrs.get("x");
      }
    };
    assertEquals(1, instance.length());
  }

  // ------------------------------------------------------------------ Java-specific

  @Test
  @DisplayName("fetch with reset replaces the models and fires reset; without it merges with set")
  void fetchResetVersusSet() {
    Collection<Model> collection = collectionOf(attrs("id", 1.0, "t", "old")).setUrl("/items");
    List<Object> events = new ArrayList<>();
    collection.on("all", args -> events.add(args[0]));
    collection.fetch();
    env.transport().respondLast("[{\"id\":1,\"t\":\"new\"},{\"id\":2}]");
    assertEquals(list("request", "change:t", "change", "add", "sort", "update", "sync"), events);
    events.clear();
    collection.fetch(new Options().reset(true));
    env.transport().respondLast("[{\"id\":3}]");
    assertEquals(list("request", "reset", "sync"), events);
    assertEquals(list(3.0), collection.pluck("id"));
  }

  @Test
  @DisplayName("sort without a comparator fails clearly")
  void sortWithoutComparator() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> col.sort());
    assertEquals("Cannot sort a set without a comparator", e.getMessage());
  }

  // Divergences found by running the same scenario on Backbone 1.6.1 and here; each test pins Backbone's behaviour.

  @Test
  @DisplayName("a collection of _id models built from instances finds them by _id: add, set and remove with "
      + "attribute maps")
  void idAttributeOfModelsGivenAsInstances() {
    Collection<Model> collection = new Collection<>(MongoModel::new, list(
        new MongoModel(attrs("_id", 100, "v", 1), null), new MongoModel(attrs("_id", 1, "v", 1), null)), null);
    collection.add(attrs("_id", 100, "v", 2));
    assertEquals(2, collection.length());
    collection.set(list(attrs("_id", 100, "v", 3), attrs("_id", 1, "v", 3)));
    assertEquals(2, collection.length());
    assertEquals(list(3, 3), collection.pluck("v"));
    collection.remove(attrs("_id", 1));
    assertEquals(list(100), collection.pluck("_id"));
  }

  @Test
  @DisplayName("fetch with reset gives parse the response as it came, even when it is not a list")
  void fetchResetParsesTheRawResponse() {
    Object[] parsed = new Object[1];
    Collection<Model> collection = new Collection<Model>() {
      @Override
      public Object parse(Object response, Options options) {
        parsed[0] = response;
        return ((Map<?, ?>) response).get("items");
      }
    }.setUrl("/items");
    collection.fetch(new Options().reset(true));
    env.transport().respondLast("{\"items\":[{\"id\":1},{\"id\":2}]}");
    assertInstanceOf(Map.class, parsed[0]);
    assertEquals(list(1.0, 2.0), collection.pluck("id"));
  }

  @Test
  @DisplayName("set merges a model instance's attributes, not its toJSON()")
  void mergeTakesAttributesNotToJson() {
    Collection<Model> collection = collectionOf(attrs("id", 1, "a", 1));
    Model incoming = new Model(attrs("id", 1, "a", 2)) {
      @Override
      public Map<String, Object> toJSON(Options options) {
        return attrs("id", 1, "a", "serialized");
      }
    };
    collection.set(list(incoming), new Options().remove(false));
    assertEquals(2, collection.get(1).get("a"));
  }

  @Test
  @DisplayName("get finds a model by an attribute map that carries its cid")
  void getByCidAttribute() {
    assertSame(b, col.get(attrs("cid", b.getCid())));
    assertNull(col.get(attrs("cid", "nope")));
  }

  @Test
  @DisplayName("clone keeps the factory, comparator, URL and Sync")
  void cloneKeepsConfiguration() {
    RecordingSync own = new RecordingSync();
    Collection<MongoModel> collection = new Collection<>(MongoModel::new, list(attrs("_id", 2), attrs("_id", 1)),
        opts("comparator", "_id"));
    collection.setUrl("/mongo").setSync(own);
    Collection<MongoModel> clone = collection.clone();
    assertEquals("/mongo", clone.url());
    assertSame(own, clone.getSync());
    assertEquals("_id", clone.getComparator());
    assertSame(collection.getModelFactory(), clone.getModelFactory());
    assertInstanceOf(MongoModel.class, clone.add(attrs("_id", 0)));
    assertEquals(list(0, 1, 2), clone.pluck("_id"));
    assertEquals(list(1, 2), collection.pluck("_id"));
  }
}
