package io.steppe.radius.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.net.MacAddress;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PortalCredentialTest {

    @Test
    void itsPasswordIsNeverShown() {
        PortalCredential credential = new PortalCredential("p-abcdefghij", "s3cret-derived", 10, MacAddress.parse("aa:bb:cc:00:00:01"),
                OffsetDateTime.parse("2026-11-26T02:02:00Z"), false);
        String shown = credential.toString() + new AccessSnapshot.Login.Portal(credential);
        assertFalse(shown.contains("s3cret-derived"), shown);
        assertTrue(shown.contains("p-abcdefghij"), shown);
    }
}
