/**
 * E-mail notifications of every module: one outbox table ({@code mail_outbox}), sent by whichever
 * node claims a row first, retried while the mail server is down. A module queues a mail composed
 * now ({@link vn.hailong.notification.MailOutbox#queue}) or one its {@link
 * vn.hailong.notification.MailComposer} composes when it is sent, as things then stand.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package vn.hailong.notification;
