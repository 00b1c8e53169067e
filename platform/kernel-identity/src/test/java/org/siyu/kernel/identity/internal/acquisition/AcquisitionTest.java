package org.siyu.kernel.identity.internal.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.kernel.identity.internal.FakeTagService;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.rest.AcquisitionResource;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;

/** Recording acquisition costs and the report against customers and owned customers (V2 migration). */
class AcquisitionTest {

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");

    private static TestPersistenceUnit unit;

    private final FakeTagService tags = new FakeTagService();
    private Acquisition acquisition;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.of(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        Fixtures.empty(unit);
        unit.deleteAll("identity_acquisition_cost");
        acquisition = new Acquisition(unit, Fixtures.channels(), tags, Clock.systemUTC());
    }

    /** A OneID whose clock says {@code at} (Beijing time 16:00 on that UTC day). */
    private static OneId at(String instant) {
        return Fixtures.oneId(unit, new RecordingBus(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), null);
    }

    @Test
    void shouldRefuseBadCostsNamingTheField() throws Exception {
        assertEquals("field 'channel' is required", refused(null, "c", NOV_1, 1));
        assertTrue(refused("weibo", "c", NOV_1, 1).startsWith("field 'channel': 'weibo' is not a registered channel; "
                + "registered: douyin, jd, mini, phone"), refused("weibo", "c", NOV_1, 1));
        assertEquals("field 'campaign' is longer than 200 characters", refused("wecom", "x".repeat(201), NOV_1, 1));
        assertEquals("field 'day' is required, e.g. 2026-11-01", refused("wecom", "c", null, 1));
        assertEquals("field 'costFen' must be a whole number of fen from 0 to 10000000000000; got -1",
                refused("wecom", "c", NOV_1, -1));
        assertEquals(0, count());
    }

    private String refused(String channel, String campaign, LocalDate day, long fen) {
        return assertThrows(IllegalArgumentException.class,
                () -> acquisition.record(channel, campaign, day, fen, "ops")).getMessage();
    }

    private long count() throws Exception {
        return unit.queryLong("select count(*) from identity_acquisition_cost");
    }

    @Test
    void shouldReplaceTheFigureOfTheSameChannelCampaignAndDay() throws Exception {
        assertFalse(acquisition.record("wecom", "double-11", NOV_1, 10_000, "ops"));
        assertTrue(acquisition.record(" wecom ", "double-11 ", NOV_1, 12_000, "ops"));
        assertFalse(acquisition.record("wecom", null, NOV_1, 500, "ops"));
        assertEquals(2, count());
        Acquisition.Report report = acquisition.report(NOV_1, NOV_1);
        assertEquals(List.of(new Acquisition.Row("wecom", null, 500, 0, 0L, null),
                new Acquisition.Row("wecom", "double-11", 12_000, 0, 0L, null)), report.rows());
    }

    @Test
    void shouldSetCostsAgainstCustomersAndOwnedCustomersOfThePeriod() {
        // Beijing days: 2026-10-31T16:30Z is already Nov 1 in Shanghai; 2026-11-30T16:30Z is Dec 1 there
        int early = at("2026-10-31T16:30:00Z").resolve(List.of("wecom:e"), Map.of("campaign", "double-11")).customerId();
        int[] inPeriod = new int[4];
        for (int i = 0; i < 4; i++) {
            inPeriod[i] = at("2026-11-1" + i + "T08:00:00Z").resolve(List.of("wecom:w" + i),
                    Map.of("campaign", "double-11")).customerId();
        }
        int plain = at("2026-11-05T08:00:00Z").resolve(List.of("tmall:t1"), Map.of()).customerId();
        at("2026-11-30T16:30:00Z").resolve(List.of("wecom:late"), Map.of("campaign", "double-11"));
        at("2026-10-31T15:59:00Z").resolve(List.of("wecom:before"), Map.of("campaign", "double-11"));
        // a duplicate merged away is not an acquisition
        OneId oneId = at("2026-11-20T08:00:00Z");
        int dup = oneId.resolve(List.of("jd:dup", "phone:13800000077"), Map.of("campaign", "double-11")).customerId();
        oneId.resolve(List.of("wecom:w0", "phone:13800000077"), Map.of());

        tags.assign(early, "reach.owned", "system", "rule");
        tags.assign(inPeriod[1], "reach.owned", "system", "rule");
        tags.assign(inPeriod[2], "reach.engaged", "system", "rule");
        tags.assign(plain, "reach.owned", "system", "rule");
        acquisition.record("wecom", "double-11", NOV_1, 30_000, "ops");
        acquisition.record("wecom", "double-11", LocalDate.parse("2026-11-30"), 1_001, "ops");
        acquisition.record("wecom", "double-11", LocalDate.parse("2026-12-01"), 99_999, "ops"); // outside
        acquisition.record("douyin", "live-1", LocalDate.parse("2026-11-02"), 5_000, "ops");

        Acquisition.Report report = acquisition.report(NOV_1, LocalDate.parse("2026-11-30"));
        assertTrue(report.ownedKnown());
        assertNull(report.note());
        assertEquals("Asia/Shanghai", report.zone());
        assertEquals(List.of(
                new Acquisition.Row("douyin", "live-1", 5_000, 0, 0L, null),
                new Acquisition.Row("tmall", null, 0, 1, 1L, 0L),
                new Acquisition.Row("wecom", "double-11", 31_001, 5, 2L, 15_501L)), report.rows());
        assertTrue(dup > 0);

        Acquisition blind = new Acquisition(unit, Fixtures.channels(), null, Clock.systemUTC());
        Acquisition.Report without = blind.report(NOV_1, LocalDate.parse("2026-11-30"));
        assertFalse(without.ownedKnown());
        assertTrue(without.note().startsWith("tagging is not running"), without.note());
        assertEquals(new Acquisition.Row("wecom", "double-11", 31_001, 5, null, null), without.rows().get(2));

        assertEquals("field 'from' (2026-11-30) is after 'to' (2026-11-01)", assertThrows(IllegalArgumentException.class,
                () -> acquisition.report(LocalDate.parse("2026-11-30"), NOV_1)).getMessage());
    }

    @Test
    void shouldRecordAndReportOverRest() throws Exception {
        AcquisitionResource resource = new AcquisitionResource(acquisition);
        FakeRestRequest post = FakeRestRequest.of("POST", "costs").as(Role.OPERATOR)
                .json(Map.of("channel", "wecom", "campaign", "double-11", "day", "2026-11-01", "costFen", 12_345));
        assertEquals(new AcquisitionResource.Recorded("wecom", "double-11", "2026-11-01", 12_345, false),
                resource.handle(post, post));

        assertEquals(400, refused(resource, Role.OPERATOR, Map.of("channel", "wecom", "day", "1.11.2026",
                "costFen", 1)).status());
        assertEquals("field 'day' must be a day written YYYY-MM-DD, e.g. 2026-11-01; got '1.11.2026'",
                refused(resource, Role.OPERATOR, Map.of("channel", "wecom", "day", "1.11.2026", "costFen", 1)).detail());
        assertEquals("field 'costFen' must be a whole number of fen (1 yuan = 100 fen); got 12.5",
                refused(resource, Role.OPERATOR, Map.of("channel", "wecom", "day", "2026-11-01", "costFen", 12.5))
                        .detail());
        assertEquals("field 'costFen' is required: the cost in fen (1 yuan = 100 fen)",
                refused(resource, Role.OPERATOR, Map.of("channel", "wecom", "day", "2026-11-01")).detail());
        assertEquals("field 'channel' must be text",
                refused(resource, Role.OPERATOR, Map.of("channel", 7, "day", "2026-11-01", "costFen", 1)).detail());
        assertEquals(403, refused(resource, Role.VIEWER, Map.of("channel", "wecom", "day", "2026-11-01",
                "costFen", 1)).status());

        FakeRestRequest get = FakeRestRequest.of("GET", "report").as(Role.VIEWER)
                .query("from", "2026-11-01").query("to", "2026-11-30");
        Acquisition.Report report = (Acquisition.Report) resource.handle(get, get);
        assertEquals(List.of(new Acquisition.Row("wecom", "double-11", 12_345, 0, 0L, null)), report.rows());
        FakeRestRequest noFrom = FakeRestRequest.of("GET", "report").query("to", "2026-11-30");
        assertEquals("field 'from' is required, e.g. 2026-11-01",
                assertThrows(RestException.class, () -> resource.handle(noFrom, noFrom)).detail());
    }

    private static RestException refused(AcquisitionResource resource, Role role, Object body) {
        FakeRestRequest post = FakeRestRequest.of("POST", "costs").as(role).json(body);
        return assertThrows(RestException.class, () -> resource.handle(post, post));
    }
}
