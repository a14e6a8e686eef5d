package dev.solo.labeler.llm;

import java.io.IOException;
import okhttp3.Request;

/** Sends one HTTP request and returns the status, the Retry-After header and the body. */
public interface Transport {

    record Response(int code, String retryAfter, String body) {
    }

    Response send(Request request) throws IOException;
}
