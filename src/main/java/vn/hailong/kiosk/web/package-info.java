/** What a kiosk tablet calls outside Vaadin: its enrolment link, the rating outbox and the offline shell. */
@org.jspecify.annotations.NullMarked
package vn.hailong.kiosk.web;
