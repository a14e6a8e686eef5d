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
import dev.solo.InputFile;
import dev.solo.SoloInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
        String text = new InputFile(file, "config").readAll();
        JsonNode tree = tree(file, text);
        UnknownKeys.in(tree).ifPresent(unknown -> {
            String nearest = nearest(unknown.key(), unknown.known());
            throw new SoloInputException(file, YamlKeyLocator.lineOf(text, unknown.at()),
                    "unknown key '" + unknown.key() + "'", nearest == null ? "remove it" : "did you mean '" + nearest + "'?");
        });
        EnvironmentExpander expander = new EnvironmentExpander(environment);
        TaskConfig task;
        try {
            task = mapper(expander).readValue(text, TaskConfig.class);
        } catch (JsonParseException e) {
            throw syntax(file, e);
        } catch (JsonMappingException e) {
            throw describe(file, text, e);
        } catch (IOException e) {
            throw new SoloInputException(file, "cannot read the config", "check the file");
        }
        if (task.annotationSchemes().size() > 1) {
            throw new SoloInputException(file, "solo mode labels one annotation scheme; this config has "
                    + task.annotationSchemes().size(), "keep one scheme per task");
        }
        SeedLabelsRule.check(task).ifPresent(broken -> {
            throw new SoloInputException(file, YamlKeyLocator.lineOf(text, broken.at()), broken.problem(), broken.hint());
        });
        return new SoloConfig(file, absolute, task, expander.unsetVariableLines(), apiKeyVariable(tree));
    }

    /** The config as a tree of keys, refusing an empty file, a list or a single value. */
    private static JsonNode tree(Path file, String text) {
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(text);
        } catch (JsonParseException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new SoloInputException(file, "cannot read the config", "check the file");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new SoloInputException(file, "the config is empty", "start from examples/reviews/config.yaml");
        }
        if (!tree.isObject()) {
            throw new SoloInputException(file, 1, "the config must be a mapping of keys (task_name: ..., data_files: ...), "
                    + "not " + (tree.isArray() ? "a list" : "a single value"), "start from examples/reviews/config.yaml");
        }
        return tree;
    }

    /** The variable {@code solo_mode.llm.api_key} is read from ({@code ${NAME}}), if it names one. */
    private static String apiKeyVariable(JsonNode tree) {
        JsonNode raw = tree.at("/solo_mode/llm/api_key");
        if (raw.isTextual()) {
            Matcher variable = EnvironmentExpander.variables(raw.asText());
            return variable.find() ? variable.group(1) : null;
        }
        return null;
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

    /**
     * A YAML syntax error. An unclosed quote or bracket is found where the file ends or the next
     * key starts; snakeyaml also keeps where it opened, which is the line to fix.
     */
    private static SoloInputException syntax(Path file, JsonParseException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getContextMark() != null
                && marked.getContext() != null) {
            String problem = marked.getProblem() == null ? "" : ": " + marked.getProblem();
            return new SoloInputException(file, marked.getContextMark().getLine() + 1,
                    "not valid YAML, " + marked.getContext() + " that starts here" + problem,
                    "close the quote or bracket on that line, or check its indentation");
        }
        return new SoloInputException(file, line(e), "not valid YAML: " + firstLine(e.getOriginalMessage()),
                "fix the indentation or quoting on that line");
    }

    private static SoloInputException describe(Path file, String text, JsonMappingException e) {
        if (e.getCause() instanceof JsonParseException syntax) {
            return syntax(file, syntax);
        }
        String ruleKey = e.getCause() instanceof ConfigRuleException rule ? rule.key() : null;
        int keyLine = YamlKeyLocator.lineOf(text, YamlKeyLocator.pointer(e.getPath(), ruleKey));
        if (keyLine == 0) {
            keyLine = YamlKeyLocator.lineOf(text, YamlKeyLocator.pointer(e.getPath(), null));
        }
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
