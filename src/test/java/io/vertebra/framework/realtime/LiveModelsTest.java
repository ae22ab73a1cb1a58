package io.vertebra.framework.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Json;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeBackend;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeHub;
import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.RecordingTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveModelsTest {

  private final InMemoryRealtimeHub hub = new InMemoryRealtimeHub();
  private final InMemoryRealtimeBackend backend = hub.newConnection();
  private final Notifier notifier = new Notifier(backend);
  private final RecordingTransport transport = new RecordingTransport();

  @BeforeEach
  void connect() {
    DefaultSync.setTransport(transport);
    notifier.connect();
  }

  @AfterEach
  void restoreDefaults() {
    DefaultSync.setTransport(null);
  }

  private static Map<String, Object> json(String text) {
    return Json.parseObject(text.replace('\'', '"'));
  }

  private static Model post(String attributes) {
    Model post = new Model(json(attributes));
    post.setUrlRoot("/api/posts");
    return post;
  }

  private static Collection<Model> posts(String... attributes) {
    Collection<Model> posts = new Collection<>();
    posts.setUrl("/api/posts");
    for (String a : attributes) {
      posts.add(json(a));
    }
    return posts;
  }

  /** Records "event attr" for every change:<attr> and whether it was marked remote. */
  private static List<String> changes(Events source) {
    List<String> seen = new ArrayList<>();
    source.on("all", args -> {
      String name = (String) args[0];
      Object last = args[args.length - 1];
      boolean remote = last instanceof Options && ((Options) last).isTrue(LiveModels.REMOTE);
      if (!name.equals("request")) {
        seen.add(name + (remote ? " remote" : ""));
      }
    });
    return seen;
  }

  @Nested
  @DisplayName("a followed model")
  class FollowedModel {

    private final Model post = post("{'id':1,'title':'One','version':2}");

    @BeforeEach
    void follow() {
      LiveModels.follow(post, notifier, "post-1");
    }

    @Test
    @DisplayName("takes a newer record from the event, without a request, marked remote")
    void newerRecordIsSet() {
      List<String> seen = changes(post);

      hub.publish("post-1", "post:change", json("{'id':1,'title':'Uno','version':3}"));

      assertEquals("Uno", post.get("title"));
      assertEquals(3.0, post.get("version"));
      assertEquals(0, transport.count());
      assertEquals(List.of("change:title remote", "change:version remote", "change remote"), seen);
    }

    @Test
    @DisplayName("ignores stale and duplicate records")
    void staleRecordIsIgnored() {
      List<String> seen = changes(post);

      hub.publish("post-1", "post:change", json("{'id':1,'title':'Old','version':1}"));
      hub.publish("post-1", "post:change", json("{'id':1,'title':'Same','version':2}"));

      assertEquals("One", post.get("title"));
      assertEquals(List.of(), seen);
      assertEquals(0, transport.count());
    }

    @Test
    @DisplayName("fetches when the event carries only {id, version}, once per version")
    void idAndVersionFetches() {
      hub.publish("post-1", "post:change", json("{'id':1,'version':3}"));
      hub.publish("post-1", "post:change", json("{'id':1,'version':3}"));

      assertEquals(1, transport.count(), "the duplicate notification does not fetch again");
      assertEquals("GET", transport.lastRequest().method());
      assertEquals("/api/posts/1", transport.lastRequest().url());

      transport.respondLast("{\"id\":1,\"title\":\"Large\",\"version\":3}");
      assertEquals("Large", post.get("title"));

      hub.publish("post-1", "post:change", json("{'id':1,'version':3}"));
      assertEquals(1, transport.count(), "already holds version 3");
      hub.publish("post-1", "post:change", json("{'id':1,'version':4}"));
      assertEquals(2, transport.count());
    }

    @Test
    @DisplayName("a failed fetch does not swallow the next notification of the same version")
    void failedFetchIsRetried() {
      hub.publish("post-1", "post:change", json("{'id':1,'version':3}"));
      transport.last().respond(503, "{\"error\":\"unavailable\",\"message\":\"try again\"}");

      hub.publish("post-1", "post:change", json("{'id':1,'version':3}"));

      assertEquals(2, transport.count());
    }

    @Test
    @DisplayName("ignores events about another record on the same channel")
    void otherIdIgnored() {
      hub.publish("post-1", "post:change", json("{'id':2,'title':'Two','version':9}"));
      hub.publish("post-1", "post:destroy", json("{'id':2}"));

      assertEquals("One", post.get("title"));
    }

    @Test
    @DisplayName("a destroy event triggers 'destroy', so a collection holding the model drops it")
    void destroyEvent() {
      Collection<Model> list = posts();
      list.add(post);
      List<String> seen = changes(post);

      hub.publish("post-1", "post:destroy", json("{'id':1}"));

      assertTrue(seen.contains("destroy remote"));
      assertEquals(0, list.length());
    }

    @Test
    @DisplayName("re-fetches after the channel is subscribed again following a connection loss")
    void resyncFetches() {
      backend.loseConnection();
      hub.publish("post-1", "post:change", json("{'id':1,'title':'Missed','version':3}"));
      assertEquals(0, transport.count());

      backend.restoreConnection();

      assertEquals(1, transport.count());
      assertEquals("/api/posts/1", transport.lastRequest().url());
      transport.respondLast("{\"id\":1,\"title\":\"Missed\",\"version\":3}");
      assertEquals("Missed", post.get("title"));
    }

    @Test
    @DisplayName("stops following on stopListening(): no updates, channel unsubscribed, no listener left")
    void stopListeningReleasesEverything() {
      post.stopListening();

      assertEquals(0, post.listeningToCount());
      assertEquals(0, hub.subscriberCount("post-1"));
      assertEquals(List.of(), notifier.channelNames());
      hub.publish("post-1", "post:change", json("{'id':1,'title':'Late','version':5}"));
      assertEquals("One", post.get("title"));
    }
  }

  @Test
  @DisplayName("a model not yet saved does not fetch on resync")
  void newModelDoesNotFetchOnResync() {
    Model draft = post("{'title':'Draft'}");
    LiveModels.follow(draft, notifier, "posts");

    backend.loseConnection();
    backend.restoreConnection();

    assertEquals(0, transport.count());
  }

  @Test
  @DisplayName("a view owner releases the following on remove (stopListening); the model keeps no listener")
  void viewOwnerReleases() {
    Model post = post("{'id':1,'title':'One','version':2}");
    Events view = new Events();
    LiveModels.follow(view, post, notifier, "post-1");
    RealtimeChannel channel = notifier.channel("post-1");
    assertEquals(1, channel.listenerCount());
    assertEquals(1, view.listeningToCount());

    view.stopListening();

    assertEquals(0, channel.listenerCount());
    assertEquals(0, view.listeningToCount());
    assertFalse(channel.isSubscribed());
    assertEquals(0, hub.subscriberCount("post-1"));
    assertFalse(post.hasListeners(null));
  }

  @Test
  @DisplayName("Following.stop() ends only that following; the owner's other followings go on")
  void followingStopIsPrecise() {
    Events view = new Events();
    Model post = post("{'id':1,'title':'One','version':2}");
    Collection<Model> list = posts();
    Following single = LiveModels.follow(view, post, notifier, "post-1");
    LiveModels.follow(view, list, notifier, "posts");

    single.stop();

    assertEquals("post-1", single.channelName());
    assertEquals(List.of("posts"), notifier.channelNames());
    hub.publish("posts", "post:create", json("{'id':4,'title':'Four','version':1}"));
    assertEquals(1, list.length());
  }

  @Nested
  @DisplayName("a followed collection")
  class FollowedCollection {

    private final Collection<Model> list = posts("{'id':1,'title':'One','version':2}");

    @BeforeEach
    void follow() {
      LiveModels.follow(list, notifier, "posts");
    }

    @Test
    @DisplayName("adds created records once, marked remote; a repeated create is a duplicate")
    void createAdds() {
      List<String> seen = changes(list);

      hub.publish("posts", "post:create", json("{'id':5,'title':'Five','version':1}"));
      hub.publish("posts", "post:create", json("{'id':5,'title':'Five','version':1}"));

      assertEquals(2, list.length());
      assertEquals("Five", list.get(5.0).get("title"));
      assertEquals(List.of("add remote", "update remote"), seen);
      assertEquals(0, transport.count());
    }

    @Test
    @DisplayName("fetches the list when a create carries only {id, version}")
    void createWithoutRecordFetches() {
      hub.publish("posts", "post:create", json("{'id':6,'version':1}"));

      assertEquals(1, transport.count());
      assertEquals("/api/posts", transport.lastRequest().url());
      transport.respondLast("[{\"id\":1,\"title\":\"One\",\"version\":2},{\"id\":6,\"title\":\"Six\",\"version\":1}]");
      assertEquals(2, list.length());
      assertEquals("Six", list.get(6).get("title"));
    }

    @Test
    @DisplayName("updates a held model from a newer change, ignores stale ones and unknown ids")
    void changeUpdates() {
      hub.publish("posts", "post:change", json("{'id':1,'title':'Uno','version':3}"));
      hub.publish("posts", "post:change", json("{'id':1,'title':'Stale','version':2}"));
      hub.publish("posts", "post:change", json("{'id':99,'title':'Elsewhere','version':1}"));

      assertEquals("Uno", list.get(1).get("title"));
      assertEquals(1, list.length());
      assertNull(list.get(99));
    }

    @Test
    @DisplayName("fetches only the changed model when a change carries only {id, version}")
    void changeWithoutRecordFetchesTheModel() {
      hub.publish("posts", "post:change", json("{'id':1,'version':3}"));

      assertEquals("/api/posts/1", transport.lastRequest().url());
    }

    @Test
    @DisplayName("removes destroyed records")
    void destroyRemoves() {
      List<String> seen = changes(list);

      hub.publish("posts", "post:destroy", json("{'id':1}"));
      hub.publish("posts", "post:destroy", json("{'id':1}"));

      assertEquals(0, list.length());
      assertEquals(List.of("remove remote", "update remote"), seen);
    }

    @Test
    @DisplayName("change-many: one event applies each newer partial record, skips stale and unknown ones")
    void changeManyAppliesEach() {
      list.add(json("{'id':2,'title':'Two','done':false,'version':5}"), new Options());
      List<String> seen = changes(list);

      hub.publish("posts", "post:change-many", json("{'records':[{'id':1,'done':true,'version':3},"
          + "{'id':2,'done':true,'version':5},{'id':99,'done':true,'version':1}]}"));

      assertEquals(true, list.get(1).get("done"));
      assertEquals("One", list.get(1).get("title"));
      assertEquals(false, list.get(2).get("done"), "version 5 is not newer than the held 5");
      assertEquals(List.of("change:done remote", "change:version remote", "change remote"), seen.subList(0, 3));
      assertEquals(2, list.length());
      assertEquals(0, transport.count());
    }

    @Test
    @DisplayName("destroy-many: one event removes every listed record in one remove")
    void destroyManyRemovesAll() {
      list.add(json("{'id':2,'title':'Two','version':1}"), new Options());
      list.add(json("{'id':3,'title':'Three','version':1}"), new Options());
      List<String> seen = changes(list);

      hub.publish("posts", "post:destroy-many", json("{'ids':[1,3,42]}"));

      assertEquals(List.of(2.0), list.pluck("id"));
      assertEquals(List.of("remove remote", "remove remote", "update remote"), seen);
    }

    @Test
    @DisplayName("change-many and destroy-many without their list (too large for one message) fetch the list")
    void manyWithoutListFetches() {
      hub.publish("posts", "post:change-many", json("{}"));
      assertEquals("/api/posts", transport.lastRequest().url());
      hub.publish("posts", "post:destroy-many", json("{}"));
      assertEquals(2, transport.count());
    }

    @Test
    @DisplayName("re-fetches the list after a reconnection")
    void resyncFetchesTheList() {
      backend.loseConnection();
      backend.restoreConnection();

      assertEquals(1, transport.count());
      assertEquals("/api/posts", transport.lastRequest().url());
      transport.respondLast("[{\"id\":2,\"title\":\"Two\",\"version\":1}]");
      assertEquals(List.of(2.0), list.pluck("id"));
    }

    @Test
    @DisplayName("ignores client events and Pusher's own events")
    void ignoresOtherEvents() {
      hub.publish("posts", "client-editing", json("{'id':1,'title':'Typing','version':9}"));
      hub.publish("posts", "pusher:member_added", json("{'id':1,'version':9}"));

      assertEquals("One", list.get(1).get("title"));
    }

    @Test
    @DisplayName("stops on stopListening(): channel unsubscribed, no listener left on either side")
    void stopListeningReleases() {
      RealtimeChannel channel = notifier.channel("posts");
      list.stopListening();

      assertEquals(0, channel.listenerCount());
      assertEquals(0, list.listeningToCount());
      assertEquals(0, hub.subscriberCount("posts"));
    }
  }
}
