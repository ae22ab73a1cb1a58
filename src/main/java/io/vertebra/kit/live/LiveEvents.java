package io.vertebra.kit.live;

import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.realtime.TriggerStats;
import java.util.List;

/**
 * Tells realtime subscribers about a live resource's committed writes (DESIGN.md's events table), never the
 * sender's socket: {@code note:create} on {@code notes}; {@code note:change} and {@code note:destroy} on
 * {@code note-7} and {@code notes}. A record too large for one message goes as {@code {id, version}}.
 */
final class LiveEvents {

  private final LiveResource resource;
  private final EventTrigger trigger;
  private final LiveJson json;

  LiveEvents(LiveResource resource, EventTrigger trigger, LiveJson json) {
    this.resource = resource;
    this.trigger = trigger;
    this.json = json;
  }

  void created(LiveRecord record, String socketId) {
    trigger.trigger(List.of(resource.collection()), resource.event("create"), data(record), socketId);
  }

  void changed(LiveRecord record, String socketId) {
    trigger.trigger(List.of(resource.recordChannel(record.id()), resource.collection()), resource.event("change"),
        data(record), socketId);
  }

  void destroyed(long id, String socketId) {
    trigger.trigger(List.of(resource.recordChannel(id), resource.collection()), resource.event("destroy"),
        "{\"id\":" + id + "}", socketId);
  }

  /** The app's own event on the collection's channel; {@code fallback} when {@code data} is too large. */
  void collectionEvent(String event, String data, String fallback, String socketId) {
    trigger.trigger(List.of(resource.collection()), event, EventTrigger.fits(data) ? data : fallback, socketId);
  }

  TriggerStats stats() {
    return trigger.stats();
  }

  /** The record, or {@code {id, version}} when it would not fit in one message (clients then fetch it). */
  String data(LiveRecord record) {
    String full = json.text(json.record(record));
    return EventTrigger.fits(full) ? full : json.text(json.reference(record));
  }
}
