package dev.solo.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.solo.SoloInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads a Potato YAML task configuration. Every problem becomes a {@link SoloInputException}
 * naming the file and line: an unknown key (with the nearest valid one), a value of the wrong
 * type, a missing required key, a rule broken inside a section.
 */
public final class ConfigLoader {
    private final Function<String, String> environment;

    public ConfigLoader() {
        this(System::getenv);
    }

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public SoloConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        EnvironmentExpander expander = new EnvironmentExpander(environment);
        TaskConfig task;
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            task = mapper(expander).readValue(reader, TaskConfig.class);
        } catch (NoSuchFileException e) {
            throw new SoloInputException(file, "config file not found", "check the path");
        } catch (JsonParseException e) {
            throw new SoloInputException(file, line(e), "not valid YAML: " + firstLine(e.getOriginalMessage()),
                    "fix the indentation or quoting on that line");
        } catch (JsonMappingException e) {
            throw describe(file, absolute, e);
        } catch (IOException e) {
            throw new SoloInputException(file, "cannot read the config: " + e.getMessage(), "check the file's permissions");
        }
        if (task == null) {
            throw new SoloInputException(file, "the config is empty", "start from examples/reviews/config.yaml");
        }
        if (task.annotationSchemes().size() > 1) {
            throw new SoloInputException(file, "solo mode labels one annotation scheme; this config has "
                    + task.annotationSchemes().size(), "keep one scheme per task");
        }
        return new SoloConfig(file, absolute, task, expander.unsetVariableLines(), apiKeyVariable(absolute));
    }

    /** The variable {@code solo_mode.llm.api_key} is read from ({@code ${NAME}}), if it names one. */
    private static String apiKeyVariable(Path file) {
        try {
            JsonNode raw = new YAMLMapper().readTree(file.toFile()).at("/solo_mode/llm/api_key");
            if (raw.isTextual()) {
                Matcher variable = EnvironmentExpander.variables(raw.asText());
                return variable.find() ? variable.group(1) : null;
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static YAMLMapper mapper(EnvironmentExpander expander) {
        SimpleModule expansion = new SimpleModule("environment-expansion");
        expansion.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String raw = super.deserialize(parser, context);
                return raw == null ? null : expander.expand(raw, parser.currentLocation().getLineNr());
            }
        });
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(expansion)
                .build();
    }

    private static SoloInputException describe(Path file, Path absolute, JsonMappingException e) {
        if (e.getCause() instanceof JsonParseException syntax) {
            return new SoloInputException(file, line(syntax), "not valid YAML: " + firstLine(syntax.getOriginalMessage()),
                    "fix the indentation or quoting on that line");
        }
        int keyLine = YamlKeyLocator.lineOf(absolute, e.getPath());
        int line = keyLine > 0 ? keyLine : line(e);
        String key = keyPath(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            String nearest = nearest(unknown.getPropertyName(), unknown.getKnownPropertyIds());
            String hint = nearest == null ? "remove it" : "did you mean '" + nearest + "'?";
            return new SoloInputException(file, line, "unknown key '" + unknown.getPropertyName() + "'", hint);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigRuleException rule) {
            return new SoloInputException(file, rule.missingKey() ? 0 : line, rule.getMessage(), rule.hint());
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String choices = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase())
                    .collect(Collectors.joining(", "));
            return new SoloInputException(file, line, "'" + invalid.getValue() + "' is not a valid value for '" + key + "'",
                    "use one of: " + choices);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new SoloInputException(file, line, "'" + key + "' must be " + describeType(mismatch.getTargetType()),
                    "fix the value on that line");
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
            return new SoloInputException(file, line, "a key is given twice: " + firstLine(e.getOriginalMessage()),
                    "keep one");
        }
        return new SoloInputException(file, line, firstLine(e.getOriginalMessage()), "fix the value on that line");
    }

    private static String describeType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section of keys";
    }

    private static String keyPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String nearest(String unknown, Collection<Object> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return known.stream()
                .map(Object::toString)
                .min(Comparator.comparingInt((String candidate) -> distance.apply(unknown, candidate)))
                .filter(candidate -> distance.apply(unknown, candidate) <= Math.max(2, unknown.length() / 2))
                .orElse(null);
    }

    private static int line(com.fasterxml.jackson.core.JacksonException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
