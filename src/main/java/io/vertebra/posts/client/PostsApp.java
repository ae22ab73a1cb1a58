package io.vertebra.posts.client;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;

/** Entry point of the reference app: mounts the posts UI into the host page. */
public class PostsApp implements EntryPoint {

  @Override
  public void onModuleLoad() {
    Element root = Document.get().getElementById("app");
    root.setInnerText("Vertebra posts");
    root.setAttribute("data-ready", "true");
  }
}
