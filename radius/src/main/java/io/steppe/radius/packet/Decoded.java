package io.steppe.radius.packet;

/**
 * What a decoder made of a packet: the value, or why the packet is dropped. Bad input from the network is an
 * expected outcome, not an exception, so a decoder returns it as one of these and never throws.
 *
 * @param <T> what the packet decodes to
 */
public sealed interface Decoded<T> {

    /** The packet decoded to {@code value}. */
    record Ok<T>(T value) implements Decoded<T> {
    }

    /**
     * The packet is dropped, for {@code reason}.
     *
     * @param detail what exactly was wrong, for a debug log line; never a secret or a password
     */
    record Dropped<T>(DropReason reason, String detail) implements Decoded<T> {
    }

    static <T> Decoded<T> dropped(DropReason reason, String detail) {
        return new Dropped<>(reason, detail);
    }
}
