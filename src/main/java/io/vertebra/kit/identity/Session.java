package io.vertebra.kit.identity;

/**
 * One sign-in: a random id (kept server-side, so the session can be revoked) and the user it signed in. The
 * cookie carries both, signed; a request is signed in only while the id is still active in the store.
 */
record Session(String id, User user) {}
