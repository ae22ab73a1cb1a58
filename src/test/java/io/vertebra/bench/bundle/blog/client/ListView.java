package io.vertebra.bench.bundle.blog.client;

import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;

/** The post titles, linked to their pages, rendered again whenever the collection changes. */
final class ListView extends View {

  ListView(Collection<BlogPost> posts) {
    super(new ViewOptions().collection(posts).tagName("ul").className("posts"));
    listenTo(posts, "add remove reset sort change", args -> render());
  }

  @Override
  public ListView render() {
    SafeHtmlBuilder html = new SafeHtmlBuilder();
    for (Model post : collection()) {
      html.appendHtmlConstant("<li><a href=\"#posts/").appendEscaped(String.valueOf(post.getId()))
          .appendHtmlConstant("\">").appendEscaped(post.getString("title")).appendHtmlConstant("</a></li>");
    }
    html(html.toSafeHtml());
    return this;
  }
}
