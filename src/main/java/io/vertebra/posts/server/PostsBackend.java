package io.vertebra.posts.server;

import com.pusher.rest.PusherAsync;
import io.vertebra.kit.live.LiveResources;
import io.vertebra.kit.live.LiveServices;
import io.vertebra.kit.live.MountedResource;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.kit.server.ModuleContext;
import io.vertebra.kit.store.Database;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.server.store.PostsDatabase;

/**
 * The posts backend as a server kit {@link io.vertebra.kit.server.Module}: the posts live resource
 * ({@link PostResource} with {@link PostAuthorship}: REST at {@code /api/posts}, storage, events) on the server's
 * database, and its presence rule for the server's identity endpoints. The server holds the database, sessions,
 * identity endpoints and {@code /api/config}; the database's schema is {@link PostsDatabase#open}'s.
 */
public final class PostsBackend {

  private final Database database;
  private final PusherAsync pusher;
  private final PostStore store;
  private final EventTrigger events;

  private PostsBackend(Database database, PusherAsync pusher, PostStore store, EventTrigger events) {
    this.database = database;
    this.pusher = pusher;
    this.store = store;
    this.events = events;
  }

  /** Installs the backend with default options. */
  public static PostsBackend install(ModuleContext context) {
    return install(context, PostsOptions.defaults());
  }

  /** Installs the backend into the server being started; {@code context.database()} must have posts' schema. */
  public static PostsBackend install(ModuleContext context, PostsOptions options) {
    Database database = context.database();
    // posts' own trigger counters, so its figures in /metrics stay its own
    EventTrigger events = new EventTrigger(context.pusher());
    PostsBackend backend = new PostsBackend(database, context.pusher(), new PostStore(database, options.clock()),
        events);
    MountedResource posts = LiveResources.install(context.servlets(),
        new LiveServices(database, events, context.mapper(), options.clock()), PostResource.RESOURCE,
        new PostAuthorship(context.sessions()));
    context.allowChannels(posts.presencePolicy());
    context.metrics(backend.metrics());
    return backend;
  }

  /** The server's database, which holds the posts. */
  public Database database() {
    return database;
  }

  /** The server's realtime client the backend triggers through. */
  public PusherAsync pusher() {
    return pusher;
  }

  /** The backend's metrics: realtime triggers. */
  public MetricSource metrics() {
    return new PostsMetrics(events.stats());
  }

  /** Counters of realtime triggers (failures are logged and counted here). */
  public TriggerStats triggerStats() {
    return events.stats();
  }

  /** The post storage. */
  public PostStore store() {
    return store;
  }
}
