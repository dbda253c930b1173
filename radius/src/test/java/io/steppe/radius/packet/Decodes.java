package io.steppe.radius.packet;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Assertions on what a decoder returned. */
final class Decodes {

    private Decodes() {
    }

    /** The decoded value; fails with the drop's reason and detail when there is none. */
    static <T> T value(Decoded<T> decoded) {
        if (decoded instanceof Decoded.Dropped<T> dropped) {
            throw new AssertionError("dropped as " + dropped.reason() + ": " + dropped.detail());
        }
        return ((Decoded.Ok<T>) decoded).value();
    }

    static DropReason reason(Decoded<?> decoded) {
        return assertInstanceOf(Decoded.Dropped.class, decoded, "decoded, where a drop was expected").reason();
    }

    /**
     * The reason for a malformed or mangled packet, which must be found by the decoder's checks: a drop whose detail
     * names an exception means one escaped them.
     */
    static DropReason reasonWithoutException(Decoded<?> decoded) {
        Decoded.Dropped<?> dropped = assertInstanceOf(Decoded.Dropped.class, decoded);
        if (dropped.detail() != null && dropped.detail().contains("Exception")) {
            throw new AssertionError("an exception reached the decoder's safety net: " + dropped.detail());
        }
        return dropped.reason();
    }
}
