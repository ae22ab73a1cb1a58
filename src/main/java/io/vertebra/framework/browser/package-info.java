/**
 * The DOM boundary: the only framework classes with raw JavaScript (JSNI), one small class per browser API
 * ({@link io.vertebra.framework.browser.Selectors}, {@link io.vertebra.framework.browser.EventListeners}, ...).
 * They convert and forward; all decisions stay in typed Java elsewhere.
 */
package io.vertebra.framework.browser;
