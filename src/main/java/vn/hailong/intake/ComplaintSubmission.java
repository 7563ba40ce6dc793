package vn.hailong.intake;

/** A complaint as the one-stop software sends it (raw text, validated by the service). */
public record ComplaintSubmission(
        String receivedAt, String deadline, String handledAt, Boolean aboutHandling, Boolean complainantSatisfied) {}
