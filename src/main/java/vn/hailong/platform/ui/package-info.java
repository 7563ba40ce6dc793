/** The Vaadin shell and the managers' frame (side menu, logged-in user), Vietnamese first. */
@org.jspecify.annotations.NullMarked
package vn.hailong.platform.ui;
