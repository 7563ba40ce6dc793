/** The citizen's survey page: plain server-rendered HTML, post/redirect/get, and its limits. */
@org.jspecify.annotations.NullMarked
package vn.hailong.survey.web;
