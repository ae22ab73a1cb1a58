package io.vertebra.framework.core;

import java.util.Collections;
import java.util.List;

/**
 * What one collection {@code set}/{@code add}/{@code remove} call changed: given to {@code update} listeners as
 * {@code options.getChanges()}. A plain final class, not a record: a record's generated {@code equals},
 * {@code hashCode} and {@code toString} would ship in every app's script though nothing compares these.
 */
public final class Changes<M extends Model> {

  private final List<M> added;
  private final List<M> removed;
  private final List<M> merged;

  /** Wraps the lists read-only. */
  public Changes(List<M> added, List<M> removed, List<M> merged) {
    this.added = Collections.unmodifiableList(added);
    this.removed = Collections.unmodifiableList(removed);
    this.merged = Collections.unmodifiableList(merged);
  }

  /** The models added, in order. */
  public List<M> added() {
    return added;
  }

  /** The models removed. */
  public List<M> removed() {
    return removed;
  }

  /** The models already present whose attributes were merged. */
  public List<M> merged() {
    return merged;
  }
}
