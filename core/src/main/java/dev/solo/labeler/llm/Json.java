package dev.solo.labeler.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON helpers the providers share: one mapper, the messages, tolerant reading. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedReplyException("the response is not JSON: " + e.getOriginalMessage());
        }
    }

    static ArrayNode messages(ChatRequest chat) {
        ArrayNode messages = MAPPER.createArrayNode();
        messages.addObject().put("role", "system").put("content", chat.system());
        messages.addObject().put("role", "user").put("content", chat.user());
        return messages;
    }

    /** The node at a path, failing as malformed when it is missing. */
    static JsonNode required(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new MalformedReplyException("the response has no " + pointer);
        }
        return node;
    }
}
