package org.siyu.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;

/**
 * The demo brand, made from a seed: the same settings give the same organisation, people, identity sets, tags and
 * events on every machine and every run (a resumed seed depends on it). Each person draws from a random stream of
 * its own, so what a person is does not depend on the people before it.
 *
 * <p>People reach the brand through a first-touch campaign and then, some of them, through more channels. The
 * touches are what OneID sees ({@link Touch}): sorted by time and cut into batches of {@link #BATCH}. The overlaps
 * are the ones a brand has: a guide adds a store customer on WeCom (unionid) and the customer later logs into the
 * mini-program with the phone the store knows, so OneID merges the store card's customer and the WeCom one; some
 * marketplace buyers never show a merge key and stay apart; three stores registered customers on the shop iPad with
 * the store's own phone, which OneID merges a few times and then flags as poison.
 */
final class DemoPlan {

    /** Identity sets per batch (one transaction each). */
    static final int BATCH = 1000;
    /** The events are spread over this much time before {@link Settings#endsAt}. */
    static final Duration WINDOW = Duration.ofDays(365);
    /** How many people register on each shop iPad. */
    static final int IPAD_PEOPLE = 8;

    /**
     * What a plan is made from: kept in {@code demo_seed} row 0 so that a resumed seed makes the same data.
     *
     * @param seed    the random seed
     * @param persons how many people
     * @param endsAt  the end of the event window (the time the seed first started, whole seconds)
     */
    record Settings(long seed, int persons, Instant endsAt) {

        static final long DEFAULT_SEED = 2024_11_11L;
        /**
         * 18,000 people make about 20,000 customers: OneID cannot link some marketplace buyers (a Tmall nick, a
         * Douyin openid without a phone) to the same person's WeCom contact, as in a real brand.
         */
        static final int DEFAULT_PERSONS = 18_000;

        static Settings standard(Instant now) {
            return new Settings(DEFAULT_SEED, DEFAULT_PERSONS, now.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /**
     * One person of the demo.
     *
     * @param owner    the guide (staff id) who owns the relationship, or {@code null}
     * @param tags     the tags the profile gives (pets, sensitivities, price sensitivity, unsubscribed); the event
     *                 history adds VIP and 直播常客 ({@link DemoEvents})
     * @param channels the channels the person buys through ({@code tmall}, {@code jd}, {@code douyin}, {@code mini},
     *                 {@code store})
     */
    record Person(int index, String name, String city, String campaign, String owner, List<String> tags,
            boolean cat, boolean dog, List<String> channels, Instant firstTouch) {
    }

    /** One identity set as a channel presents it, at a time; {@code seq} 0 is the person's first touch. */
    record Touch(int person, int seq, Instant at, List<String> identities, Map<String, String> traits) {

        ResolveRequest request() {
            return new ResolveRequest(identities, traits);
        }
    }

    /** One transaction's worth: the touches, and the people whose first touch is among them. */
    record Batch(int number, List<Touch> touches, List<Person> firstTouched) {
    }

    private final Settings settings;
    private final List<Person> persons = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();
    private final List<OrgUnit> units = new ArrayList<>();
    private final List<Staff> staff = new ArrayList<>();

    private DemoPlan(Settings settings) {
        this.settings = settings;
    }

    static DemoPlan of(Settings settings) {
        DemoPlan plan = new DemoPlan(settings);
        plan.organisation();
        int[] ipadUsers = new int[Places.STORES.size()];
        for (int i = 0; i < settings.persons(); i++) {
            plan.person(i, ipadUsers);
        }
        plan.touches.sort(Comparator.comparing(Touch::at).thenComparingInt(Touch::person).thenComparingInt(Touch::seq));
        return plan;
    }

    Settings settings() {
        return settings;
    }

    List<OrgUnit> units() {
        return units;
    }

    List<Staff> staff() {
        return staff;
    }

    List<Person> persons() {
        return persons;
    }

    List<Touch> touches() {
        return touches;
    }

    int batches() {
        return (touches.size() + BATCH - 1) / BATCH;
    }

    /** Batch {@code number}, 1-based. */
    Batch batch(int number) {
        List<Touch> slice = touches.subList((number - 1) * BATCH, Math.min(touches.size(), number * BATCH));
        List<Person> first = slice.stream().filter(t -> t.seq() == 0).map(t -> persons.get(t.person())).toList();
        return new Batch(number, List.copyOf(slice), first);
    }

    /** A random stream of its own for each person and purpose. */
    static Random random(long seed, int index, int purpose) {
        return new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + purpose);
    }

    private void organisation() {
        Random random = random(settings.seed(), -1, 0);
        for (Places.Region region : Places.REGIONS) {
            units.add(new OrgUnit(region.id(), "hq", region.name(), OrgUnit.Kind.REGION));
            staff.add(new Staff(region.id() + "-mgr", Names.name(random, random.nextBoolean()), region.id(), null, true));
        }
        for (Places.Store store : Places.STORES) {
            units.add(new OrgUnit(store.id(), store.region(), store.name(), OrgUnit.Kind.STORE));
            for (int n = 1; n <= store.guides(); n++) {
                // guides are mostly young women in this trade
                staff.add(new Staff(Places.guide(store, n), Names.name(random, random.nextInt(10) < 7), store.id(), null,
                        true));
            }
        }
    }

    private void person(int index, int[] ipadUsers) {
        Random r = random(settings.seed(), index, 1);
        boolean female = r.nextInt(100) < 68;
        boolean genderKnown = r.nextInt(100) >= 2;
        String name = Names.name(r, female);
        Places.City city = Places.city(r);
        List<Places.Store> stores = Places.storesIn(city.name());
        int pets = r.nextInt(100);
        boolean cat = pets < 55 || pets >= 90;
        boolean dog = pets >= 55;
        int cats = cat ? (r.nextInt(100) < 70 ? 1 : r.nextInt(100) < 73 ? 2 : 3) : 0;
        boolean young = cat && r.nextInt(100) < 20;
        boolean old = dog && r.nextInt(100) < 15;

        Catalog.Campaign campaign = !stores.isEmpty() && r.nextInt(100) < 30
                ? Catalog.CAMPAIGNS.get(3) // 门店扫码
                : nonStoreCampaign(r);
        boolean inStore = campaign.channel().equals("store");
        Places.Store store = stores.isEmpty() ? null : stores.get(r.nextInt(stores.size()));
        String owner = store != null && (inStore || r.nextInt(100) < 68)
                ? Places.guide(store, 1 + r.nextInt(store.guides())) : null;

        List<String> tags = new ArrayList<>();
        if (cat) {
            tags.add("猫主人");
        }
        if (dog) {
            tags.add("狗主人");
        }
        if (young) {
            tags.add("幼猫");
        }
        if (old) {
            tags.add("老年犬");
        }
        if (cats >= 2) {
            tags.add("多猫家庭");
        }
        if (r.nextInt(100) < 12) {
            tags.add("敏感肠胃");
        }
        if (r.nextInt(100) < 18) {
            tags.add("价格敏感");
        }
        if (r.nextInt(100) < 4) {
            tags.add("unsubscribed");
        }

        Map<String, String> traits = new LinkedHashMap<>();
        traits.put("name", name);
        traits.put("nickname", Catalog.nickname(r, female));
        traits.put("city", city.name());
        if (genderKnown) {
            traits.put("gender", female ? "female" : "male");
        }
        traits.put("remark", Catalog.remark(r, cat && (!dog || r.nextBoolean()), cat ? cats : 1, young, old));
        traits.put("campaign", campaign.name());

        // the identities this person has (values derived from the index, so no two people share one by chance)
        String id = Integer.toString(index, 36);
        String unionid = r.nextInt(100) < 90 ? "oUn" + pad(id) + "Mh" : null;
        String phone = r.nextInt(100) < 75 ? phone(r, index) : null;
        boolean ipad = owner != null && store.ipad() && unionid != null
                && ipadUsers[Places.STORES.indexOf(store)] < IPAD_PEOPLE && r.nextInt(100) < 10;
        if (ipad) {
            ipadUsers[Places.STORES.indexOf(store)]++;
        }

        Instant end = settings.endsAt();
        // more people joined recently: the square root skews the first touch towards the end of the window
        long windowSeconds = WINDOW.toSeconds() - 86_400;
        Instant first = end.minusSeconds(WINDOW.toSeconds())
                .plusSeconds((long) (Math.sqrt(r.nextDouble()) * windowSeconds));
        List<Touch> mine = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        switch (campaign.channel()) {
            case "tmall" -> {
                mine.add(touch(index, mine, first, traits, "tmall:mh_" + id + "_tb"));
                channels.add("tmall");
            }
            case "jd" -> {
                mine.add(phone != null && r.nextBoolean()
                        ? touch(index, mine, first, traits, "jd:jd_" + id, "phone:" + phone)
                        : touch(index, mine, first, traits, "jd:jd_" + id));
                channels.add("jd");
            }
            case "douyin" -> {
                mine.add(touch(index, mine, first, traits, "douyin:dy" + pad(id)));
                channels.add("douyin");
            }
            case "store" -> {
                mine.add(phone != null
                        ? touch(index, mine, first, traits, "store-card:MH" + (800_000 + index), "phone:" + phone)
                        : touch(index, mine, first, traits, "store-card:MH" + (800_000 + index)));
                channels.add("store");
            }
            case "mini" -> {
                mine.add(unionid != null
                        ? touch(index, mine, first, traits, "mini:oMini" + pad(id), "wechat:" + unionid)
                        : touch(index, mine, first, traits, "mini:oMini" + pad(id)));
                channels.add("mini");
            }
            default -> mine.add(unionid != null
                    ? touch(index, mine, first, traits, "wechat-mp:oMp" + pad(id), "wechat:" + unionid)
                    : touch(index, mine, first, traits, "wechat-mp:oMp" + pad(id)));
        }
        Instant at = first;
        if (owner != null && unionid != null) {
            // the guide adds the customer on WeCom: the same day in the store, else within a month; half the guides
            // note the phone the customer gave on the contact, which links it to what the phone already knows
            // (in the store the customer scans the card's QR code, which binds the contact to the card)
            at = later(r, at, inStore ? 1 : 30);
            List<String> contact = new ArrayList<>(List.of("wecom:wmEx" + pad(id), "wechat:" + unionid));
            if (inStore) {
                contact.add("store-card:MH" + (800_000 + index));
            } else if (phone != null && r.nextBoolean()) {
                contact.add("phone:" + phone);
            }
            mine.add(touch(index, mine, at, Map.of(), contact.toArray(String[]::new)));
        }
        if (phone != null && !carries(mine, "phone:" + phone) && r.nextInt(100) < 20) {
            // orders on JD as a member, with the phone
            at = later(r, at, 60);
            mine.add(touch(index, mine, at, Map.of(), "jd:jd_" + id, "phone:" + phone));
            channels.add("jd");
        }
        List<String> firstIds = mine.getFirst().identities();
        if (phone != null && firstIds.stream().noneMatch(i -> i.startsWith("phone:") || i.startsWith("wechat:"))
                && r.nextInt(100) < 85) {
            // a marketplace or short-video buyer joins the membership with the phone (会员通): the phone links the
            // marketplace identity to, or merges it with, what the phone already knows
            at = later(r, at, 60);
            mine.add(touch(index, mine, at, Map.of(), firstIds.getFirst(), "phone:" + phone));
        }
        if (ipad) {
            at = later(r, at, 20);
            mine.add(touch(index, mine, at, Map.of(), "mini:oMini" + pad(id), "wechat:" + unionid,
                    "phone:" + Places.ipadPhone(store)));
            channels.add("mini");
        } else if (unionid != null && phone != null
                && r.nextInt(100) < (apart(mine, "wechat:" + unionid, "phone:" + phone) ? 75 : 30)) {
            // logs into the mini-program and authorises the phone: OneID joins what the unionid and the phone know
            at = later(r, at, 45);
            mine.add(touch(index, mine, at, Map.of(), "mini:oMini" + pad(id), "wechat:" + unionid, "phone:" + phone));
            channels.add("mini");
        }
        if (!campaign.channel().equals("tmall") && r.nextInt(100) < 4) {
            // also buys on Tmall under a nick that shows no merge key: OneID cannot know it is the same person
            mine.add(touch(index, mine, later(r, first, 90), Map.of("nickname", traits.get("nickname")),
                    "tmall:mh_" + id + "_tb"));
            channels.add("tmall");
        }
        if (channels.isEmpty()) {
            channels.add("mini");
        }
        touches.addAll(mine);
        persons.add(new Person(index, name, city.name(), campaign.name(), owner, List.copyOf(tags), cat, dog,
                List.copyOf(channels), first));
    }

    private static boolean carries(List<Touch> touches, String identity) {
        return touches.stream().anyMatch(t -> t.identities().contains(identity));
    }

    /**
     * Whether the two identities are, so far, with two different customers: the touches that share an identity form
     * one customer (before any merge), as OneID links them.
     */
    private static boolean apart(List<Touch> touches, String a, String b) {
        List<java.util.Set<String>> groups = new ArrayList<>();
        for (Touch t : touches) {
            java.util.Set<String> joined = new java.util.HashSet<>(t.identities());
            groups.removeIf(g -> {
                if (g.stream().anyMatch(joined::contains)) {
                    joined.addAll(g);
                    return true;
                }
                return false;
            });
            groups.add(joined);
        }
        java.util.Set<String> withA = groups.stream().filter(g -> g.contains(a)).findFirst().orElse(null);
        java.util.Set<String> withB = groups.stream().filter(g -> g.contains(b)).findFirst().orElse(null);
        return withA != null && withB != null && withA != withB;
    }

    private Touch touch(int person, List<Touch> before, Instant at, Map<String, String> traits, String... identities) {
        return new Touch(person, before.size(), at, List.of(identities), Map.copyOf(traits));
    }

    private Instant later(Random r, Instant after, int maxDays) {
        Instant at = after.plusSeconds(3_600 + (long) r.nextInt(maxDays * 86_400));
        Instant last = settings.endsAt().minusSeconds(60);
        return at.isAfter(last) ? last : at;
    }

    private static Catalog.Campaign nonStoreCampaign(Random r) {
        int i = r.nextInt(Catalog.CAMPAIGNS.size() - 1);
        return Catalog.CAMPAIGNS.get(i >= 3 ? i + 1 : i);
    }

    private static String pad(String id) {
        return "0000".substring(Math.min(4, id.length())) + id;
    }

    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "135", "136", "137", "138", "150", "151",
            "152", "155", "156", "158", "159", "166", "176", "177", "180", "181", "186", "187", "188", "189", "199"};

    /**
     * A mainland mobile number unique to the person: the last eight digits are {@code index × 7919 + 1234567} modulo
     * 10^8, a bijection (7919 is prime to 10), so two people never share a phone by chance; the shop iPads use 139.
     */
    private static String phone(Random r, int index) {
        long tail = (index * 7919L + 1_234_567L) % 100_000_000L;
        return "+86" + MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", tail);
    }
}
