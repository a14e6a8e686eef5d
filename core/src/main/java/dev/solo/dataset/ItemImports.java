package dev.solo.dataset;

/** Where imported items are kept. */
public interface ItemImports {

    /** Starts an import; nothing of it is visible to readers until it commits. */
    ImportSession beginImport();
}
