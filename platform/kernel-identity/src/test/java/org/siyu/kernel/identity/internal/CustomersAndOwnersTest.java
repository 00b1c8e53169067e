package org.siyu.kernel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.FakeOrg;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * SDK 1.1 and 1.2 reads and owners: {@code ids()}, {@code customers(int[])}, {@code assignOwner}, the owner bitmaps,
 * {@code idsOwnedBy}.
 */
class CustomersAndOwnersTest {

    private static TestPersistenceUnit unit;

    private final RecordingBus bus = new RecordingBus();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private OneId oneId;

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
        oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), clock);
    }

    private int resolve(Map<String, String> traits, String... identities) {
        return oneId.resolve(List.of(identities), traits).customerId();
    }

    @Test
    void shouldListLiveIdsAscendingAndFollowMergesAndUndos() {
        int a = resolve(Map.of("name", "A"), "wecom:a", "phone:13800000001");
        int b = resolve(Map.of(), "tmall:b");
        int c = resolve(Map.of(), "jd:c");
        assertEquals(List.of(a, b, c), ResolveAllTest.toList(oneId.ids()));

        resolve(Map.of(), "tmall:b", "phone:13800000001");
        assertEquals(List.of(a, c), ResolveAllTest.toList(oneId.ids()));
        assertEquals(2, oneId.liveIds().size());

        oneId.undoMerge(oneId.merges(a).getFirst().id(), "ops");
        assertEquals(List.of(a, b, c), ResolveAllTest.toList(oneId.ids()));

        // a new OneID loads the same from the database
        OneId reloaded = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), clock);
        assertEquals(List.of(a, b, c), ResolveAllTest.toList(reloaded.ids()));
    }

    @Test
    void shouldReadManyCustomersAsOneByOneInTheOrderAsked() {
        int a = resolve(Map.of("name", "A"), "wecom:a", "phone:13800000001");
        int b = resolve(Map.of("city", "上海", "name", "B"), "tmall:b");
        int c = resolve(Map.of("remark", "r"), "jd:c");
        resolve(Map.of(), "tmall:b", "phone:13800000001"); // b into a
        resolve(Map.of(), "jd:c", "tmall:b", "wechat:W");  // c links to a (b's identity moved), no merge key known
        int d = resolve(Map.of(), "wechat:W2", "douyin:d");
        resolve(Map.of(), "douyin:d", "phone:13800000001"); // d into a

        int[] asked = {d, 999_999, c, a, b, a};
        List<Customer> many = oneId.customers(asked);
        assertEquals(List.of(d, c, a, b), many.stream().map(Customer::id).toList());
        for (Customer customer : many) {
            assertEquals(oneId.customer(customer.id()).orElseThrow(), customer);
        }
        Customer survivor = many.get(2);
        assertEquals(Map.of("name", "A", "city", "上海"), survivor.traits()); // b's city absorbed, own name kept
        assertEquals(a, many.getFirst().mergedInto());
        assertEquals(a, many.get(3).mergedInto());
        assertEquals(List.of(), oneId.customers(new int[0]));
        assertEquals(List.of(), oneId.customers(new int[] {0, -3, 424242}));
    }

    @Test
    void shouldAssignAndClearTheOwnerWithAnEventAndRefuseUnknownOrMergedCustomers() {
        int a = resolve(Map.of("owner", "g-1"), "wecom:a", "phone:13800000001");
        int b = resolve(Map.of(), "tmall:b");
        assertEquals(List.of(a), ResolveAllTest.toList(oneId.ownedBy(List.of("g-1")).iterator()));

        oneId.assignOwner(a, " g-2 ", "alice");
        assertEquals("g-2", oneId.customer(a).orElseThrow().owner());
        Event changed = bus.ofType("customer.owner.changed").getFirst();
        assertEquals(a, changed.subject());
        assertEquals("{\"owner\":\"g-2\",\"previous\":\"g-1\",\"actor\":\"alice\"}", changed.data());
        assertEquals(0, oneId.ownedBy(List.of("g-1")).size());
        assertEquals(List.of(a), ResolveAllTest.toList(oneId.ownedBy(List.of("g-1", "g-2")).iterator()));

        oneId.assignOwner(a, "g-2", "alice"); // the same owner: nothing
        assertEquals(1, bus.ofType("customer.owner.changed").size());
        oneId.assignOwner(a, null, "bob");
        assertEquals(null, oneId.customer(a).orElseThrow().owner());
        assertEquals("{\"owner\":null,\"previous\":\"g-2\",\"actor\":\"bob\"}",
                bus.ofType("customer.owner.changed").get(1).data());

        assertEquals("there is no customer 424242", assertThrows(IllegalArgumentException.class,
                () -> oneId.assignOwner(424242, "g-1", "alice")).getMessage());
        resolve(Map.of(), "tmall:b", "phone:13800000001");
        assertEquals("customer " + b + " was merged into customer " + a + "; assign the owner there",
                assertThrows(IllegalArgumentException.class, () -> oneId.assignOwner(b, "g-1", "alice")).getMessage());
    }

    @Test
    void shouldRefuseStaffTheOrgServiceDoesNotKnowOrThatLeft() {
        int a = resolve(Map.of(), "wecom:a");
        oneId.org(new FakeOrg().staff("g-1", "王导购", "sh-1", true).staff("g-9", "离职导购", "sh-1", false));
        assertEquals("there is no staff member 'nobody'", assertThrows(IllegalArgumentException.class,
                () -> oneId.assignOwner(a, "nobody", "alice")).getMessage());
        assertEquals("staff member 'g-9' (离职导购) is inactive and cannot own customers",
                assertThrows(IllegalArgumentException.class, () -> oneId.assignOwner(a, "g-9", "alice")).getMessage());
        assertEquals(List.of(), bus.ofType("customer.owner.changed"));
        oneId.assignOwner(a, "g-1", "alice");
        assertEquals("g-1", oneId.customer(a).orElseThrow().owner());
    }

    @Test
    void shouldChangeTheOwnerBitmapsOnlyWhenTheTransactionCommits() {
        int a = resolve(Map.of(), "wecom:a");
        assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
            oneId.assignOwner(a, "g-1", "alice");
            int fresh = resolve(Map.of("owner", "g-1"), "wecom:new");
            assertTrue(fresh > 0);
            throw new IllegalStateException("caller fails");
        }));
        assertEquals(0, oneId.ownedBy(List.of("g-1")).size());
        assertEquals(null, oneId.customer(a).orElseThrow().owner());
        assertEquals(List.of(a), ResolveAllTest.toList(oneId.ids()));

        // first touch through traits counts too, and a merge takes the merged customer out of its owner's set
        int b = resolve(Map.of("owner", "g-1"), "tmall:b");
        int c = resolve(Map.of(), "jd:c", "phone:13800000002");
        resolve(Map.of("owner", "g-1"), "jd:c");
        assertEquals(List.of(b, c), ResolveAllTest.toList(oneId.ownedBy(List.of("g-1")).iterator()));
        resolve(Map.of(), "tmall:b", "phone:13800000002"); // c merges into b
        assertEquals(List.of(b), ResolveAllTest.toList(oneId.ownedBy(List.of("g-1")).iterator()));
    }

    @Test
    void shouldBringBackTheOwnerOfACustomerWhoseMergeIsUndoneAfterARestart() {
        int y = resolve(Map.of(), "wecom:y", "phone:13800000003");
        int x = resolve(Map.of("owner", "g-7"), "jd:x");
        resolve(Map.of(), "jd:x", "phone:13800000003"); // x (owner g-7, the only one of g-7) merges into y
        assertEquals(0, oneId.ownedBy(List.of("g-7")).size());

        OneId restarted = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), clock);
        assertEquals(List.of(y), ResolveAllTest.toList(restarted.ids()));
        restarted.undoMerge(restarted.merges(y).getFirst().id(), "ops");
        assertEquals(List.of(x), ResolveAllTest.toList(restarted.ownedBy(List.of("g-7")).iterator()));
        assertEquals(List.of(y, x), ResolveAllTest.toList(restarted.ids()));
    }

    @Test
    void shouldAnswerTheIdsOwnedByAScopesStaffAscendingLiveAndAsTheSdkDefaultDoes() {
        List<ResolveRequest> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // every third without an owner, the others alternating g-1 and g-2
            Map<String, String> traits = i % 3 == 0 ? Map.of() : Map.of("owner", i % 3 == 1 ? "g-1" : "g-2");
            many.add(new ResolveRequest(List.of("wecom:m" + i), traits));
        }
        int[] ids = oneId.resolveAll(many).stream().mapToInt(r -> r.customerId()).toArray();
        int merged = ids[4]; // owner g-1, merged into ids[0] (no owner) through a phone
        resolve(Map.of(), "wecom:m0", "phone:13800000009");
        resolve(Map.of(), "wecom:m4", "phone:13800000009");
        assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
            oneId.assignOwner(ids[3], "g-1", "alice"); // rolled back: stays without an owner
            throw new IllegalStateException("caller fails");
        }));
        oneId.assignOwner(ids[2], "g-1", "alice"); // was g-2

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            boolean g1 = i == 2 || (i % 3 == 1 && ids[i] != merged);
            boolean g2 = i % 3 == 2 && i != 2;
            if (g1 || g2) {
                expected.add(ids[i]);
            }
        }
        int[] owned = oneId.idsOwnedBy(List.of("g-1", "g-2", "g-1"));
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).sorted().toArray(), owned);
        assertEquals(99, owned.length, "100 owned, less the one merged away");
        assertArrayEquals(owned, sdkDefault(oneId).idsOwnedBy(List.of("g-1", "g-2")),
                "the kernel's index and the SDK's default (through customers(int[])) agree");
        assertArrayEquals(sdkDefault(oneId).idsOwnedBy(List.of("g-2")), oneId.idsOwnedBy(List.of("g-2")));
        assertArrayEquals(new int[0], oneId.idsOwnedBy(List.of()));
        assertArrayEquals(new int[0], oneId.idsOwnedBy(List.of("nobody")));
        assertArrayEquals(new int[0], sdkDefault(oneId).idsOwnedBy(List.of("nobody")));
    }

    /** {@code service} with the SDK's default {@code idsOwnedBy} instead of its own. */
    private static IdentityService sdkDefault(IdentityService service) {
        InvocationHandler handler = (proxy, method, args) -> method.getName().equals("idsOwnedBy")
                ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(service, args);
        return (IdentityService) Proxy.newProxyInstance(IdentityService.class.getClassLoader(),
                new Class<?>[] {IdentityService.class}, handler);
    }
}
