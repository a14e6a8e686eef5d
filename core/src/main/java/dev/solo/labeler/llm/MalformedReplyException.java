package dev.solo.labeler.llm;

/** A 200 response that is not the provider's documented shape (truncated, not JSON, fields missing). */
public final class MalformedReplyException extends RuntimeException {
    public MalformedReplyException(String message) {
        super(message);
    }
}
