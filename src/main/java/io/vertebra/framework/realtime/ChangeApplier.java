package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.core.Values;
import java.util.Map;

/**
 * Applies change notifications to models under the {@link VersionRule}, remembering the fetches it started so
 * that a repeated {@code {id, version}} notification does not fetch twice.
 */
final class ChangeApplier {

  /** The newest version a fetch was started for, by model id (as text). */
  private final Map<String, Double> requested = new StringMap<>();

  /** Sets, fetches or ignores, as the versions of {@code model} and {@code data} say. */
  void apply(Model model, Map<String, Object> data, Options options) {
    String key = Values.asText(model.getId());
    Double incoming = VersionRule.version(data.get(LiveModels.VERSION));
    Double held = VersionRule.version(model.get(LiveModels.VERSION));
    switch (VersionRule.decide(held, incoming, isFullRecord(data, model.idAttribute()), requested.get(key))) {
      case SET:
        model.set(data, options);
        break;
      case FETCH:
        if (incoming != null) {
          requested.put(key, incoming);
          // A failed fetch brings nothing: the next notification of that version must fetch again.
          options.error((target, response, opts) -> requested.remove(key, incoming));
        }
        model.fetch(options);
        break;
      default:
        break;
    }
  }

  /** After a resync everything is fetched again: earlier requests no longer tell anything. */
  void forget() {
    requested.clear();
  }

  /** Whether the event carries attributes beyond the id and the version. */
  static boolean isFullRecord(Map<String, Object> data, String idAttribute) {
    for (String key : data.keySet()) {
      if (!key.equals(idAttribute) && !key.equals(LiveModels.VERSION)) {
        return true;
      }
    }
    return false;
  }
}
