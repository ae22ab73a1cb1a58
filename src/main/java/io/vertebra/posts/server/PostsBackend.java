package io.vertebra.posts.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.kit.server.ModuleContext;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.posts.server.api.PostsServlet;
import io.vertebra.posts.server.realtime.PostEventPublisher;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.server.store.PostsDatabase;
import io.vertebra.posts.shared.PostApi;

/**
 * The posts backend as a server kit {@link io.vertebra.kit.server.Module}: the REST API at {@code /api/posts} on the
 * server's database, its realtime trigger publisher, and which presence channels a signed-in user may join. The
 * server holds the database, sessions, identity endpoints and {@code /api/config}; the database's schema is
 * {@link PostsDatabase#open}'s.
 */
public final class PostsBackend {

  private final Database database;
  private final PusherAsync pusher;
  private final PostStore store;
  private final PostEventPublisher events;

  private PostsBackend(Database database, PusherAsync pusher, PostStore store, PostEventPublisher events) {
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
    ObjectMapper mapper = context.mapper();
    Database database = context.database();
    PusherAsync pusher = context.pusher();
    PostJson json = new PostJson(mapper);
    PostStore store = new PostStore(database, options.clock());
    PostEventPublisher events = new PostEventPublisher(pusher, json);
    PostsBackend backend = new PostsBackend(database, pusher, store, events);

    JsonBodies bodies = new JsonBodies(mapper, options.maxBodyBytes());
    context.serve(PostApi.POSTS_PATH + "/*", new PostsServlet(store, json, bodies, context.sessions(), events));
    context.allowChannels(new PostPresencePolicy(store));
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
