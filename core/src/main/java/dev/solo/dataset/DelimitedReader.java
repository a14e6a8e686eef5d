package dev.solo.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.solo.InputFile;
import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** CSV or TSV with a header row; quoted fields may span lines. Every value is read as text. */
final class DelimitedReader implements DataFileReader {
    private final char separator;

    DelimitedReader(char separator) {
        this.separator = separator;
    }

    @Override
    public void read(Path file, ItemProperties properties, Consumer<SourcedItem> consumer) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        InputFile input = new InputFile(file, "data file");
        try (Reader reader = input.open();
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(reader)) {
            while (true) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    line = rows.getCurrentLocation().getLineNr();
                    row = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    IOException reading = InputFile.readingCause(e);
                    if (reading != null) {
                        throw input.problem(reading);
                    }
                    throw new SoloInputException(file, (int) Math.max(1, line), "malformed row: " + firstLine(e.getMessage()),
                            "check the quoting and the number of columns");
                }
                ObjectNode record = JsonNodeFactory.instance.objectNode();
                row.forEach((key, value) -> record.set(key, textNode(value)));
                consumer.accept(new SourcedItem(RecordFields.toItem(file, line, record, properties), file, line));
            }
        } catch (IOException e) {
            throw input.problem(e);
        }
    }

    private static JsonNode textNode(String value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
