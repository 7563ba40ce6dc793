/** The index views: review, methodology, results, explanations and open data. */
@org.jspecify.annotations.NullMarked
package vn.hailong.index.ui;
