package dev.solo.dataset;

import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the data files into the store. Files unchanged since the last import are not read
 * again; in a changed file only new ids are added. A known id whose text changed is reported and
 * keeps its stored text (labels already given refer to it). Items with blank text are skipped and
 * reported: there is nothing to label. An item a person labeled whose record is gone from its
 * data file is reported and kept, label and all. Any bad record aborts the whole import, storing
 * nothing.
 */
public final class DatasetImporter {
    private static final int PLACES_KEPT = 5;

    private final ItemImports items;

    public DatasetImporter(ItemImports items) {
        this.items = items;
    }

    public ImportReport importFiles(List<Path> files, ItemProperties properties) {
        Tally tally = new Tally();
        List<String> unchanged = new ArrayList<>();
        boolean anyRead = false;
        try (ImportSession itemImport = items.beginImport()) {
            for (Path file : files) {
                long size = size(file);
                long modified = modified(file);
                String key = file.toAbsolutePath().normalize().toString();
                if (itemImport.fileUnchanged(key, size, modified)) {
                    tally.unchangedFiles++;
                    unchanged.add(key);
                    continue;
                }
                DataFileReader.forFile(file).read(file, properties, sourced -> tally.count(sourced, itemImport));
                itemImport.recordFile(key, size, modified);
                anyRead = true;
            }
            if (anyRead) {
                tally.missingLabeled = itemImport.labeledButMissing(unchanged, PLACES_KEPT);
            }
            itemImport.commit();
        }
        return tally.report();
    }

    private static final class Tally {
        long added;
        long alreadyStored;
        int unchangedFiles;
        long changedTextCount;
        final List<String> changedTexts = new ArrayList<>();
        long emptyTextCount;
        final List<String> emptyTexts = new ArrayList<>();
        ImportSession.MissingItems missingLabeled = new ImportSession.MissingItems(0, List.of());

        void count(SourcedItem sourced, ImportSession itemImport) {
            if (sourced.item().text().isBlank()) {
                emptyTextCount++;
                keep(emptyTexts, sourced);
                return;
            }
            ImportOutcome outcome = itemImport.offer(sourced);
            switch (outcome.kind()) {
                case ADDED -> added++;
                case ALREADY_STORED -> alreadyStored++;
                case TEXT_CHANGED -> {
                    changedTextCount++;
                    keep(changedTexts, sourced);
                }
                case DUPLICATE -> throw new SoloInputException(sourced.file(), (int) sourced.line(),
                        "duplicate id '" + sourced.item().id() + "' (first at " + outcome.firstFile() + ":"
                                + outcome.firstLine() + ")", "give every record its own id");
            }
        }

        private static void keep(List<String> places, SourcedItem sourced) {
            if (places.size() < PLACES_KEPT) {
                places.add(sourced.file().getFileName() + ":" + sourced.line());
            }
        }

        ImportReport report() {
            return new ImportReport(added, alreadyStored, unchangedFiles, changedTextCount, changedTexts,
                    emptyTextCount, emptyTexts, missingLabeled);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SoloInputException(file, "data file not found", "check data_files in the config");
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new SoloInputException(file, "data file not found", "check data_files in the config");
        }
    }
}
