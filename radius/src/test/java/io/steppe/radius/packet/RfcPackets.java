package io.steppe.radius.packet;

import static io.steppe.radius.packet.Hex.bytes;

/** The example packets of RFC 2865 §7 and RFC 5997 §6, with their shared secret. */
public final class RfcPackets {

    public static final String SECRET = "xyzzy5461";

    public static final byte[] PAP_REQUEST = bytes("01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb 98 f4 22 7a 01 06 6e 65 6d 6f"
            + " 02 12 0d be 70 8d 93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8 01 10 05 06 00 00 00 03");
    public static final byte[] PAP_ACCEPT = bytes("02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf 9b 55 e0 b2 06 06 00 00 00 01"
            + " 0f 06 00 00 00 00 0e 06 c0 a8 01 03");
    public static final byte[] CHAP_REQUEST = bytes("01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e 0d 33 67 a2 01 08 66 6c 6f 70"
            + " 73 79 03 13 16 e9 75 57 c3 16 18 58 95 f2 93 ff 63 44 07 72 75 04 06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00 02"
            + " 07 06 00 00 00 01");
    public static final byte[] CHAP_ACCEPT = bytes("02 01 00 38 15 ef bc 7d ab 26 cf a3 dc 34 d9 c0 3c 86 01 a4 06 06 00 00 00 02"
            + " 07 06 00 00 00 01 08 06 ff ff ff fe 0a 06 00 00 00 02 0d 06 00 00 00 01 0c 06 00 00 05 dc");
    public static final byte[] STATUS_AUTH = bytes("0c da 00 26 8a 54 f4 68 6f b3 94 c5 28 66 e3 02 18 5d 06 23 50 12 5a 66 5e 2e"
            + " 1e 84 11 f3 e2 43 82 20 97 c8 4f a3");
    public static final byte[] STATUS_ACCT = bytes("0c b3 00 26 92 5f 6b 66 dd 5f ed 57 1f cb 1d b7 ad 38 82 60 50 12 e8 d6 ea bd"
            + " a9 10 87 5c d9 1f da de 26 36 78 58");
    public static final byte[] STATUS_ACCT_REPLY = bytes("05 b3 00 14 0f 6f 92 14 5f 10 7e 2f 50 4e 86 0a 48 60 66 9c");
    public static final byte[] STATUS_AUTH_REPLY_WITHOUT_MA = bytes("02 da 00 14 ef 0d 55 2a 4b f2 d6 93 ec 2b 6f e8 b5 41 1d 66");

    private RfcPackets() {
    }
}
