/** The paper form views: keying a form, the blind second keying and the checks. */
@org.jspecify.annotations.NullMarked
package vn.hailong.paperform.ui;
