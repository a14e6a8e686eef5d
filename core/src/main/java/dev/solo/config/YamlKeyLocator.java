package dev.solo.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the line where a key stands in a YAML file. Jackson reports some binding problems at the
 * end of the enclosing section; the key's own line is what the person needs.
 */
final class YamlKeyLocator {
    private YamlKeyLocator() {
    }

    /** The line of the key at {@code path}, or 0 when it cannot be found. */
    static int lineOf(Path file, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return 0;
        }
        JsonPointer wanted = JsonPointer.empty();
        for (JsonMappingException.Reference reference : path) {
            wanted = reference.getFieldName() != null
                    ? wanted.appendProperty(reference.getFieldName())
                    : wanted.appendIndex(reference.getIndex());
        }
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext().pathAsPointer().equals(wanted)) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
