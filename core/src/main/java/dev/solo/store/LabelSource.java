package dev.solo.store;

/** Who gave a label, as written in exports. */
public enum LabelSource {
    HUMAN("human"), LLM("llm"), LABELING_FUNCTION("labeling_function");

    private final String exportName;

    LabelSource(String exportName) {
        this.exportName = exportName;
    }

    public String exportName() {
        return exportName;
    }
}
