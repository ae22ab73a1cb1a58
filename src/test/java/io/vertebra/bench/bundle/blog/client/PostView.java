package io.vertebra.bench.bundle.blog.client;

import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;

/** One post, rendered again on every change of its model. */
final class PostView extends View {

  PostView(BlogPost post) {
    super(new ViewOptions().model(post).tagName("article").className("post"));
    listenTo(post, "change", args -> render());
  }

  @Override
  public PostView render() {
    html(new SafeHtmlBuilder().appendHtmlConstant("<h1>").appendEscaped(model().getString("title"))
        .appendHtmlConstant("</h1><p>").appendEscaped(model().getString("body")).appendHtmlConstant("</p>")
        .toSafeHtml());
    return this;
  }
}
