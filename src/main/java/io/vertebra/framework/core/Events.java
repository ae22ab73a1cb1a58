package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Named events that any object can bind to and trigger: the base of every framework type, as Backbone.Events is.
 *
 * <p>Event names may be combined with spaces ({@code "change add"}) or given as a map of name to callback. A
 * listener bound to {@code "all"} receives every event, with the event name as its first argument. Listeners are
 * called in the order they were bound; the list a trigger walks is fixed when the trigger starts, so listeners
 * added or removed by a listener take effect from the next trigger on.
 *
 * <p>Prefer {@link #listenTo} over {@link #on} when one object follows another: the listener keeps track of what
 * it listens to, and a single {@link #stopListening()} (called by {@code View.remove()}) releases every binding on
 * both sides, so nothing leaks.
 */
public class Events {

  private static int nextListenId;

  private final String listenId = "l" + (++nextListenId);
  /** Handlers per event name; each list is replaced, never mutated, so a running trigger is unaffected. */
  private Map<String, List<Handler>> events;
  /** Objects this one listens to, by their listen id. */
  private Map<String, Listening> listeningTo;
  /** Objects listening to this one, by their listen id. */
  private Map<String, Listening> listeners;

  /** Binds {@code callback} to one or more space-separated event names. */
  public Events on(String names, Callback callback) {
    return on(names, callback, null);
  }

  /**
   * Binds {@code callback} with a context: {@link #off(String, Callback, Object)} can later remove every callback
   * bound with that context at once.
   */
  public Events on(String names, Callback callback, Object context) {
    bind(names, callback, context, null);
    return this;
  }

  /** Binds every entry of an event map (name, or space-separated names, to callback). */
  public Events on(Map<String, ? extends Callback> eventMap) {
    return on(eventMap, null);
  }

  /** Binds every entry of an event map with a context. */
  public Events on(Map<String, ? extends Callback> eventMap, Object context) {
    for (Map.Entry<String, ? extends Callback> e : eventMap.entrySet()) {
      on(e.getKey(), e.getValue(), context);
    }
    return this;
  }

  /** Like {@link #on(String, Callback)}, but the callback is removed after its first call. */
  public Events once(String names, Callback callback) {
    return once(names, callback, null);
  }

  /** Like {@link #on(String, Callback, Object)}, but each name's callback is removed after its first call. */
  public Events once(String names, Callback callback, Object context) {
    if (callback == null) {
      return this;
    }
    for (String name : EventNames.split(names)) {
      bind(name, new OnceCallback(callback, wrapper -> off(name, wrapper, null)), context, null);
    }
    return this;
  }

  /** Binds every entry of an event map so that each fires at most once. */
  public Events once(Map<String, ? extends Callback> eventMap) {
    for (Map.Entry<String, ? extends Callback> e : eventMap.entrySet()) {
      once(e.getKey(), e.getValue());
    }
    return this;
  }

  /** Removes every callback of every event, and releases every object listening to this one. */
  public Events off() {
    return off(null, null, null);
  }

  /** Removes every callback bound to the given event names. */
  public Events off(String names) {
    return off(names, null, null);
  }

  /** Removes {@code callback} from the given names, or from every event when {@code names} is null. */
  public Events off(String names, Callback callback) {
    return off(names, callback, null);
  }

  /**
   * Removes the callbacks that match every non-null argument: names (space-separated), callback and context.
   * With all three null, removes everything.
   */
  public Events off(String names, Callback callback, Object context) {
    if (events == null) {
      return this;
    }
    if (names == null && callback == null && context == null) {
      if (listeners != null) {
        for (Listening listening : new ArrayList<>(listeners.values())) {
          listening.cleanup();
        }
      }
      events = null;
      return this;
    }
    List<String> nameList = names == null ? new ArrayList<>(events.keySet()) : EventNames.split(names);
    for (String name : nameList) {
      List<Handler> handlers = events.get(name);
      if (handlers == null) {
        continue;
      }
      List<Handler> remaining = new ArrayList<>();
      for (Handler handler : handlers) {
        if (callback != null && !handler.matches(callback) || context != null && context != handler.context) {
          remaining.add(handler);
        } else if (handler.listening != null) {
          handler.listening.release();
        }
      }
      if (remaining.isEmpty()) {
        events.remove(name);
      } else {
        events.put(name, Collections.unmodifiableList(remaining));
      }
    }
    return this;
  }

  /** Removes every callback of an event map. */
  public Events off(Map<String, ? extends Callback> eventMap) {
    for (Map.Entry<String, ? extends Callback> e : eventMap.entrySet()) {
      off(e.getKey(), e.getValue(), null);
    }
    return this;
  }

  /**
   * Calls the callbacks of each named event with {@code args}, then the {@code "all"} callbacks with the event
   * name prepended.
   */
  public Events trigger(String names, Object... args) {
    // The table this trigger started with: off() replaces it, so a listener calling off() cannot empty it under us.
    Map<String, List<Handler>> table = events;
    if (table == null || names == null) {
      return this;
    }
    Object[] safeArgs = args == null ? new Object[] {null} : args;
    for (String name : EventNames.split(names)) {
      List<Handler> handlers = table.get(name);
      List<Handler> all = table.get("all");
      if (handlers != null) {
        callAll(handlers, safeArgs);
      }
      if (all != null) {
        Object[] allArgs = new Object[safeArgs.length + 1];
        allArgs[0] = name;
        System.arraycopy(safeArgs, 0, allArgs, 1, safeArgs.length);
        callAll(all, allArgs);
      }
    }
    return this;
  }

  /** Makes this object listen to {@code other}'s events; released by {@link #stopListening()}. */
  public Events listenTo(Events other, String names, Callback callback) {
    if (other == null || callback == null) {
      return this;
    }
    Listening listening = listeningWith(other);
    other.bind(names, callback, this, listening);
    return this;
  }

  /** Listens to every entry of an event map on {@code other}. */
  public Events listenTo(Events other, Map<String, ? extends Callback> eventMap) {
    for (Map.Entry<String, ? extends Callback> e : eventMap.entrySet()) {
      listenTo(other, e.getKey(), e.getValue());
    }
    return this;
  }

  /** Like {@link #listenTo(Events, String, Callback)}, but each name's callback is released after one call. */
  public Events listenToOnce(Events other, String names, Callback callback) {
    if (other == null || callback == null) {
      return this;
    }
    for (String name : EventNames.split(names)) {
      Listening listening = listeningWith(other);
      other.bind(name, new OnceCallback(callback, wrapper -> stopListening(other, name, wrapper)), this, listening);
    }
    return this;
  }

  /** Listens once to every entry of an event map on {@code other}. */
  public Events listenToOnce(Events other, Map<String, ? extends Callback> eventMap) {
    for (Map.Entry<String, ? extends Callback> e : eventMap.entrySet()) {
      listenToOnce(other, e.getKey(), e.getValue());
    }
    return this;
  }

  /** Stops listening to everything this object listens to. */
  public Events stopListening() {
    return stopListening(null, null, null);
  }

  /** Stops listening to {@code other} (to everything when null). */
  public Events stopListening(Events other) {
    return stopListening(other, null, null);
  }

  /** Stops listening to the named events of {@code other}. */
  public Events stopListening(Events other, String names) {
    return stopListening(other, names, null);
  }

  /** Stops listening to every entry of an event map on {@code other} (on everything listened to when null). */
  public Events stopListening(Events other, Map<String, ? extends Callback> eventMap) {
    for (Map.Entry<String, ? extends Callback> e : eventMap.entrySet()) {
      stopListening(other, e.getKey(), e.getValue());
    }
    return this;
  }

  /** Stops listening with the given callback to the named events of {@code other}; null arguments match all. */
  public Events stopListening(Events other, String names, Callback callback) {
    if (listeningTo == null) {
      return this;
    }
    List<Listening> targets = new ArrayList<>();
    if (other == null) {
      targets.addAll(listeningTo.values());
    } else if (listeningTo.containsKey(other.listenId)) {
      targets.add(listeningTo.get(other.listenId));
    }
    for (Listening listening : targets) {
      listening.target.off(names, callback, this);
    }
    if (listeningTo != null && listeningTo.isEmpty()) {
      listeningTo = null;
    }
    return this;
  }

  /** Whether any callback is bound to {@code name} (to any event when {@code name} is null). */
  public boolean hasListeners(String name) {
    if (events == null) {
      return false;
    }
    return name == null ? !events.isEmpty() : events.containsKey(name);
  }

  /** How many callbacks are bound to {@code name} (for leak checks in tests and tools). */
  public int handlerCount(String name) {
    List<Handler> handlers = events == null ? null : events.get(name);
    return handlers == null ? 0 : handlers.size();
  }

  /** How many objects this one currently listens to (0 once everything is released). */
  public int listeningToCount() {
    return listeningTo == null ? 0 : listeningTo.size();
  }

  /** How many objects currently listen to this one through {@link #listenTo} (0 once all are released). */
  public int listenerCount() {
    return listeners == null ? 0 : listeners.size();
  }

  private void bind(String names, Callback callback, Object context, Listening listening) {
    if (names == null) {
      return;
    }
    for (String name : EventNames.split(names)) {
      if (callback == null) {
        continue;
      }
      if (events == null) {
        events = new StringMap<>();
      }
      List<Handler> handlers = events.get(name);
      List<Handler> updated = handlers == null ? new ArrayList<>() : new ArrayList<>(handlers);
      updated.add(new Handler(callback, context, listening));
      events.put(name, Collections.unmodifiableList(updated));
      if (listening != null) {
        listening.count++;
        if (listeners == null) {
          listeners = new StringMap<>();
        }
        listeners.put(listening.listener.listenId, listening);
      }
    }
  }

  private Listening listeningWith(Events other) {
    if (listeningTo == null) {
      listeningTo = new StringMap<>();
    }
    Listening listening = listeningTo.get(other.listenId);
    if (listening == null) {
      listening = new Listening(this, other);
      listeningTo.put(other.listenId, listening);
    }
    return listening;
  }

  private static void callAll(List<Handler> handlers, Object[] args) {
    for (Handler handler : handlers) {
      handler.callback.call(args);
    }
  }

  /** One bound callback. */
  private static final class Handler {
    final Callback callback;
    final Object context;
    final Listening listening;

    Handler(Callback callback, Object context, Listening listening) {
      this.callback = callback;
      this.context = context;
      this.listening = listening;
    }

    boolean matches(Callback candidate) {
      return callback == candidate
          || callback instanceof OnceCallback && ((OnceCallback) callback).original == candidate;
    }
  }

  /** The bookkeeping shared by a listener and the object it listens to; counts the handlers between them. */
  private static final class Listening {
    final Events listener;
    final Events target;
    int count;

    Listening(Events listener, Events target) {
      this.listener = listener;
      this.target = target;
    }

    void release() {
      count--;
      if (count == 0) {
        cleanup();
      }
    }

    void cleanup() {
      if (listener.listeningTo != null) {
        listener.listeningTo.remove(target.listenId);
      }
      if (target.listeners != null) {
        target.listeners.remove(listener.listenId);
      }
    }
  }
}
