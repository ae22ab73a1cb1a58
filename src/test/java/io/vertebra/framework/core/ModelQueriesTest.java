package io.vertebra.framework.core;

import static io.vertebra.framework.core.TestSupport.attrs;
import static io.vertebra.framework.core.TestSupport.list;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Underscore methods of Collection beyond what Backbone's own tests exercise (ModelSequence, ModelQueries). */
class ModelQueriesTest {

  private final Model a = new Model(attrs("id", 1, "n", 5, "tag", "x"));
  private final Model b = new Model(attrs("id", 2, "n", 9, "tag", "y"));
  private final Model c = new Model(attrs("id", 3, "n", 9, "tag", "x"));
  private final Model d = new Model(attrs("id", 4, "tag", ""));
  private final Collection<Model> col = new Collection<>(list(a, b, c, d));
  private final Collection<Model> empty = new Collection<>();

  @Test
  void positionsAndSlicesFollowUnderscore() {
    assertEquals(List.of(a, b), col.first(2));
    assertEquals(List.of(), col.first(0));
    assertEquals(List.of(c, d), col.last(2));
    assertEquals(List.of(a, b, c, d), col.last(9));
    assertEquals(List.of(a, b, c), col.initial());
    assertEquals(List.of(a), col.initial(3));
    assertEquals(List.of(b, c, d), col.rest());
    assertEquals(List.of(d), col.rest(3));
    assertEquals(List.of(), empty.initial());
    assertNull(empty.first());
  }

  @Test
  void membershipComparesModelsByIdentity() {
    Collection<Model> twice = new Collection<>(list(a, b));
    assertEquals(1, twice.lastIndexOf(b));
    assertEquals(-1, twice.lastIndexOf(new Model(attrs("id", 2))));
    assertTrue(col.includes(c));
    assertFalse(col.includes(new Model(attrs("id", 3))));
    assertEquals(List.of(b, d), col.without(a, c));
    assertEquals(List.of(b, c), col.difference(List.of(a, d)));
    assertArrayEquals(new Object[] {a, b, c, d}, col.toArray());
    Model[] typed = col.toArray(Model[]::new);
    assertSame(d, typed[3]);
  }

  @Test
  void shuffleAndSampleKeepEveryModelOnce() {
    assertEquals(new HashSet<>(col.toList()), new HashSet<>(col.shuffle()));
    assertEquals(4, col.shuffle().size());
    List<Model> two = col.sample(2);
    assertEquals(2, new HashSet<>(two).size());
    assertTrue(col.toList().containsAll(two));
    assertEquals(4, col.sample(10).size());
    assertNull(empty.sample());
  }

  @Test
  void foldsRunLeftAndRightWithOrWithoutAMemo() {
    assertEquals("1234", col.reduce((text, model) -> text + model.getId(), ""));
    assertEquals("4321", col.reduceRight((text, model) -> text + model.getId(), ""));
    assertSame(d, col.reduce((left, right) -> right));
    assertSame(a, col.reduceRight((left, right) -> right));
    assertNull(empty.reduce((left, right) -> left));
  }

  @Test
  void maxAndMinTakeTheFirstExtremeAndIgnoreMissingKeys() {
    assertSame(b, col.max("n"));
    assertSame(a, col.min("n"));
    assertSame(d, col.max(model -> model.getId()));
    assertNull(empty.max("n"));
  }

  @Test
  void attributeNameAndMapFormsOfTheIteratees() {
    assertEquals(List.of(a, b, c), col.filter("tag"));
    assertEquals(List.of(d), col.reject("tag"));
    assertSame(b, col.find(model -> model.get("n") != null && (Integer) model.get("n") > 5));
    assertEquals(2, col.findLastIndex(model -> Integer.valueOf(9).equals(model.get("n"))));
    assertEquals(List.of(List.of(b, c), List.of(a, d)), col.partition(model -> model.has("n")
        && (Integer) model.get("n") > 5));
    assertEquals(Map.of("x", 2, "y", 1, "", 1), col.countBy("tag"));
    assertEquals(List.of(a, c), col.groupBy("tag").get("x"));
    assertSame(c, col.indexBy("tag").get("x"));
    assertEquals(List.of(c), col.where(attrs("tag", "x", "n", 9)));
    assertEquals(List.of(a), col.where(attrs("tag", "x"), true));
    assertEquals(List.of(), col.where(attrs("tag", "z"), true));
  }

  @Test
  void invokePassesTheSameArgumentsToEveryModel() {
    assertEquals(List.of("1:x", "2:x", "3:x", "4:x"),
        col.invoke((model, args) -> model.getId() + ":" + args[0], "x"));
  }
}
