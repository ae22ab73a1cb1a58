/**
 * Client-side routing: {@link io.vertebra.framework.router.Router} maps URL fragments to callbacks and
 * {@link io.vertebra.framework.router.History} follows the browser's URL. Plain Java: browser access sits behind
 * {@link io.vertebra.framework.router.BrowserLocation}, so routing is tested on the JVM.
 */
package io.vertebra.framework.router;
