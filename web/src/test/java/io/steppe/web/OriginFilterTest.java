package io.steppe.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginFilterTest {

    @Test
    void anOriginIsOursOnlyWithTheSameHostAndPort() {
        assertTrue(OriginFilter.sameHost("http://10.20.0.5:8081", "10.20.0.5:8081"));
        assertTrue(OriginFilter.sameHost("https://console.example", "console.example"));
        assertTrue(OriginFilter.sameHost("http://console.example/console/aps?x=1", "Console.Example:80"));
        assertTrue(OriginFilter.sameHost("http://[::1]:8081", "[::1]:8081"));
        assertFalse(OriginFilter.sameHost("http://evil.example", "10.20.0.5:8081"));
        assertFalse(OriginFilter.sameHost("http://10.20.0.5:8080", "10.20.0.5:8081"));
        assertFalse(OriginFilter.sameHost("null", "10.20.0.5:8081"));
        assertFalse(OriginFilter.sameHost("http://10.20.0.5:8081.evil.example", "10.20.0.5:8081"));
    }
}
