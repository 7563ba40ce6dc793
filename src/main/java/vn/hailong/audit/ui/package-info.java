/** The auditor's view of the audit log. */
@org.jspecify.annotations.NullMarked
package vn.hailong.audit.ui;
