package dev.solo.labeler.llm;

import java.util.Optional;

/** Where a remote labeler's answers are cached and its calls recorded. Safe to call from several threads. */
public interface LlmCallLog {

    /** The stored response for that request key, if it was asked before. */
    Optional<String> cachedResponse(String key);

    /** Records a call; with a response, also caches it under {@code key} (one transaction). */
    void saveCall(LlmCall call, String key, String response);

    /** What remote labelers have used so far over the whole task. */
    LlmUsage usage();
}
