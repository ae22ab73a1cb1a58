package __PACKAGE__.client.ui;

import com.google.gwt.core.client.GWT;
import com.google.gwt.safehtml.client.SafeHtmlTemplates;
import com.google.gwt.safehtml.shared.SafeHtml;
import com.google.gwt.safehtml.shared.SafeUri;

/** The app's HTML, escaped by GWT wherever a value goes in: model data can never inject markup. */
interface Templates extends SafeHtmlTemplates {

  Templates T = GWT.create(Templates.class);

  @Template("<form class=\"sign-in\"><label>Your name <input class=\"name\" maxlength=\"40\" autofocus></label>"
      + " <button type=\"submit\">Sign in</button><p class=\"error\"></p></form>")
  SafeHtml signIn();

  @Template("<form class=\"new-note\"><input class=\"title\" placeholder=\"New note\" maxlength=\"{0}\">"
      + " <button type=\"submit\">Add</button><p class=\"error\"></p></form><ul class=\"notes\"></ul>"
      + "<p class=\"empty\">No notes yet.</p>")
  SafeHtml noteList(int maxTitle);

  @Template("<a href=\"{0}\">{1}</a> <span class=\"author\">{2}</span>")
  SafeHtml noteItem(SafeUri href, String title, String author);

  @Template("<p><a href=\"#\">← All notes</a></p><ul class=\"viewers\"></ul><div class=\"tools\"></div>"
      + "<form class=\"edit-note\"><input class=\"title\" maxlength=\"{0}\"><textarea class=\"body\" rows=\"8\">"
      + "</textarea><button type=\"submit\">Save</button> <button type=\"button\" class=\"delete\">Delete</button>"
      + "<p class=\"error\"></p></form><p class=\"meta\">By {1}, version {2}</p>")
  SafeHtml noteDetail(int maxTitle, String author, String version);

  @Template("<li class=\"viewer\" data-id=\"{0}\">{1}</li>")
  SafeHtml viewer(String id, String name);
}
