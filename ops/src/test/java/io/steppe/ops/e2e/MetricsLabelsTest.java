package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scanner sending made-up HTTP methods and paths to both listeners must not grow {@code /metrics}. */
class MetricsLabelsTest {

    final Http http = new Http();

    @Test
    void madeUpMethodsAndPathsDoNotGrowTheMetrics(@TempDir Path home) {
        try (InProcessSteppe steppe = InProcessSteppe.start(home, Map.of())) {
            scan(steppe, 0, 20); // every listener, route and status this scan reaches is now a series
            int before = http.get(steppe.api, "/metrics").body().length();
            scan(steppe, 20, 300);
            String after = http.get(steppe.api, "/metrics").body();
            assertFalse(after.contains("XMETHOD"), "a made-up method is a label value");
            assertFalse(after.contains("/scan-"), "a raw path is a label value");
            assertTrue(after.contains("method=\"OTHER\""), "made-up methods are counted as OTHER");
            // series counts are what grow; the numbers in them change length a little, 2 KB is far below one series a request
            assertTrue(after.length() - before < 2048, "grew from " + before + " to " + after.length() + " bytes");
        }
    }

    private void scan(InProcessSteppe steppe, int from, int to) {
        for (int i = from; i < to; i++) {
            for (int port : new int[] {steppe.portal, steppe.api}) {
                http.request(port, "XMETHOD" + i, "/scan-" + i, "");
                http.request(port, "XMETHOD" + i, "/", "");
            }
        }
    }
}
