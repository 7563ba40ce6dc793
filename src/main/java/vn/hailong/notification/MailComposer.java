package vn.hailong.notification;

import java.util.Set;
import java.util.UUID;

/**
 * Composes, when it is sent, a mail its module queued with {@link MailOutbox#queueToCompose}: the
 * follow-up e-mails say how the case stands when they leave, not when they were queued. A module
 * offers one as a bean; the outbox asks the composer of the row's kind.
 */
public interface MailComposer {

    /** The kinds this composer writes; each kind has one composer. */
    Set<MailOutbox.Kind> kinds();

    /**
     * The mail about {@code about}, as it should read now, or {@link ComposedMail#skip} when it
     * should not be sent any more (say, the case was closed meanwhile). An exception counts as a
     * failed attempt: the row is tried again later.
     */
    ComposedMail compose(UUID about, MailOutbox.Kind kind);
}
