package io.steppe.controller.ap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApCsvImportTest {

    static final String CSV = """
            name,id,mac,site,lat,lon,model,firmware,install_date
            Jining square north,jn-01,AA-BB-CC-00-00-01,jining-centre,41.0336,113.133,EAP225,7.4.2,2025-06-01
            "Station hall, east",jn-02,aabb.cc00.0002,jining-centre,,,,,
            bad mac,jn-03,not-a-mac,,,,,,
            half a place,jn-04,aa:bb:cc:00:00:04,,41.0,,,,
            wrong date,jn-05,aa:bb:cc:00:00:05,,,,,,2025-13-01
            """;

    @TempDir
    Path home;

    @Test
    void goodRowsAreKeptAndBadOnesReportedWithTheirLineNumbers() {
        ApCsvImport.Parsed parsed = ApCsvImport.parse(new StringReader(CSV));
        assertEquals(2, parsed.rows().size());
        assertEquals("Station hall, east", parsed.rows().get(1).ap().name());
        assertEquals(LocalDate.of(2025, 6, 1), parsed.rows().get(0).ap().hardware().installDate().orElseThrow());
        assertEquals(java.util.List.of("line 4: 'not-a-mac' is not a MAC address", "line 5: lat and lon go together",
                "line 6: install_date '2025-13-01' is not a date (YYYY-MM-DD)"),
                parsed.problems().stream().map(ApCsvImport.Problem::toString).toList());
    }

    @Test
    void aHeaderWithoutARequiredOrWithAnUnknownColumnIsRefusedWhole() {
        assertEquals("the header has no 'mac' column",
                assertThrows(IllegalArgumentException.class, () -> ApCsvImport.parse(new StringReader("id,name\nx,y\n"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApCsvImport.parse(new StringReader("id,mac,name,colour\n")))
                .getMessage().startsWith("unknown column 'colour'"));
    }

    @Test
    void aLaterImportUpdatesInsteadOfDuplicatingAndKeepsTheToken() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            ApRepository aps = new ApRepository(db.dsl(), new SecureRandom(), java.time.Clock.systemUTC());
            ApCsvImport.Outcome first = ApCsvImport.apply(aps, ApCsvImport.parse(new StringReader(CSV)), "test");
            assertEquals(2, first.tokens().size());
            assertEquals(3, first.problems().size());
            String renamed = CSV.replace("Jining square north", "Jining square north gate").replace(",jn-02,", ",jn-02b,")
                    .replace("aabb.cc00.0002", "aabb.cc00.0012");
            ApCsvImport.Outcome second = ApCsvImport.apply(aps, ApCsvImport.parse(new StringReader(renamed)), "test");
            assertEquals(1, second.updated());
            assertEquals(java.util.Set.of("jn-02b"), second.tokens().keySet());
            assertEquals(3, aps.list().size());
            assertEquals("Jining square north gate", aps.find("jn-01").orElseThrow().name());
            assertEquals("jn-01", aps.ownerOfToken(first.tokens().get("jn-01")).orElseThrow(), "the token still works");
            String clash = "id,mac,name\njn-09,aa:bb:cc:00:00:01,taken mac\njn-10,aa:bb:cc:00:00:10,fine\n";
            ApCsvImport.Outcome third = ApCsvImport.apply(aps, ApCsvImport.parse(new StringReader(clash)), "test");
            assertEquals("line 2: MAC aa:bb:cc:00:00:01 is already registered to another AP", third.problems().get(0).toString());
            assertEquals(1, third.tokens().size());
        }
    }
}
