package dev.solo.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The stored and printed JSON form of a {@link ConfusionReport} (snake_case keys). */
public final class ConfusionReportJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConfusionReportJson() {
    }

    public static String write(ConfusionReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the confusion report as JSON", e);
        }
    }

    public static ConfusionReport read(String json) {
        try {
            return JSON.readValue(json, ConfusionReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored confusion report is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
