package io.steppe.radius.packet;

import java.util.HexFormat;

/** Hex dumps as RFCs print them, spaces allowed. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
