package dev.solo.store;

import dev.solo.dataset.Item;
import dev.solo.dataset.ItemImports;
import dev.solo.dataset.ItemTexts;
import dev.solo.dataset.SelectableItem;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The dataset's items, as imported, and the synthetic items phase 9 adds beside them. */
public interface Items extends ItemImports, ItemTexts {

    /** The dataset's items: those imported from data files, not the synthetic ones. */
    long count();

    /** Items a remote model wrote as edge cases (phase 9); they are not part of the dataset. */
    long syntheticCount();

    /** The synthetic items' ids. */
    Set<String> syntheticIds();

    /**
     * Stores generated texts as synthetic items with ids {@code idPrefix} followed by a number,
     * in one transaction; returns their ids in the order of {@code texts}. A text already stored
     * under the prefix keeps its id.
     */
    List<String> addSynthetic(String idPrefix, List<String> texts);

    /** The item with that id; throws IllegalArgumentException if there is none. */
    Item item(String id);

    /** Streams every item's id and text, in import order, holding none of them. The dataset's items only. */
    void forEachText(BiConsumer<String, String> idAndText);

    /** The dataset's items' ids, text lengths and values of the given field (null field: no stratum), in import order. */
    List<SelectableItem> selectable(String stratifyField);
}
