package io.vertebra.posts.server.store;

import io.vertebra.kit.store.Schema;
import io.vertebra.kit.store.SessionStore;
import io.vertebra.posts.shared.PostFields;
import io.vertebra.posts.shared.SessionFields;
import java.util.List;

/** The posts database's migration steps ({@link Schema}): never edit a step that has shipped; add one. */
public final class PostsSchema {

  /** Step 1 the posts table; 2 sign-ins (issue 21); 3 who wrote a post and who changed it last (issue 21). */
  public static final Schema SCHEMA = Schema.of(
      List.of("""
          CREATE TABLE posts (
            id %%1$s,
            title VARCHAR(%d) NOT NULL,
            body VARCHAR(%d) NOT NULL,
            author VARCHAR(%d) NOT NULL,
            version BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
          )""".formatted(PostFields.TITLE_MAX_LENGTH, PostFields.BODY_MAX_LENGTH, SessionFields.NAME_MAX_LENGTH)),
      SessionStore.TABLES,
      List.of("ALTER TABLE posts ADD COLUMN author_id VARCHAR(64)",
          "ALTER TABLE posts ADD COLUMN updated_by VARCHAR(%d)".formatted(SessionFields.NAME_MAX_LENGTH)));

  private PostsSchema() {}
}
