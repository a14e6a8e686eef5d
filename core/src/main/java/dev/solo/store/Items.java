package dev.solo.store;

import dev.solo.dataset.Item;
import dev.solo.dataset.ItemImports;
import dev.solo.dataset.ItemTexts;
import dev.solo.dataset.SelectableItem;
import java.util.List;
import java.util.Map;

/** The dataset's items, as imported. */
public interface Items extends ItemImports, ItemTexts {

    long count();

    /** The item with that id; throws IllegalArgumentException if there is none. */
    Item item(String id);

    /** Every item's text by id, in import order, read in one pass. */
    Map<String, String> allTexts();

    /** Every item's id, text length and value of the given field (null field: no stratum), in import order. */
    List<SelectableItem> selectable(String stratifyField);
}
