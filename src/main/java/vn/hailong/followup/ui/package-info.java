/** The follow-up views: the list of cases and one case. */
@org.jspecify.annotations.NullMarked
package vn.hailong.followup.ui;
