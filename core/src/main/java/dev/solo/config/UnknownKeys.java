package dev.solo.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the first key the config sections do not know, before binding. Jackson builds a record
 * before it reports the unknown keys inside it, so a misspelled required key ({@code task_nmae})
 * would otherwise surface as "missing required key" with no line, and a misspelled {@code labels}
 * as "no labels".
 */
final class UnknownKeys {
    /** An unknown key: where it stands and the keys its section knows. */
    record Found(JsonPointer at, String key, List<Object> known) {
    }

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private UnknownKeys() {
    }

    static Optional<Found> in(JsonNode config) {
        return in(config, TaskConfig.class, JsonPointer.empty());
    }

    private static Optional<Found> in(JsonNode node, Type type, JsonPointer at) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class && node.isArray()) {
            Type element = generic.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                Optional<Found> found = in(node.get(i), element, at.appendIndex(i));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!(type instanceof Class<?> section) || !section.isRecord() || !node.isObject()) {
            return Optional.empty();
        }
        Map<String, Type> known = new LinkedHashMap<>();
        for (RecordComponent component : section.getRecordComponents()) {
            known.put(SNAKE_CASE.translate(component.getName()), component.getGenericType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Type fieldType = known.get(field.getKey());
            if (fieldType == null) {
                return Optional.of(new Found(at.appendProperty(field.getKey()), field.getKey(),
                        Arrays.asList(known.keySet().toArray())));
            }
            Optional<Found> found = in(field.getValue(), fieldType, at.appendProperty(field.getKey()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
