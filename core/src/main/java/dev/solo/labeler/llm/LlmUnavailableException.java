package dev.solo.labeler.llm;

/**
 * The provider did not answer usefully after every retry (timeouts, 429s, 5xx, malformed
 * bodies). Finished answers are cached: running again resumes with the rest.
 */
public final class LlmUnavailableException extends RuntimeException {
    public LlmUnavailableException(String message) {
        super(message);
    }
}
