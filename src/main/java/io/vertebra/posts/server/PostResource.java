package io.vertebra.posts.server;

import io.vertebra.kit.live.Field;
import io.vertebra.kit.live.LiveResource;
import io.vertebra.posts.shared.PostApi;
import io.vertebra.posts.shared.PostFields;
import io.vertebra.posts.shared.SessionFields;

/**
 * The post as a live resource of the server kit: {@code /api/posts}, table {@code posts} (created by
 * {@link io.vertebra.posts.server.store.PostsSchema}, which also imports H2-era data), events {@code post:create},
 * {@code post:change}, {@code post:destroy} on {@code posts} and {@code post-7}, newest first. The author fields are
 * the server's ({@link PostAuthorship}).
 */
public final class PostResource {

  /** 256 KiB: room for a maximal post (20,000 characters of up to 3 UTF-8 bytes, escaped) and nothing silly. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  public static final LiveResource RESOURCE = LiveResource.define("posts")
      .field(Field.text(PostFields.TITLE).required().trimmed().maxLength(PostFields.TITLE_MAX_LENGTH))
      .field(Field.text(PostFields.BODY).maxLength(PostFields.BODY_MAX_LENGTH))
      .field(Field.text(PostFields.AUTHOR).maxLength(SessionFields.NAME_MAX_LENGTH).serverOwned())
      .field(Field.text(PostFields.AUTHOR_ID).maxLength(64).nullable().serverOwned())
      .field(Field.text(PostFields.UPDATED_BY).maxLength(SessionFields.NAME_MAX_LENGTH).nullable().serverOwned())
      .pageSize(PostApi.DEFAULT_LIMIT, PostApi.MAX_LIMIT)
      .maxBodyBytes(MAX_BODY_BYTES)
      .build();

  private PostResource() {}
}
