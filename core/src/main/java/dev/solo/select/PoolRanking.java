package dev.solo.select;

/** One pool's candidates, handed out in the order the pool prefers them. */
interface PoolRanking {

    /** A pool with nothing to offer, e.g. novelty without embeddings. */
    PoolRanking EMPTY = batch -> null;

    /** The pool's best candidate the batch still accepts, or {@code null} when it has none left. */
    Pick next(BatchDraft batch);

    /** A candidate (an index into the scored sample) and why the pool wants it. */
    record Pick(int candidate, String detail) {
    }
}
