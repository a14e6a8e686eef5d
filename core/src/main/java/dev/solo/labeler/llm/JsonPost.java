package dev.solo.labeler.llm;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The POST of a JSON body to a path under the provider's base URL, as every provider sends it. */
final class JsonPost {
    private static final MediaType JSON = MediaType.get("application/json");

    private JsonPost() {
    }

    static Request.Builder to(HttpUrl baseUrl, String path, String body) {
        return new Request.Builder()
                .url(baseUrl.newBuilder().addPathSegments(path).build())
                .post(RequestBody.create(body, JSON));
    }

    /** Adds {@code Authorization: Bearer <key>} when there is a key (vLLM and Ollama often run without). */
    static Request.Builder withBearer(Request.Builder request, String apiKey) {
        return apiKey == null || apiKey.isBlank() ? request : request.header("Authorization", "Bearer " + apiKey);
    }
}
