package dev.solo.dataset;

import java.util.Collection;
import java.util.Map;

/** Reads items' texts by id. */
public interface ItemTexts {

    /** The texts of these items, in the order given; throws IllegalArgumentException for an unknown id. */
    Map<String, String> texts(Collection<String> itemIds);
}
