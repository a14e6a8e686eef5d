package dev.solo.labeler.llm;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;

/**
 * The real transport: OkHttp with connect, read and whole-call timeouts; no logging of any
 * header. Every transport is a variant of one shared client, as OkHttp asks: they keep its
 * connection pool and thread pool, and differ only in timeouts and concurrency.
 */
public final class OkHttpTransport implements Transport {
    private static final Duration LONGEST_CONNECT = Duration.ofSeconds(10);

    private final OkHttpClient client;

    /** A transport on {@code shared} (see {@link #sharedClient}) with this labeler's timeout and concurrency. */
    public OkHttpTransport(OkHttpClient shared, Duration timeout, int maxConcurrency) {
        // Sized to max_concurrency for calls sent asynchronously; it runs them on the shared threads.
        Dispatcher dispatcher = new Dispatcher(shared.dispatcher().executorService());
        dispatcher.setMaxRequests(maxConcurrency);
        dispatcher.setMaxRequestsPerHost(maxConcurrency);
        this.client = shared.newBuilder()
                .dispatcher(dispatcher)
                .connectTimeout(timeout.compareTo(LONGEST_CONNECT) < 0 ? timeout : LONGEST_CONNECT)
                .readTimeout(timeout)
                .callTimeout(timeout.plusSeconds(10))
                .build();
    }

    /** The one client the process's transports share. */
    public static OkHttpClient sharedClient() {
        return Shared.CLIENT;
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

    /** Built on first use only, so that a run with the local labeler starts no OkHttp threads. */
    private static final class Shared {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                // A pooled connection the server has closed (HTTP/1.0 servers, idle timeouts) is
                // replaced silently; every other failure goes through LlmClient's retries.
                .retryOnConnectionFailure(true)
                .build();
    }
}
