/** The administrators' webhook view: endpoints, their signing secrets and delivery logs. */
@org.jspecify.annotations.NullMarked
package vn.hailong.webhook.ui;
