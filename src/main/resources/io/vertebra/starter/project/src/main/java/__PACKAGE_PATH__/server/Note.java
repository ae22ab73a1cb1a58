package __PACKAGE__.server;

/** One stored note: its own fields, who wrote it, and the fields every live record has. */
record Note(long id, String title, String body, String author, long version, long createdAt, long updatedAt) {}
