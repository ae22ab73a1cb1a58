package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.InputElement;
import com.google.gwt.dom.client.TextAreaElement;
import com.google.gwt.safehtml.shared.SafeHtmlUtils;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Values;
import io.vertebra.framework.core.SyncCallback;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.posts.client.model.Post;
import io.vertebra.posts.client.realtime.EditingSignal;
import io.vertebra.posts.shared.ApiErrors;
import io.vertebra.posts.shared.PostFields;
import java.util.Map;

/**
 * Writes or edits a post without ever losing the user's text.
 *
 * <ul>
 *   <li>Saves are based on the version the form was filled from: if someone saved meanwhile, the server answers
 *       409 and the view shows their version, with "load theirs" and "overwrite with mine" as conscious choices.</li>
 *   <li>A live change arriving while the user has unsaved edits does not touch the form: a notice says so.
 *       Without unsaved edits, the form simply follows the change.</li>
 *   <li>A failed save (offline, expired session, validation) shows why and keeps the form as it is.</li>
 * </ul>
 * Triggers {@code "saved" (post)} and {@code "cancel"}; {@code saver} decides how a new post is created (the app
 * adds it to the list).
 */
public final class PostEditorView extends AppView {

  /** Creates a new post with these attributes and options (for example through the list collection). */
  public interface Creator {
    void create(Map<String, Object> attrs, Options options);
  }

  private final Post post;
  private final Creator creator;
  private final EditingSignal signal;
  private double baseVersion;
  private String loadedTitle = "";
  private String loadedBody = "";
  private Map<String, Object> theirs;
  /** The post is still being fetched: the form is not shown yet. */
  private boolean loading;
  /** Our own save is running: the changes it causes are not someone else's. */
  private boolean saving;

  public PostEditorView(Post post, Creator creator, EditingSignal signal) {
    super("div", "post-editor");
    this.post = post;
    this.creator = creator;
    this.signal = signal;
    listenTo(post, "change", args -> {
      if (loading) {
        render(); // opened by URL: the post has arrived
      } else if (!saving) {
        changedElsewhere();
      }
    });
  }

  @Override
  public PostEditorView render() {
    loading = !post.isNew() && post.getVersion() == 0;
    if (loading) {
      html(Templates.T.loading());
      return this;
    }
    html(Templates.T.editor(post.isNew() ? "New post" : "Edit post", post.getTitle(), post.getBody(),
        PostFields.TITLE_MAX_LENGTH));
    markLoaded();
    return this;
  }

  @Override
  public AppView remove() {
    signal.stop();
    super.remove();
    return this;
  }

  @Override
  protected void onInput(Element field) {
    if (!post.isNew() && !loading) {
      signal.typed();
    }
  }

  @Override
  protected void onSubmit(Element form) {
    if (!loading) {
      save(baseVersion);
    }
  }

  @Override
  protected void onAction(String action, Element target) {
    switch (action) {
      case "cancel":
        trigger("cancel");
        break;
      case "load-latest":
        fill(post.getTitle(), post.getBody());
        markLoaded();
        break;
      case "take-theirs":
        fill(text(theirs, PostFields.TITLE), text(theirs, PostFields.BODY));
        markLoaded();
        break;
      case "overwrite":
        save(version(theirs));
        break;
      default:
        break;
    }
  }

  /** Whether the form holds text the user typed and has not saved. */
  public boolean isDirty() {
    return !titleField().getValue().equals(loadedTitle) || !bodyField().getValue().equals(loadedBody);
  }

  private void save(double onVersion) {
    Map<String, Object> attrs = Post.edit(titleField().getValue().trim(), bodyField().getValue(), onVersion);
    String invalid = Post.problem(attrs);
    if (invalid != null) {
      Forms.showError(el(), invalid);
      return;
    }
    Forms.showError(el(), "");
    Forms.setBusy(el(), true);
    SyncCallback success = (target, response, options) -> {
      saving = false;
      signal.stop();
      markLoaded();
      trigger("saved", target);
    };
    Options options = new Options().waitForServer(true).success(success).error((target, response, o) -> {
      Forms.setBusy(el(), false);
      failed((SyncError) response);
      saving = false;
    });
    saving = true;
    if (post.isNew()) {
      creator.create(attrs, options);
    } else {
      post.save(attrs, options);
    }
  }

  @SuppressWarnings("unchecked")
  private void failed(SyncError error) {
    Map<String, Object> json = error.getJson();
    if (error.getStatus() == 409 && json != null && json.get(ApiErrors.CURRENT) instanceof Map) {
      theirs = (Map<String, Object>) json.get(ApiErrors.CURRENT);
      // The model learns the server's truth; the form keeps the user's text; the panel replaces any notice.
      post.set(theirs);
      byClass("notice").setInnerSafeHtml(SafeHtmlUtils.EMPTY_SAFE_HTML);
      byClass("conflict").setInnerSafeHtml(Templates.T.conflict(Values.asText(version(theirs)),
          text(theirs, PostFields.TITLE), text(theirs, PostFields.BODY)));
      el().setAttribute("data-conflict", "true");
      byClass("conflict").scrollIntoView();
      return;
    }
    Forms.showError(el(), Forms.describe(error));
  }

  /** Someone else's change (live, or a fetch): follow it unless the user has unsaved text. */
  private void changedElsewhere() {
    if (isDirty()) {
      byClass("notice").setInnerSafeHtml(Templates.T.remoteChangeNotice(
          "Someone saved a newer version of this post while you were typing. Your text is kept."));
      return;
    }
    fill(post.getTitle(), post.getBody());
    markLoaded();
  }

  /** The form now shows what the server has at {@code post}'s version: the base of the next save. */
  private void markLoaded() {
    baseVersion = post.getVersion();
    loadedTitle = titleField().getValue();
    loadedBody = bodyField().getValue();
    theirs = null;
    byClass("notice").setInnerSafeHtml(SafeHtmlUtils.EMPTY_SAFE_HTML);
    byClass("conflict").setInnerSafeHtml(SafeHtmlUtils.EMPTY_SAFE_HTML);
    el().removeAttribute("data-conflict");
    Forms.setBusy(el(), false);
  }

  private void fill(String title, String body) {
    titleField().setValue(title);
    bodyField().setValue(body);
  }

  private InputElement titleField() {
    return InputElement.as(byClass("title-input"));
  }

  private TextAreaElement bodyField() {
    return TextAreaElement.as(byClass("body-input"));
  }

  private static String text(Map<String, Object> record, String field) {
    Object value = record == null ? null : record.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  private static double version(Map<String, Object> record) {
    Object value = record == null ? null : record.get(PostFields.VERSION);
    return value instanceof Number ? ((Number) value).doubleValue() : 0;
  }
}
