package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Callback;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps models and collections up to date from a realtime channel with one call:
 *
 * <pre>{@code
 * LiveModels.follow(view, post, notifier, "post-" + post.getId());   // released by view.remove()
 * LiveModels.follow(posts, notifier, "posts");                        // released by posts.stopListening()
 * }</pre>
 *
 * <h2>What the events do</h2>
 * Events are recognised by the suffix of their name, whatever the record type before it
 * ({@code post:change}, {@code comment:change}...); their data is the record's JSON, or just {@code {id, version}}
 * when the record was too large for one message.
 * <ul>
 *   <li>{@code *:change}: the model with that id takes the record ({@code set}, no request) when its
 *       {@value #VERSION} is newer than the one it holds; with only {@code {id, version}} it is fetched instead.
 *       Stale and duplicate notifications (version not newer, or a fetch for it already started) are ignored.</li>
 *   <li>{@code *:create} (collections): the record is added, or handled as a change when already present; with
 *       only {@code {id, version}} the collection is fetched.</li>
 *   <li>{@code *:destroy}: a collection removes the model; a followed model triggers {@code "destroy"} (as if
 *       destroyed locally), so the collections and views that hold it let it go.</li>
 *   <li>{@code *:change-many} (collections): one write that changed many records (a "mark all as complete"):
 *       {@code {"records": [...]}}, each applied as a {@code *:change} (a record may carry only its id, version and
 *       the changed attributes); without the list (too large for one message) the collection is fetched.</li>
 *   <li>{@code *:destroy-many} (collections): one write that removed many records, {@code {"ids": [...]}}; the
 *       collection removes them in one {@code remove}, or is fetched when the list is missing.</li>
 *   <li>{@link Notifier#RESYNC} (the channel was subscribed again after a connection loss): the model or
 *       collection is fetched, because events sent meanwhile are not replayed.</li>
 * </ul>
 * Every change made this way carries the option {@value #REMOTE} = true, so views can tell a remote change
 * from the user's own edit (for example to keep unsaved text in an editor).
 *
 * <h2>Lifetime</h2>
 * The {@code owner} listens to the channel (the followed object itself when no owner is given):
 * {@code owner.stopListening()} (which {@code View.remove()} calls) or {@link Following#stop()} ends the
 * following, and the channel is unsubscribed when nothing else listens to it.
 */
public final class LiveModels {

  /** The option set on every change a realtime event causes. */
  public static final String REMOTE = "remote";
  /** The member of a {@code *:change-many} event that lists the changed records. */
  public static final String RECORDS = "records";
  /** The member of a {@code *:destroy-many} event that lists the removed ids. */
  public static final String IDS = "ids";
  /** The attribute that orders the writes of a record. */
  public static final String VERSION = "version";

  private LiveModels() {
  }

  /** {@code model} follows {@code channel}, and is itself the owner of the binding. */
  public static Following follow(Model model, Notifier notifier, String channel) {
    return follow(model, model, notifier, channel);
  }

  /** {@code model} follows {@code channel} for as long as {@code owner} (typically a view) listens. */
  public static Following follow(Events owner, Model model, Notifier notifier, String channel) {
    ChangeApplier changes = new ChangeApplier();
    return new Following(owner, notifier, channel, events((kind, data) -> {
      switch (kind) {
        case "change":
          if (isAbout(model, data)) {
            changes.apply(model, data, remote());
          }
          break;
        case "destroy":
          if (isAbout(model, data)) {
            model.trigger("destroy", model, model.getCollection(), remote());
          }
          break;
        case "resync":
          changes.forget();
          if (!model.isNew()) {
            model.fetch(remote());
          }
          break;
        default:
          break;
      }
    }));
  }

  /** {@code collection} follows {@code channel}, and is itself the owner of the binding. */
  public static Following follow(Collection<?> collection, Notifier notifier, String channel) {
    return follow(collection, collection, notifier, channel);
  }

  /** {@code collection} follows {@code channel} for as long as {@code owner} (typically a view) listens. */
  @SuppressWarnings("unchecked")
  public static Following follow(Events owner, Collection<?> collection, Notifier notifier, String channel) {
    ChangeApplier changes = new ChangeApplier();
    return new Following(owner, notifier, channel, events((kind, data) -> {
      Model held = data == null ? null : collection.get(data);
      switch (kind) {
        case "create":
          if (held != null) {
            changes.apply(held, data, remote());
          } else if (ChangeApplier.isFullRecord(data, collection.getModelIdAttribute())) {
            collection.add(data, remote());
          } else {
            collection.fetch(remote());
          }
          break;
        case "change":
          if (held != null) {
            changes.apply(held, data, remote());
          }
          break;
        case "destroy":
          if (held != null) {
            collection.remove(held, remote());
          }
          break;
        case "change-many":
          if (!(data.get(RECORDS) instanceof List)) {
            collection.fetch(remote());
            break;
          }
          for (Object record : (List<?>) data.get(RECORDS)) {
            Model one = record instanceof Map ? collection.get(record) : null;
            if (one != null) {
              changes.apply(one, (Map<String, Object>) record, remote());
            }
          }
          break;
        case "destroy-many":
          if (!(data.get(IDS) instanceof List)) {
            collection.fetch(remote());
            break;
          }
          List<Model> gone = new ArrayList<>();
          for (Object id : (List<?>) data.get(IDS)) {
            Model one = collection.get(id);
            if (one != null) {
              gone.add(one);
            }
          }
          collection.remove(gone, remote());
          break;
        case "resync":
          changes.forget();
          collection.fetch(remote());
          break;
        default:
          break;
      }
    }));
  }

  /** A record event, reduced to its kind ("change", "create", "destroy", "resync") and its object data. */
  private interface RecordEvent {
    void handle(String kind, Map<String, Object> data);
  }

  /** The "all" callback of a following: (eventName, data, channelName) → kind and data. */
  @SuppressWarnings("unchecked")
  private static Callback events(RecordEvent handler) {
    return args -> {
      String event = (String) args[0];
      Object data = args.length > 1 ? args[1] : null;
      if (Notifier.RESYNC.equals(event)) {
        handler.handle("resync", null);
        return;
      }
      int colon = event.lastIndexOf(":");
      if (colon < 0 || event.startsWith("pusher:") || !(data instanceof Map)) {
        return;
      }
      handler.handle(event.substring(colon + 1), (Map<String, Object>) data);
    };
  }

  /** Whether an event's data names this model (events without an id are about the channel's model). */
  private static boolean isAbout(Model model, Map<String, Object> data) {
    Object id = data.get(model.idAttribute());
    return id == null || model.getId() == null || Values.isEqual(id, model.getId());
  }

  private static Options remote() {
    return new Options().set(REMOTE, true);
  }
}
