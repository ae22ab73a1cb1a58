package io.vertebra.bench.bundle.blog.client;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import io.vertebra.framework.browser.WindowLocation;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.LiveModels;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.pusher.PusherJsBackend;
import io.vertebra.framework.realtime.pusher.PusherOptions;
import io.vertebra.framework.router.History;
import io.vertebra.framework.sync.XhrTransport;

/**
 * The app of the classic "realtime Backbone with Pusher" blog post, written with Vertebra: a post's view re-renders
 * on its model's {@code change}; the model knows its REST URL and fetches; a Notifier over pusher-js re-triggers
 * {@code post:change} from the post's channel and the model fetches again; plus a live list and hash routes.
 * BundleBench compiles it to weigh the framework in an app that small, against Backbone + Underscore + jQuery.
 */
public class BlogApp implements EntryPoint {

  @Override
  public void onModuleLoad() {
    XhrTransport.install();
    WindowLocation.install();
    Model config = new Model();
    config.setUrl("/api/config");
    config.fetch(new Options().success((target, response, options) ->
        start(PusherOptions.fromMap(config.getAttributes()))));
  }

  private static void start(PusherOptions pusherOptions) {
    Notifier notifier = new Notifier(new PusherJsBackend(pusherOptions));
    notifier.connect();
    Collection<BlogPost> posts = new Collection<>(BlogPost::new);
    posts.setUrl(BlogPost.ROOT);
    LiveModels.follow(posts, notifier, "posts");
    Element root = Document.get().getElementById("app");
    new BlogRouter(root, posts, notifier);
    posts.fetch(new Options());
    History.global().start();
  }
}
