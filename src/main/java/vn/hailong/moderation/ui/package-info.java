/** The moderation views: disputing a rating and a second person's decision. */
@org.jspecify.annotations.NullMarked
package vn.hailong.moderation.ui;
