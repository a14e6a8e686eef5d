package dev.solo.embed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Item ids numbered 0, 1, 2… in the order they were added, kept compactly: their UTF-8 bytes in
 * one array and an open-addressing table of numbers, so a million ids take about 25 MB instead of
 * a String each plus a boxed map entry (about 120 MB, bench/SCALE.md).
 */
final class ItemIdIndex {
    private static final int EMPTY = -1;

    private byte[] bytes;
    private int[] ends;
    private int size;
    /** Slots holding an id's number, {@link #EMPTY} when free; at most half full. */
    private int[] slots;

    ItemIdIndex(int expected) {
        int capacity = Math.max(expected, 1);
        this.bytes = new byte[capacity * 16];
        this.ends = new int[capacity];
        this.slots = emptySlots(tableSizeFor(capacity));
    }

    int size() {
        return size;
    }

    /** The id's number, or -1 when it was never added. */
    int numberOf(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        int mask = slots.length - 1;
        for (int slot = hash(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
            int number = slots[slot];
            if (number == EMPTY) {
                return -1;
            }
            if (Arrays.equals(bytes, start(number), ends[number], key, 0, key.length)) {
                return number;
            }
        }
    }

    /** Adds the id and returns its number; an id added before keeps its number. */
    int add(String id) {
        int known = numberOf(id);
        if (known >= 0) {
            return known;
        }
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        int start = size == 0 ? 0 : ends[size - 1];
        if (start + key.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + key.length));
        }
        System.arraycopy(key, 0, bytes, start, key.length);
        ends[size] = start + key.length;
        int number = size++;
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(number);
        }
        return number;
    }

    String id(int number) {
        if (number < 0 || number >= size) {
            throw new IndexOutOfBoundsException("no id numbered " + number + " of " + size);
        }
        int start = start(number);
        return new String(bytes, start, ends[number] - start, StandardCharsets.UTF_8);
    }

    private int start(int number) {
        return number == 0 ? 0 : ends[number - 1];
    }

    private void place(int number) {
        int mask = slots.length - 1;
        int slot = hash(bytes, start(number), ends[number]) & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = number;
    }

    private void rehash(int tableSize) {
        slots = emptySlots(tableSize);
        for (int number = 0; number < size; number++) {
            place(number);
        }
    }

    private static int[] emptySlots(int tableSize) {
        int[] table = new int[tableSize];
        Arrays.fill(table, EMPTY);
        return table;
    }

    private static int tableSizeFor(int expected) {
        return Integer.highestOneBit(Math.max(2, expected) * 2 - 1) * 2;
    }

    /** FNV-1a over the bytes, then a finalizer so that the low bits used as a slot are well mixed. */
    private static int hash(byte[] data, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ data[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
