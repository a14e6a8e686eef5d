package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON shape an answer must have. {@code name} says what the answer records, e.g.
 * {@code label}: the Chat Completions APIs get it as the schema's name ({@code label_answer}),
 * Anthropic as the tool it must call ({@code record_label}), which is how label requests were
 * always named, so their bodies and cache keys stay as they were. {@code description} tells the
 * model what the tool records (only Anthropic's tools carry one). {@code schema} is a JSON Schema
 * in the subset every provider's structured output accepts: objects with {@code properties},
 * {@code required} and {@code additionalProperties: false}, arrays with {@code items}, strings,
 * numbers, booleans and {@code enum}.
 */
public record ResponseSchema(String name, String description, JsonNode schema) {
    /** Both OpenAI's schema names and Anthropic's tool names allow these, up to 64 characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    /** A few tokens: a choice, a number or a flag; free text may use the whole token limit. */
    private static final int SHORT_ANSWER_TOKENS = 8;

    public ResponseSchema {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a response schema's name is letters, digits, _ and -: " + name);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("the response schema '" + name + "' needs a description");
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("the response schema '" + name + "' must be a JSON object");
        }
        schema = schema.deepCopy();
    }

    /** The schema as a node the caller may change without changing this one. */
    @Override
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /** The name of the schema in {@code response_format.json_schema} (OpenAI, vLLM). */
    String schemaName() {
        return name + "_answer";
    }

    /** The name of the tool Anthropic is made to call with the answer as its input. */
    String toolName() {
        return "record_" + name;
    }

    /**
     * The smallest answer the schema allows, for a dry run to carry on with: an enum's first
     * value, "" for a string, 0 for a number, false, [] (or as few items as {@code minItems}
     * asks), and an object with its required properties only. Parts it cannot tell are null.
     */
    public JsonNode placeholder() {
        return placeholder(schema);
    }

    /** Whether an answer may hold free text (a string with no fixed choices), so may use the token limit. */
    boolean hasFreeText() {
        return hasFreeText(schema);
    }

    /** About how many tokens an answer takes, for a dry run's estimate. */
    int answerTokens(int maxTokens) {
        return hasFreeText() ? maxTokens : Math.min(SHORT_ANSWER_TOKENS, maxTokens);
    }

    private static JsonNode placeholder(JsonNode schema) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).deepCopy();
        }
        for (String alternatives : new String[] {"anyOf", "oneOf"}) {
            if (schema.path(alternatives).isArray() && !schema.get(alternatives).isEmpty()) {
                return placeholder(schema.get(alternatives).get(0));
            }
        }
        JsonNode type = schema.path("type");
        return switch (type.isArray() ? type.path(0).asText("") : type.asText("")) {
            case "string" -> nodes.textNode("");
            case "number", "integer" -> nodes.numberNode(0);
            case "boolean" -> nodes.booleanNode(false);
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    array.add(placeholder(schema.path("items")));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                Set<String> required = new LinkedHashSet<>();
                schema.path("required").forEach(each -> required.add(each.asText()));
                // in the order of "properties", which is the order structured output writes them in
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (required.remove(property.getKey())) {
                        object.set(property.getKey(), placeholder(property.getValue()));
                    }
                }
                required.forEach(object::putNull);
                yield object;
            }
            default -> nodes.nullNode();
        };
    }

    private static boolean hasFreeText(JsonNode schema) {
        if (schema.isObject() && "string".equals(schema.path("type").asText()) && !schema.has("enum")
                && !schema.has("const")) {
            return true;
        }
        for (JsonNode child : schema) {
            if (child.isContainerNode() && hasFreeText(child)) {
                return true;
            }
        }
        return false;
    }
}
