package io.vertebra.framework.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backbone 1.6.1 test/events.js, ported. */
class EventsTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "change", "change:title", "a b", "a  b\tc", " a", "a ", "  a  b  ", " ", "\t\n",
      "a\u000Bb\fc\rd", "a\u00A0b"})
  @DisplayName("event names split as names.split(\"\\\\s+\") without a leading empty name, with no regular expression")
  void splitsAsTheRegularExpressionDid(String names) {
    List<String> expected = new ArrayList<>(Arrays.asList(names.split("\\s+")));
    if (expected.size() > 1 && expected.get(0).isEmpty()) {
      expected.remove(0);
    }
    assertEquals(expected, EventNames.split(names));
  }

  private final Events obj = new Events();
  private final Events a = new Events();
  private final Events b = new Events();
  private final int[] counter = {0};
  private final int[] counterB = {0};

  private final Callback incr = args -> counter[0]++;
  private final Callback never = args -> fail("must not be called");

  private static Map<String, Callback> map(Object... pairs) {
    Map<String, Callback> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Callback) pairs[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("on and trigger")
  void onAndTrigger() {
    obj.on("event", incr);
    obj.trigger("event");
    assertEquals(1, counter[0]);
    obj.trigger("event");
    obj.trigger("event");
    obj.trigger("event");
    obj.trigger("event");
    assertEquals(5, counter[0]);
  }

  @Test
  @DisplayName("binding and triggering multiple events")
  void multipleEvents() {
    obj.on("a b c", incr);
    obj.trigger("a");
    assertEquals(1, counter[0]);
    obj.trigger("a b");
    assertEquals(3, counter[0]);
    obj.trigger("c");
    assertEquals(4, counter[0]);
    obj.off("a c");
    obj.trigger("a b c");
    assertEquals(5, counter[0]);
  }

  @Test
  @DisplayName("binding and triggering with event maps")
  void eventMaps() {
    obj.on(map("a", incr, "b", incr, "c", incr), obj);
    obj.trigger("a");
    assertEquals(1, counter[0]);
    obj.trigger("a b");
    assertEquals(3, counter[0]);
    obj.trigger("c");
    assertEquals(4, counter[0]);
    obj.off(map("a", incr, "c", incr));
    obj.trigger("a b c");
    assertEquals(5, counter[0]);
  }

  @Test
  @DisplayName("binding and triggering multiple event names with event maps")
  void eventMapsMultipleNames() {
    obj.on(map("a b c", incr));
    obj.trigger("a");
    assertEquals(1, counter[0]);
    obj.trigger("a b");
    assertEquals(3, counter[0]);
    obj.trigger("c");
    assertEquals(4, counter[0]);
    obj.off(map("a c", incr));
    obj.trigger("a b c");
    assertEquals(5, counter[0]);
  }

  @Test
  @DisplayName("listenTo and stopListening")
  void listenToAndStopListening() {
    a.listenTo(b, "all", incr);
    b.trigger("anything");
    a.listenTo(b, "all", never);
    a.stopListening();
    b.trigger("anything");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenTo and stopListening with event maps")
  void listenToAndStopListeningWithEventMaps() {
    a.listenTo(b, map("event", incr));
    b.trigger("event");
    a.listenTo(b, map("event2", incr));
    b.on("event2", incr);
    a.stopListening(b, map("event2", incr));
    b.trigger("event event2");
    a.stopListening();
    b.trigger("event event2");
    assertEquals(4, counter[0]);
  }

  @Test
  @DisplayName("stopListening with omitted args")
  void stopListeningWithOmittedArgs() {
    a.listenTo(b, "event", incr);
    b.on("event", incr);
    a.listenTo(b, "event2", incr);
    a.stopListening(null, map("event", incr));
    b.trigger("event event2");
    b.off();
    a.listenTo(b, "event event2", incr);
    a.stopListening(null, "event");
    a.stopListening();
    b.trigger("event2");
    assertEquals(2, counter[0]);
  }

  @Test
  @DisplayName("listenToOnce")
  void listenToOnce() {
    Callback incrA = args -> {
      counter[0]++;
      obj.trigger("event");
    };
    Callback incrB = args -> counterB[0]++;
    obj.listenToOnce(obj, "event", incrA);
    obj.listenToOnce(obj, "event", incrB);
    obj.trigger("event");
    assertEquals(1, counter[0]);
    assertEquals(1, counterB[0]);
  }

  @Test
  @DisplayName("listenToOnce and stopListening")
  void listenToOnceAndStopListening() {
    a.listenToOnce(b, "all", incr);
    b.trigger("anything");
    b.trigger("anything");
    a.listenToOnce(b, "all", never);
    a.stopListening();
    b.trigger("anything");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenTo, listenToOnce and stopListening")
  void listenToListenToOnceAndStopListening() {
    a.listenToOnce(b, "all", incr);
    b.trigger("anything");
    b.trigger("anything");
    a.listenTo(b, "all", never);
    a.stopListening();
    b.trigger("anything");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenTo and stopListening with event maps")
  void listenToAndStopListeningWithEventMapsChange() {
    a.listenTo(b, map("change", incr));
    b.trigger("change");
    a.listenTo(b, map("change", never));
    a.stopListening();
    b.trigger("change");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenTo yourself")
  void listenToYourself() {
    Events e = new Events();
    e.listenTo(e, "foo", incr);
    e.trigger("foo");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenTo yourself cleans yourself up with stopListening")
  void listenToYourselfCleansUp() {
    Events e = new Events();
    e.listenTo(e, "foo", incr);
    e.trigger("foo");
    e.stopListening();
    e.trigger("foo");
    assertEquals(1, counter[0]);
  }

  private static void assertClean(Events a, Events b) {
    assertEquals(0, a.listeningToCount());
    assertEquals(1, b.handlerCount("event"));
    assertEquals(0, b.listenerCount());
  }

  /** Binds {@code fn} from {@code a} to {@code b}'s "event" (listenTo or listenToOnce). */
  private interface Binder {
    Events bind(Events a, Events b, Callback fn);
  }

  /** Each way of stopListening releases both sides and leaves b's own handler alone. */
  private static void assertStopListeningCleansUp(Binder binder) {
    Events a = new Events();
    Events b = new Events();
    Callback fn = args -> { };
    b.on("event", fn);
    binder.bind(a, b, fn).stopListening();
    assertClean(a, b);
    binder.bind(a, b, fn).stopListening(b);
    assertClean(a, b);
    binder.bind(a, b, fn).stopListening(b, "event");
    assertClean(a, b);
    binder.bind(a, b, fn).stopListening(b, "event", fn);
    assertClean(a, b);
  }

  @Test
  @DisplayName("stopListening cleans up references")
  void stopListeningCleansUpReferences() {
    assertStopListeningCleansUp((a, b, fn) -> a.listenTo(b, "event", fn));
  }

  @Test
  @DisplayName("stopListening cleans up references from listenToOnce")
  void stopListeningCleansUpReferencesFromListenToOnce() {
    assertStopListeningCleansUp((a, b, fn) -> a.listenToOnce(b, "event", fn));
  }

  @Test
  @DisplayName("listenTo and off cleaning up references")
  void listenToAndOffCleaningUp() {
    Callback fn = args -> { };
    a.listenTo(b, "event", fn);
    b.off();
    assertEquals(0, a.listeningToCount());
    assertEquals(0, b.listenerCount());
    a.listenTo(b, "event", fn);
    b.off("event");
    assertEquals(0, a.listeningToCount());
    assertEquals(0, b.listenerCount());
    a.listenTo(b, "event", fn);
    b.off(null, fn);
    assertEquals(0, a.listeningToCount());
    assertEquals(0, b.listenerCount());
    a.listenTo(b, "event", fn);
    b.off(null, null, a);
    assertEquals(0, a.listeningToCount());
    assertEquals(0, b.listenerCount());
  }

  @Test
  @DisplayName("listenTo and stopListening cleaning up references")
  void listenToAndStopListeningCleaningUp() {
    a.listenTo(b, "all", incr);
    b.trigger("anything");
    a.listenTo(b, "other", never);
    a.stopListening(b, "other");
    a.stopListening(b, "all");
    assertEquals(0, a.listeningToCount());
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenToOnce without context cleans up references after the event has fired")
  void listenToOnceCleansUp() {
    a.listenToOnce(b, "all", incr);
    b.trigger("anything");
    assertEquals(0, a.listeningToCount());
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenToOnce with event maps cleans up references")
  void listenToOnceWithEventMapsCleansUp() {
    a.listenToOnce(b, map("one", incr, "two", never));
    b.trigger("one");
    assertEquals(1, a.listeningToCount());
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("listenTo with empty callback doesn't throw an error")
  void listenToWithEmptyCallback() {
    Events e = new Events();
    e.listenTo(e, "foo", null);
    e.trigger("foo");
    assertEquals(0, e.listeningToCount());
  }

  @Test
  @DisplayName("trigger all for each event")
  void triggerAllForEachEvent() {
    boolean[] seen = new boolean[2];
    obj.on("all", args -> {
      counter[0]++;
      if ("a".equals(args[0])) {
        seen[0] = true;
      }
      if ("b".equals(args[0])) {
        seen[1] = true;
      }
    }).trigger("a b");
    assertTrue(seen[0]);
    assertTrue(seen[1]);
    assertEquals(2, counter[0]);
  }

  @Test
  @DisplayName("on, then unbind all functions")
  void onThenUnbindAll() {
    obj.on("event", incr);
    obj.trigger("event");
    obj.off("event");
    obj.trigger("event");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("bind two callbacks, unbind only one")
  void bindTwoUnbindOne() {
    obj.on("event", incr);
    obj.on("event", args -> counterB[0]++);
    obj.trigger("event");
    obj.off("event", incr);
    obj.trigger("event");
    assertEquals(1, counter[0]);
    assertEquals(2, counterB[0]);
  }

  @Test
  @DisplayName("unbind a callback in the midst of it firing")
  void unbindWhileFiring() {
    Callback[] callback = new Callback[1];
    callback[0] = args -> {
      counter[0]++;
      obj.off("event", callback[0]);
    };
    obj.on("event", callback[0]);
    obj.trigger("event");
    obj.trigger("event");
    obj.trigger("event");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("two binds that unbind themeselves")
  void twoBindsThatUnbindThemselves() {
    Callback[] fns = new Callback[2];
    fns[0] = args -> {
      counter[0]++;
      obj.off("event", fns[0]);
    };
    fns[1] = args -> {
      counterB[0]++;
      obj.off("event", fns[1]);
    };
    obj.on("event", fns[0]);
    obj.on("event", fns[1]);
    obj.trigger("event");
    obj.trigger("event");
    obj.trigger("event");
    assertEquals(1, counter[0]);
    assertEquals(1, counterB[0]);
  }

  @Test
  @DisplayName("nested trigger with unbind")
  void nestedTriggerWithUnbind() {
    Callback[] incr1 = new Callback[1];
    incr1[0] = args -> {
      counter[0]++;
      obj.off("event", incr1[0]);
      obj.trigger("event");
    };
    obj.on("event", incr1[0]);
    obj.on("event", incr);
    obj.trigger("event");
    assertEquals(3, counter[0]);
  }

  @Test
  @DisplayName("callback list is not altered during trigger")
  void callbackListNotAlteredDuringTrigger() {
    Callback incrOn = args -> obj.on("event all", incr);
    Callback incrOff = args -> obj.off("event all", incr);
    obj.on("event all", incrOn).trigger("event");
    assertEquals(0, counter[0]);
    obj.off().on("event", incrOff).on("event all", incr).trigger("event");
    assertEquals(2, counter[0]);
  }

  @Test
  @DisplayName("#1282 - 'all' callback list is retrieved after each event.")
  void allListRetrievedAfterEachEvent() {
    obj.on("x", args -> obj.on("y", incr).on("all", incr)).trigger("x y");
    assertEquals(2, counter[0]);
  }

  @Test
  @DisplayName("if no callback is provided, `on` is a noop")
  void onWithoutCallbackIsNoop() {
    obj.on("test", null).trigger("test");
    assertEquals(false, obj.hasListeners("test"));
  }

  @Test
  @DisplayName("remove all events for a specific context")
  void removeAllEventsForContext() {
    obj.on("x y all", incr);
    obj.on("x y all", never, obj);
    obj.off(null, null, obj);
    obj.trigger("x y");
    assertEquals(4, counter[0]);
  }

  @Test
  @DisplayName("remove all events for a specific callback")
  void removeAllEventsForCallback() {
    obj.on("x y all", incr);
    obj.on("x y all", never);
    obj.off(null, never);
    obj.trigger("x y");
    assertEquals(4, counter[0]);
  }

  @Test
  @DisplayName("#1310 - off does not skip consecutive events")
  void offDoesNotSkipConsecutive() {
    obj.on("event", never, obj);
    obj.on("event", args -> fail("must not be called"), obj);
    obj.off(null, null, obj);
    obj.trigger("event");
    assertEquals(false, obj.hasListeners("event"));
  }

  @Test
  @DisplayName("once")
  void once() {
    Callback incrA = args -> {
      counter[0]++;
      obj.trigger("event");
    };
    obj.once("event", incrA);
    obj.once("event", args -> counterB[0]++);
    obj.trigger("event");
    assertEquals(1, counter[0]);
    assertEquals(1, counterB[0]);
  }

  @Test
  @DisplayName("once variant one")
  void onceVariantOne() {
    Events a = new Events().once("event", incr);
    Events b = new Events().on("event", incr);
    a.trigger("event");
    b.trigger("event");
    b.trigger("event");
    assertEquals(3, counter[0]);
  }

  @Test
  @DisplayName("once variant two")
  void onceVariantTwo() {
    obj.once("event", incr).on("event", incr).trigger("event").trigger("event");
    assertEquals(3, counter[0]);
  }

  @Test
  @DisplayName("once with off")
  void onceWithOff() {
    obj.once("event", never);
    obj.off("event", never);
    obj.trigger("event");
    assertEquals(false, obj.hasListeners("event"));
  }

  @Test
  @DisplayName("once with event maps")
  void onceWithEventMaps() {
    obj.once(map("a", incr, "b", incr, "c", incr));
    obj.trigger("a");
    assertEquals(1, counter[0]);
    obj.trigger("a b");
    assertEquals(2, counter[0]);
    obj.trigger("c");
    assertEquals(3, counter[0]);
    obj.trigger("a b c");
    assertEquals(3, counter[0]);
  }

  @Test
  @DisplayName("once with off only by context")
  void onceWithOffByContext() {
    Object context = new Object();
    obj.once("event", never, context);
    obj.off(null, null, context);
    obj.trigger("event");
    assertEquals(false, obj.hasListeners("event"));
  }

  @Test
  @DisplayName("once with asynchronous events")
  void onceWithAsynchronousEvents() throws InterruptedException {
    // _.debounce(func, 50): the bound callback only schedules func, which runs 50 ms after the last call.
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger calls = new AtomicInteger();
    ScheduledFuture<?>[] pending = {null};
    Callback debounced = args -> {
      if (pending[0] != null) {
        pending[0].cancel(false);
      }
      pending[0] = timers.schedule(calls::incrementAndGet, 50, TimeUnit.MILLISECONDS);
    };
    obj.once("async", debounced);
    obj.trigger("async");
    obj.trigger("async");
    // Delayed tasks still run after shutdown: once terminated, every scheduled call has happened.
    timers.shutdown();
    assertTrue(timers.awaitTermination(10, TimeUnit.SECONDS), "the debounced callback ran");
    assertEquals(1, calls.get());
  }

  @Test
  @DisplayName("once with multiple events.")
  void onceWithMultipleEvents() {
    obj.once("x y", incr);
    obj.trigger("x y");
    assertEquals(2, counter[0]);
  }

  @Test
  @DisplayName("Off during iteration with once.")
  void offDuringIterationWithOnce() {
    Callback[] f = new Callback[1];
    f[0] = args -> obj.off("event", f[0]);
    obj.on("event", f[0]);
    obj.once("event", args -> { });
    obj.on("event", incr);
    obj.trigger("event");
    obj.trigger("event");
    assertEquals(2, counter[0]);
  }

  @Test
  @DisplayName("`once` on `all` should work as expected")
  void onceOnAll() {
    obj.once("all", args -> {
      counter[0]++;
      obj.trigger("all");
    });
    obj.trigger("all");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("once without a callback is a noop")
  void onceWithoutCallback() {
    obj.once("event", null).trigger("event");
    assertEquals(false, obj.hasListeners("event"));
  }

  @Test
  @DisplayName("listenToOnce without a callback is a noop")
  void listenToOnceWithoutCallback() {
    obj.listenToOnce(obj, "event", null).trigger("event");
    assertEquals(false, obj.hasListeners("event"));
    assertEquals(0, obj.listeningToCount());
  }

  @Test
  @DisplayName("event functions are chainable")
  void chainable() {
    Events obj2 = new Events();
    Callback fn = args -> { };
    assertSame(obj, obj.trigger("noeventssetyet"));
    assertSame(obj, obj.off("noeventssetyet"));
    assertSame(obj, obj.stopListening(null, "noeventssetyet"));
    assertSame(obj, obj.on("a", fn));
    assertSame(obj, obj.once("c", fn));
    assertSame(obj, obj.trigger("a"));
    assertSame(obj, obj.listenTo(obj2, "a", fn));
    assertSame(obj, obj.listenToOnce(obj2, "b", fn));
    assertSame(obj, obj.off("a c"));
    assertSame(obj, obj.stopListening(obj2, "a"));
    assertSame(obj, obj.stopListening());
  }

  @Test
  @DisplayName("#3448 - listenToOnce with space-separated events")
  void listenToOnceWithSpaceSeparatedEvents() {
    Events one = new Events();
    Events two = new Events();
    int[] count = {1};
    one.listenToOnce(two, "x y", args -> assertEquals(count[0]++, args[0]));
    two.trigger("x", 1);
    two.trigger("x", 1);
    two.trigger("y", 2);
    two.trigger("y", 2);
    assertEquals(3, count[0]);
  }

  // Divergences found by running the same scenario on Backbone 1.6.1 and here; each test pins Backbone's behaviour.

  @Test
  @DisplayName("off with several names removes every named event, also after a name that has no listener")
  void offWithSeveralNamesSkipsUnboundNames() {
    obj.on("b", incr);
    obj.off("a b");
    obj.trigger("b");
    assertEquals(0, counter[0]);
  }

  @Test
  @DisplayName("stopListening with several names releases every named event, also after a name not listened to")
  void stopListeningWithSeveralNamesSkipsUnboundNames() {
    a.listenTo(b, "y", incr);
    a.stopListening(b, "x y");
    b.trigger("y");
    assertEquals(0, counter[0]);
    assertEquals(0, a.listeningToCount());
  }

  @Test
  @DisplayName("trigger keeps the event table it started with when a listener calls off()")
  void triggerKeepsItsTableWhenAListenerCallsOff() {
    obj.on("a", args -> obj.off());
    obj.on("b", incr);
    obj.trigger("a b");
    assertEquals(1, counter[0]);
    obj.trigger("b");
    assertEquals(1, counter[0]);
  }

  @Test
  @DisplayName("names are split on any whitespace, as Backbone's /\\s+/: tab, line feed, VT, form feed and CR too")
  void namesSplitOnEveryWhitespaceCharacter() {
    obj.on("a\tb\nc\u000Bd\fe\rf  g", incr);
    obj.trigger("a");
    obj.trigger("d");
    obj.trigger("f\tg");
    assertEquals(4, counter[0]);
  }
}
