/**
 * Backbone-style views for GWT: {@link io.vertebra.framework.view.View} owns one DOM element, renders models into
 * it with SafeHtml and serves a declarative events map through one delegating listener per event type.
 */
package io.vertebra.framework.view;
