package io.vertebra.posts.server.api;

import java.util.Map;

/** The REST contract on the default database: a SQLite file under DATA_DIR. */
class PostsApiIT extends PostsApiContract {

  @Override
  protected Map<String, String> databaseEnvironment() {
    return Map.of();
  }
}
