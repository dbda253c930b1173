package io.steppe.ops.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void operatorsSeeTheVendorPrefixOnly() {
        assertEquals("3c:a6:f6:**:**:**", Redaction.mac("3C-A6-F6-12-34-56"));
        assertEquals("**", Redaction.mac("not a mac"));
    }

    @Test
    void userNamesThatIdentifyOrLogSomeoneInAreMasked() {
        assertEquals("3c:a6:f6:**:**:**", Redaction.username("3c:a6:f6:12:34:56"));
        assertEquals("QF******", Redaction.username("QFX4KTNWA7"));
        assertEquals("p-8g3kq02mzx", Redaction.username("p-8g3kq02mzx"));
    }
}
