package io.steppe.coverage.importer;

/**
 * The row fingerprints one source already holds, and those of the import under way: an open-addressing set of
 * {@code long}s, 8 to 16 bytes a row (a {@code HashSet<Long>} takes about 50), since a ten-million-row log puts
 * every one of its fingerprints here.
 */
final class FingerprintSet {

    /** Marks an empty slot; a fingerprint equal to it is kept apart in {@link #hasZero}. */
    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds {@code fingerprint}; false when it was there already. */
    boolean add(long fingerprint) {
        if (fingerprint == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        int i = spread(fingerprint) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = fingerprint;
        if (++size * 4L > slots.length * 3L) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long f : old) {
            if (f != EMPTY) {
                int i = spread(f) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = f;
            }
        }
    }

    /** Fingerprints are hashes already; folding the high half in keeps the low bits as good as the high ones. */
    private static int spread(long f) {
        return (int) (f ^ (f >>> 32));
    }
}
