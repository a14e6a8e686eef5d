package dev.solo.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/**
 * Finds the line where a key or a list entry stands in a YAML text. Jackson reports some binding
 * problems at the end of the enclosing section; the key's own line is what the person needs.
 */
final class YamlKeyLocator {
    private YamlKeyLocator() {
    }

    /** The pointer to {@code path}, then to {@code key} below it ({@code "labels/2"}: a list entry). */
    static JsonPointer pointer(List<JsonMappingException.Reference> path, String key) {
        JsonPointer wanted = JsonPointer.empty();
        for (JsonMappingException.Reference reference : path) {
            wanted = reference.getFieldName() != null
                    ? wanted.appendProperty(reference.getFieldName())
                    : wanted.appendIndex(reference.getIndex());
        }
        return key == null ? wanted : wanted.append(JsonPointer.compile("/" + key));
    }

    /** The line of the key or entry at {@code wanted}, or 0 when it cannot be found. */
    static int lineOf(String yaml, JsonPointer wanted) {
        if (wanted.matches()) {
            return 0;
        }
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (parser.getParsingContext().pathAsPointer().equals(wanted)) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
