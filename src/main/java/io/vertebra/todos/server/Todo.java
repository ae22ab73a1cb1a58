package io.vertebra.todos.server;

/**
 * One stored todo. Times are epoch milliseconds; the JSON form ({@link TodoJson}) writes them as ISO-8601 UTC with
 * milliseconds, so that they sort as text in the browser.
 */
record Todo(long id, String title, boolean completed, long version, long createdAt, long updatedAt) {
}
