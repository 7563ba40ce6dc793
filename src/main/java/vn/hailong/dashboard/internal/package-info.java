/** The read models behind the dashboard that read other modules' tables by SQL (ADR 096). */
@org.jspecify.annotations.NullMarked
package vn.hailong.dashboard.internal;
