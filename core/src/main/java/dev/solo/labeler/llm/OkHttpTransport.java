package dev.solo.labeler.llm;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;

/** The real transport: OkHttp with connect, read and whole-call timeouts; no logging of any header. */
public final class OkHttpTransport implements Transport {
    private final OkHttpClient client;

    public OkHttpTransport(Duration timeout, int maxConcurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrency);
        dispatcher.setMaxRequestsPerHost(maxConcurrency);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds())))
                .readTimeout(timeout)
                .callTimeout(timeout.plusSeconds(10))
                // A pooled connection the server has closed (HTTP/1.0 servers, idle timeouts) is
                // replaced silently; every other failure goes through LlmClient's retries.
                .retryOnConnectionFailure(true)
                .build();
    }

    @Override
    public Response send(Request request) throws IOException {
        try (okhttp3.Response response = client.newCall(request).execute()) { // not Transport.Response
            ResponseBody body = response.body();
            String retryAfter = response.header("retry-after-ms") != null
                    ? "ms:" + response.header("retry-after-ms")
                    : response.header("Retry-After");
            return new Response(response.code(), retryAfter, body == null ? "" : body.string());
        }
    }
}
