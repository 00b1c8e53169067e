package org.siyu.demo.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.siyu.api.events.Event;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's history between the first touch and the end of the window: pages, articles, live rooms, a community
 * group, chats with the guide and paid orders ({@code order.paid} {@code {orderId, amountFen, channel, items}}).
 * Deterministic per person (its own random stream), with ids {@code demo-<seed>-<person>-<n>}, so a batch that is
 * published again publishes nothing new (the bus skips known ids).
 */
final class DemoEvents {

    /** The {@code source} of the demo's events. */
    static final String SOURCE = "demo";
    /** An order total from which a customer is VIP (¥1,000), in fen. */
    static final long VIP_FEN = 100_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.ofHours(8));

    /** One event before it has a customer; {@link #event} makes the bus's envelope. */
    record Planned(String id, String type, Instant time, Map<String, Object> data) {

        Event event(int customerId) {
            return new Event(0, id, type, SOURCE, customerId, time, JSON.writeValueAsString(data));
        }
    }

    /** A person's events, oldest first, and what they say about the person. */
    record History(List<Planned> events, int orders, long spentFen, int liveWatched) {

        /** The tags the history earns: VIP (5+ orders or ¥1,000), 直播常客 (3+ live rooms watched). */
        List<String> tags() {
            List<String> tags = new ArrayList<>();
            if (orders >= 5 || spentFen >= VIP_FEN) {
                tags.add("VIP");
            }
            if (liveWatched >= 3) {
                tags.add("直播常客");
            }
            return tags;
        }
    }

    private DemoEvents() {
    }

    static History of(DemoPlan.Settings settings, DemoPlan.Person p) {
        Random r = DemoPlan.random(settings.seed(), p.index(), 2);
        Instant from = p.firstTouch();
        long span = Math.max(3_600, settings.endsAt().getEpochSecond() - from.getEpochSecond() - 60);
        List<Planned> events = new ArrayList<>();
        String prefix = "demo-" + settings.seed() + "-" + p.index() + "-";

        int pages = r.nextInt(4);
        for (int i = 0; i < pages; i++) {
            add(events, prefix, "page.viewed", at(r, from, span),
                    Map.of("page", Catalog.PAGES.get(r.nextInt(Catalog.PAGES.size()))));
        }
        int articles = r.nextInt(3);
        for (int i = 0; i < articles; i++) {
            add(events, prefix, "content.read", at(r, from, span),
                    Map.of("title", Catalog.ARTICLES.get(r.nextInt(Catalog.ARTICLES.size()))));
        }
        int live = r.nextInt(100) < 15 ? 3 + r.nextInt(4) : r.nextInt(100) < 30 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < live; i++) {
            add(events, prefix, "live.watched", at(r, from, span), Map.of("room",
                    Catalog.LIVE_ROOMS.get(r.nextInt(Catalog.LIVE_ROOMS.size())), "minutes", 3 + r.nextInt(55)));
        }
        if (r.nextInt(100) < 40) {
            String group = "毛孩食堂·" + p.city() + (p.cat() ? "猫友群" : "狗友群") + (1 + r.nextInt(5));
            add(events, prefix, "group.joined", at(r, from, span), Map.of("group", group));
        }
        if (p.owner() != null) {
            int chats = 1 + r.nextInt(5);
            for (int i = 0; i < chats; i++) {
                add(events, prefix, "guide.chatted", at(r, from, span),
                        Map.of("staffId", p.owner(), "messages", 1 + r.nextInt(12)));
            }
        }
        // repurchase is the metric that matters: a third buy nothing yet, the rest once or again and again
        int roll = r.nextInt(100);
        int orders = roll < 35 ? 0 : roll < 65 ? 1 : roll < 90 ? 2 + r.nextInt(2) : 4 + r.nextInt(5);
        long spent = 0;
        for (int i = 0; i < orders; i++) {
            Instant when = at(r, from, span);
            List<Map<String, Object>> items = new ArrayList<>();
            long amount = 0;
            int lines = 1 + r.nextInt(3);
            for (int l = 0; l < lines; l++) {
                Catalog.Product product = product(r, p);
                int qty = product.priceFen() < 5_000 ? 1 + r.nextInt(3) : 1;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("sku", product.sku());
                item.put("name", product.name());
                item.put("qty", qty);
                item.put("priceFen", product.priceFen());
                items.add(item);
                amount += (long) product.priceFen() * qty;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("orderId", "MH" + DAY.format(when) + String.format("%06d%02d", p.index(), i));
            data.put("amountFen", amount);
            data.put("channel", p.channels().get(r.nextInt(p.channels().size())));
            data.put("items", items);
            add(events, prefix, "order.paid", when, data);
            spent += amount;
        }
        events.sort((a, b) -> a.time().compareTo(b.time()));
        return new History(List.copyOf(events), orders, spent, live);
    }

    private static void add(List<Planned> events, String prefix, String type, Instant time, Map<String, Object> data) {
        events.add(new Planned(prefix + events.size(), type, time, data));
    }

    private static Instant at(Random r, Instant from, long span) {
        return from.plusSeconds((long) (r.nextDouble() * span));
    }

    private static Catalog.Product product(Random r, DemoPlan.Person p) {
        while (true) {
            Catalog.Product product = Catalog.PRODUCTS.get(r.nextInt(Catalog.PRODUCTS.size()));
            if (product.pet().equals("any") || (p.cat() && product.pet().equals("cat"))
                    || (p.dog() && product.pet().equals("dog"))) {
                return product;
            }
        }
    }
}
