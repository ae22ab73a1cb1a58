package io.vertebra.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.console.ConsoleBackend;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.server.Module;
import io.vertebra.kit.server.VertebraServer;
import io.vertebra.posts.server.PostsBackend;
import io.vertebra.posts.server.store.PostsDatabase;
import io.vertebra.todos.server.TodosBackend;

/**
 * This repository's own server: the server kit's {@link VertebraServer} with the posts app, TodoMVC and the realtime
 * console as its modules. Tests start it on port 0 and stop it themselves.
 */
public final class AppServer implements AutoCloseable {

  /** What the process serves. */
  public enum Mode {
    /** Web app, REST API and the embedded channels server. */
    SERVE,
    /** Only the channels server (WebSocket and HTTP API). */
    CHANNELS
  }

  /** As {@link VertebraServer#ACCEPT_QUEUE}. */
  public static final int ACCEPT_QUEUE = VertebraServer.ACCEPT_QUEUE;

  private final VertebraServer server;
  private final PostsBackend posts;

  private AppServer(VertebraServer server, PostsBackend posts) {
    this.server = server;
    this.posts = posts;
  }

  /** Starts a server for {@code config}; returns once it accepts connections. */
  public static AppServer start(Config config, Mode mode) throws Exception {
    VertebraServer.Builder builder = VertebraServer.builder(config);
    PostsBackend[] posts = new PostsBackend[1];
    if (mode == Mode.SERVE) {
      // posts (docs/posts-backend.md): its schema is the database's; TodoMVC (docs/todos.md) keeps its table there
      builder.database(PostsDatabase::open)
          .module(context -> posts[0] = PostsBackend.install(context))
          .module(TodosBackend::install);
    } else {
      builder.channelsOnly();
    }
    VertebraServer server = builder.module(console()).start();
    return new AppServer(server, posts[0]);
  }

  /**
   * The realtime debug console (/console, docs/console.md), beside the app or the channels server alone: it says so
   * when the realtime service is external.
   */
  private static Module console() {
    return context -> {
      RealtimeSettings realtime = context.realtime();
      ConsoleBackend.install(context.servlets(), new AppCredentials(realtime.appId(), realtime.key(),
          realtime.secret()), context.channels() == null ? null : context.channels().app(), context.webApp());
      context.limitBodies("/console/", context.config().channels().limits().maxRequestBytes());
    };
  }

  /** The kit server this app runs on. */
  public VertebraServer kit() {
    return server;
  }

  /** The realtime service this server uses (the embedded one unless PUSHER_URL is set). */
  public RealtimeSettings realtime() {
    return server.realtime();
  }

  /** The embedded channels server (for its stats), or null when an external realtime service is used. */
  public ChannelsServer channels() {
    return server.channels();
  }

  /** The posts backend (for its trigger stats), or null in {@link Mode#CHANNELS}. */
  public PostsBackend posts() {
    return posts;
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int port() {
    return server.port();
  }

  /** The base URL of this server, without a trailing slash. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
