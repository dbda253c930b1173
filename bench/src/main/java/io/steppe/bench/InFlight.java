package io.steppe.bench;

/**
 * The outstanding requests, one slot per (source port, identifier): {@code channels × 256} slots of which at most
 * {@code window} are in use. Free slots are handed out oldest first, so an identifier is reused as late as
 * possible and a server's duplicate cache has long forgotten it. Not thread-safe: owned by one event loop.
 */
final class InFlight {

    private final int window;
    private final boolean[] busy;
    private final boolean[] measured;
    private final long[] sentAt;
    private final byte[] authenticators;
    private final int[] free;
    private int head;
    private int freeCount;
    private int outstanding;

    InFlight(int channels, int window) {
        int slots = channels * 256;
        if (window > slots) {
            throw new IllegalArgumentException("a window of " + window + " needs more than " + channels + " source ports");
        }
        this.window = window;
        this.busy = new boolean[slots];
        this.measured = new boolean[slots];
        this.sentAt = new long[slots];
        this.authenticators = new byte[slots * 16];
        this.free = new int[slots];
        // Spread consecutive requests over the ports: slot order 0/0, 1/0, 2/0, ..., 0/1, 1/1, ...
        for (int i = 0; i < slots; i++) {
            free[i] = (i % channels) << 8 | (i / channels);
        }
        this.freeCount = slots;
    }

    /** A free slot, or -1 when the window is full. */
    int acquire() {
        if (outstanding == window || freeCount == 0) {
            return -1;
        }
        int slot = free[head];
        head = (head + 1) % free.length;
        freeCount--;
        outstanding++;
        busy[slot] = true;
        return slot;
    }

    /** Marks {@code slot}, just acquired, as sent now with {@code packet}'s Request Authenticator. */
    void sent(int slot, long now, byte[] packet, boolean measuredRequest) {
        sentAt[slot] = now;
        measured[slot] = measuredRequest;
        System.arraycopy(packet, 4, authenticators, slot * 16, 16);
    }

    void release(int slot) {
        busy[slot] = false;
        free[(head + freeCount) % free.length] = slot;
        freeCount++;
        outstanding--;
    }

    static int slot(int channel, int identifier) {
        return channel << 8 | identifier;
    }

    static int channel(int slot) {
        return slot >>> 8;
    }

    static int identifier(int slot) {
        return slot & 0xff;
    }

    int slots() {
        return busy.length;
    }

    int outstanding() {
        return outstanding;
    }

    boolean busy(int slot) {
        return busy[slot];
    }

    boolean measured(int slot) {
        return measured[slot];
    }

    long sentAt(int slot) {
        return sentAt[slot];
    }

    /** All Request Authenticators, slot {@code s}'s at {@code s × 16}. */
    byte[] authenticators() {
        return authenticators;
    }
}
