package io.vertebra.framework.core;

import java.util.Collections;
import java.util.List;

/**
 * What one collection {@code set}/{@code add}/{@code remove} call changed: given to {@code update} listeners as
 * {@code options.getChanges()}.
 *
 * @param added the models added, in order
 * @param removed the models removed
 * @param merged the models already present whose attributes were merged
 */
public record Changes<M extends Model>(List<M> added, List<M> removed, List<M> merged) {

  /** Wraps the lists read-only. */
  public Changes {
    added = Collections.unmodifiableList(added);
    removed = Collections.unmodifiableList(removed);
    merged = Collections.unmodifiableList(merged);
  }
}
