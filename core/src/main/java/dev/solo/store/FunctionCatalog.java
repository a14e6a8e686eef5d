package dev.solo.store;

import dev.solo.lf.FunctionRecord;
import java.util.List;

/** The labeling functions of each round: the candidates proposed, then what they proved and who decided. */
public interface FunctionCatalog {

    /** Replaces the round's functions with these, in order. */
    void save(int round, List<FunctionRecord> functions);

    /** The round's functions in the order saved; empty if none were proposed. */
    List<FunctionRecord> of(int round);

    /** The functions switched on in the latest round that has any. */
    List<FunctionRecord> enabled();

    /** Every function of the latest round that has any, in order. */
    List<FunctionRecord> latest();
}
