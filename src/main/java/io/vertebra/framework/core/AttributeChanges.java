package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's attributes and what its last change round changed: Backbone's {@code set} algorithm with
 * {@code attributes}, {@code changed}, {@code _previousAttributes}, {@code _changing} and {@code _pending}.
 * Changes made by {@code change:attr} listeners join the round that is running; {@code change} fires again for
 * each round that had changes, once the outermost {@code set} finishes.
 */
final class AttributeChanges {

  /** Stands in {@link #overwritten} for "the attribute did not exist before the round". */
  private static final Object ABSENT = new Object();

  private final Model model;
  /** Replaced only by save(wait), which swaps in the proposed attributes while the request is built. */
  Map<String, Object> attributes = new StringMap<>();
  private Map<String, Object> changed = new StringMap<>();
  /**
   * Backbone's {@code _previousAttributes}, kept as the values the last round overwrote ({@link #ABSENT} for an
   * attribute it added) instead of a copy of every attribute taken at each round: a toggle-all of 100 models then
   * copies one value per model, not all of them. Null before the first round.
   */
  private Map<String, Object> overwritten;
  /** The last round started from no attributes (a new model's): nothing existed before it, nothing is recorded. */
  private boolean startedEmpty;
  /**
   * The map the last round changed: what {@link #overwritten} completes. Not {@link #attributes} itself, which
   * save(wait) swaps for the proposed attributes while the request is built (previous values stay the old ones).
   */
  private Map<String, Object> roundBase;
  private boolean changing;
  private Options pending;
  Object validationError;

  AttributeChanges(Model model) {
    this.model = model;
  }

  /**
   * With {@code validate} on, runs the model's {@code validate} on its attributes with {@code attrs} applied;
   * a rejection is kept as the validation error and announced with {@code "invalid"}.
   */
  boolean validate(Map<String, ?> attrs, Options options) {
    if (!options.isValidate()) {
      return true;
    }
    Map<String, Object> merged = new StringMap<>(attributes);
    if (attrs != null) {
      merged.putAll(attrs);
    }
    validationError = model.validate(merged, options);
    if (validationError == null) {
      return true;
    }
    options.set(Options.VALIDATION_ERROR, validationError);
    model.trigger("invalid", model, validationError, options);
    return false;
  }

  /** Applies validated {@code input}; fires change:attr, changeId and change (unless silent). */
  void apply(Map<String, Object> input, Options opts) {
    boolean unset = opts.isUnset();
    boolean silent = opts.isSilent();
    List<String> changes = new ArrayList<>();
    boolean wasChanging = changing;
    changing = true;
    if (!wasChanging) {
      overwritten = new StringMap<>();
      roundBase = attributes;
      startedEmpty = attributes.isEmpty();
      changed = new StringMap<>();
    }
    for (Map.Entry<String, Object> e : input.entrySet()) {
      applyAttribute(e.getKey(), e.getValue(), unset, changes);
    }
    if (input.containsKey(model.idAttribute())) {
      model.updateId(opts);
    }
    if (!silent) {
      if (!changes.isEmpty()) {
        pending = opts;
      }
      for (String attr : changes) {
        model.trigger("change:" + attr, model, attributes.get(attr), opts);
      }
    }
    if (wasChanging) {
      return;
    }
    if (!silent) {
      while (pending != null) {
        Options round = pending;
        pending = null;
        model.trigger("change", model, round);
      }
    }
    pending = null;
    changing = false;
  }

  /** Records one attribute change; an unset attribute is compared as absent, not as null. */
  private void applyAttribute(String attr, Object value, boolean unset, List<String> changes) {
    // Only a value that changes is recorded: an attribute the round leaves as it was reads from roundBase.
    if (!sameValue(attributes, attr, value, unset)) {
      changes.add(attr);
      if (!startedEmpty && !overwritten.containsKey(attr)) {
        overwritten.put(attr, attributes.containsKey(attr) ? attributes.get(attr) : ABSENT);
      }
    }
    if (!sameAsBefore(attr, value, unset)) {
      changed.put(attr, unset ? null : value);
    } else {
      changed.remove(attr);
    }
    if (unset) {
      attributes.remove(attr);
    } else {
      attributes.put(attr, value);
    }
  }

  /** Like {@link #sameValue}, against the attribute's value before the round. */
  private boolean sameAsBefore(String attr, Object value, boolean unset) {
    Object before = before(attr);
    if (unset || before == ABSENT) {
      return unset && before == ABSENT;
    }
    return Values.isEqual(before, value);
  }

  private static boolean sameValue(Map<String, Object> map, String attr, Object value, boolean unset) {
    boolean present = map.containsKey(attr);
    if (unset || !present) {
      return unset && !present;
    }
    return Values.isEqual(map.get(attr), value);
  }

  /** Forgets what construction changed: a new model starts without changes. */
  void clearChanged() {
    changed = new StringMap<>();
  }

  Map<String, Object> changed() {
    return changed;
  }

  /** {@code changedAttributes(diff)}: which of diff's values differ from the current (mid-round: previous) ones. */
  Map<String, Object> diff(Map<String, ?> diff) {
    Map<String, Object> old = changing ? previousAttributes() : attributes;
    Map<String, Object> result = new StringMap<>();
    for (Map.Entry<String, ?> e : diff.entrySet()) {
      if (!old.containsKey(e.getKey()) || !Values.isEqual(old.get(e.getKey()), e.getValue())) {
        result.put(e.getKey(), e.getValue());
      }
    }
    return result.isEmpty() ? null : result;
  }

  Object previous(String attr) {
    if (attr == null || overwritten == null) {
      return null;
    }
    Object before = before(attr);
    return before == ABSENT ? null : before;
  }

  /** The attribute's value before the last round, or {@link #ABSENT}. */
  private Object before(String attr) {
    if (startedEmpty) {
      return ABSENT;
    }
    if (overwritten.containsKey(attr)) {
      return overwritten.get(attr);
    }
    return roundBase.containsKey(attr) ? roundBase.get(attr) : ABSENT;
  }

  /** The attributes as they were before the last round: today's, with what the round overwrote put back. */
  Map<String, Object> previousAttributes() {
    if (overwritten == null || startedEmpty) {
      return new StringMap<>();
    }
    Map<String, Object> previous = new StringMap<>(roundBase);
    for (Map.Entry<String, Object> e : overwritten.entrySet()) {
      if (e.getValue() == ABSENT) {
        previous.remove(e.getKey());
      } else {
        previous.put(e.getKey(), e.getValue());
      }
    }
    return previous;
  }
}
