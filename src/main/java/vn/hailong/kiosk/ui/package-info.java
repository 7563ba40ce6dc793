/** The kiosk tablet's Vaadin screens: enrolment, idle, keypad, survey, thanks, and the devices view. */
@org.jspecify.annotations.NullMarked
package vn.hailong.kiosk.ui;
