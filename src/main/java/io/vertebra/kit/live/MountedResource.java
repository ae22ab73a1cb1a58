package io.vertebra.kit.live;

import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.realtime.TriggerStats;

/**
 * A live resource installed in a server ({@link LiveResources#install}): its store, for the app's own code, and its
 * presence rule, for the identity endpoints ({@code IdentityEndpoints.install(..., mounted.presencePolicy())}).
 */
public final class MountedResource {

  private final LiveStore store;
  private final LiveJson json;
  private final LiveEvents events;

  MountedResource(LiveStore store, LiveJson json, LiveEvents events) {
    this.store = store;
    this.json = json;
    this.events = events;
  }

  public LiveResource resource() {
    return store.resource();
  }

  /** The resource's records. */
  public LiveStore store() {
    return store;
  }

  /**
   * A signed-in user may join {@code presence-note-7} while note 7 exists; every other channel is refused (combine
   * several resources' rules with {@link LiveResources#presencePolicy}).
   */
  public ChannelPolicy presencePolicy() {
    return new RecordPresencePolicy(store);
  }

  LiveJson json() {
    return json;
  }

  LiveEvents events() {
    return events;
  }

  /** Counters of the realtime triggers sent for this resource's writes (shared with the trigger's other users). */
  public TriggerStats triggerStats() {
    return events.stats();
  }
}
