package io.vertebra.posts.client.ui;

import com.google.gwt.core.client.GWT;
import com.google.gwt.safehtml.client.SafeHtmlTemplates;
import com.google.gwt.safehtml.shared.SafeHtml;
import com.google.gwt.safehtml.shared.SafeUri;
import com.google.gwt.safecss.shared.SafeStyles;

/**
 * Every piece of markup the app renders. User text only ever enters as template arguments, which GWT escapes
 * for their context (text, attribute, URL, style): a title like {@code <img src=x onerror=alert(1)>} shows as text.
 */
public interface Templates extends SafeHtmlTemplates {

  /** The one instance. */
  Templates T = GWT.create(Templates.class);

  @Template("<header class='top'><a class='brand' href='#'>Vertebra <span>posts</span></a></header>"
      + "<main class='main'></main>")
  SafeHtml shell();

  @Template("<span class='avatar' style='{0}'>{1}</span><span class='user-name'>{2}</span>"
      + "<button class='link' data-action='sign-out'>Sign out</button>"
      + "<button class='link' data-action='sign-out-everywhere' title='Also end every other copy of this session'>"
      + "Sign out everywhere</button>")
  SafeHtml user(SafeStyles color, String initials, String name);

  @Template("<form class='card sign-in'><h1>Join the conversation</h1>"
      + "<p class='muted'>Pick a display name. Others see it next to your posts and when you are viewing one.</p>"
      + "<label>Display name<input name='name' class='name' maxlength='{0}' autocomplete='nickname' autofocus></label>"
      + "<p class='error' role='alert'></p><button class='primary' type='submit'>Sign in</button></form>")
  SafeHtml signIn(int maxLength);

  @Template("<div class='list-head'><h1>Posts</h1><a class='button primary new-post' href='#posts/new'>New post</a></div>"
      + "<p class='error' role='alert'></p><ul class='posts'></ul><p class='empty muted'>No posts yet. Write the first one.</p>"
      + "<button class='more' data-action='more'>Show older posts</button>")
  SafeHtml postList();

  @Template("<a href='{0}'><span class='title'>{1}</span><span class='meta'>{2} · {3}</span></a>")
  SafeHtml postItem(SafeUri href, String title, String author, String when);

  @Template("<article class='post'><h1 class='title'>{0}</h1><p class='meta'>{1} · {2}{4}</p>"
      + "<div class='body'>{3}</div></article>"
      + "<div class='actions'><button class='primary' data-action='edit'>Edit</button>"
      + "<button class='danger' data-action='delete'>Delete</button></div>")
  SafeHtml postDetail(String title, String author, String when, String body, String editedBy);

  @Template("<p class='loading muted'>Loading…</p>")
  SafeHtml loading();

  @Template("<div class='page-head'><a class='back' href='#'>← All posts</a><div class='presence'></div></div>"
      + "<div class='note-slot'></div><p class='error' role='alert'></p><div class='page-body'></div>")
  SafeHtml postPage();

  @Template("<form class='card editor'><h1>{0}</h1><p class='notice' role='status'></p><div class='conflict'></div>"
      + "<label>Title<input class='title-input' name='title' maxlength='{3}' value='{1}'></label>"
      + "<label>Text<textarea class='body-input' name='body' rows='10'>{2}</textarea></label>"
      + "<p class='error' role='alert'></p>"
      + "<div class='actions'><button class='primary save' type='submit'>Save</button>"
      + "<button type='button' data-action='cancel'>Cancel</button></div></form>")
  SafeHtml editor(String headline, String title, String body, int titleMax);

  @Template("<h2>Someone saved a newer version while you were editing</h2>"
      + "<p class='muted'>Theirs (version {0}):</p><blockquote><strong class='their-title'>{1}</strong>"
      + "<div class='their-body'>{2}</div></blockquote>"
      + "<p class='muted'>Your text is still in the form below.</p><div class='actions'>"
      + "<button data-action='take-theirs'>Discard mine, load theirs</button>"
      + "<button class='danger' data-action='overwrite'>Overwrite with mine</button></div>")
  SafeHtml conflict(String version, String title, String body);

  @Template("{0} <button class='link' data-action='load-latest'>Load the latest version</button>")
  SafeHtml remoteChangeNotice(String message);

  @Template("<span class='viewer-names muted'>{0}</span>")
  SafeHtml viewerNames(String names);

  @Template("<span class='avatar{0}' style='{1}' title='{2}'>{3}</span>")
  SafeHtml avatar(String extraClass, SafeStyles color, String name, String initials);
}
