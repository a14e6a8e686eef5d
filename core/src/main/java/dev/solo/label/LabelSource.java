package dev.solo.label;

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

    /** The source written as {@code name} in the state and the exports. */
    public static LabelSource named(String name) {
        for (LabelSource source : values()) {
            if (source.exportName.equals(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown label source " + name);
    }
}
