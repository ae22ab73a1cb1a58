package io.vertebra.todos.client.ui;

import com.google.gwt.core.client.GWT;
import com.google.gwt.safehtml.client.SafeHtmlTemplates;
import com.google.gwt.safehtml.shared.SafeHtml;

/** The TodoMVC markup (the template app's, class for class), with every title escaped. */
interface TodoTemplates extends SafeHtmlTemplates {

  /** The one instance. */
  TodoTemplates T = GWT.create(TodoTemplates.class);

  @Template("<div class=\"view\"><input class=\"toggle\" type=\"checkbox\"><label>{0}</label>"
      + "<button class=\"destroy\"></button></div><input class=\"edit\" value=\"{0}\">")
  SafeHtml item(String title);

  @Template("<span class=\"todo-count\"><strong>{0}</strong> {1} left</span><ul class=\"filters\">{2}</ul>")
  SafeHtml footer(int remaining, String items, SafeHtml filters);

  // The route after a constant "#/": an attribute value GWT escapes as text, where a whole URL parameter would also
  // need its URL sanitizer in the script (~0.3 KB gzip).
  @Template("<li><a href=\"#/{0}\">{1}</a></li>")
  SafeHtml filter(String route, String label);

  @Template("<li><a class=\"selected\" href=\"#/{0}\">{1}</a></li>")
  SafeHtml selectedFilter(String route, String label);

  @Template("<button class=\"clear-completed\">Clear completed</button>")
  SafeHtml clearCompleted();
}
