package org.siyu.demo.internal;

import java.util.List;
import java.util.Random;

/** What the brand sells and says: products, campaigns, articles, live rooms, groups, pets and how people write about them. */
final class Catalog {

    /** A product: SKU, name, price in fen, and which pets it is for ({@code cat}, {@code dog} or {@code any}). */
    record Product(String sku, String name, int priceFen, String pet) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("MH-CAT-FD18", "全价冻干双拼猫粮 1.8kg", 16900, "cat"),
            new Product("MH-CAT-KIT15", "幼猫奶糕粮 1.5kg", 13900, "cat"),
            new Product("MH-CAT-SEN20", "肠胃呵护低敏猫粮 2kg", 18900, "cat"),
            new Product("MH-CAT-STK20", "鲜肉猫条 20支", 3900, "cat"),
            new Product("MH-CAT-CAN24", "主食猫罐头 85g×24", 22800, "cat"),
            new Product("MH-DOG-AD20", "成犬鸡肉糙米配方 2kg", 15900, "dog"),
            new Product("MH-DOG-SR20", "老年犬低脂关节配方 2kg", 17900, "dog"),
            new Product("MH-DOG-PUP15", "幼犬羊奶粮 1.5kg", 12900, "dog"),
            new Product("MH-DOG-JRK", "风干鸡胸肉条 200g", 4900, "dog"),
            new Product("MH-ANY-FD", "冻干鸡胸肉粒 120g", 5900, "any"),
            new Product("MH-ANY-PRO", "宠物益生菌 30袋", 8900, "any"),
            new Product("MH-ANY-TRY", "新品试吃装 6包", 990, "any"));

    /** First-touch campaigns, each with the channel it brings people in through. */
    record Campaign(String name, String channel) {
    }

    static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign("双11预热", "tmall"), new Campaign("618大促", "jd"), new Campaign("直播间引流", "douyin"),
            new Campaign("门店扫码", "store"), new Campaign("社群裂变", "wechat"), new Campaign("会员日", "mini"),
            new Campaign("小红书种草", "wechat-mp"), new Campaign("新品试吃装", "mini"));

    static final List<String> ARTICLES = List.of("幼猫换粮七日指南", "狗狗肠胃敏感怎么吃", "老年犬关节养护", "冻干怎么喂才不浪费",
            "猫咪挑食的五个原因", "夏季宠物饮水小贴士", "读懂猫粮配料表", "大型犬每天吃多少");

    static final List<String> LIVE_ROOMS = List.of("毛孩食堂品牌直播间·周三宠粉日", "兽医在线答疑", "新品冻干首发", "导购带你逛门店");

    static final List<String> PAGES = List.of("/", "/products/MH-CAT-FD18", "/products/MH-DOG-AD20", "/products/MH-ANY-FD",
            "/campaigns/member-day", "/articles", "/stores");

    static final String[] CAT_BREEDS = {"布偶猫", "英短蓝猫", "橘猫", "美短", "狸花猫", "暹罗猫", "缅因猫", "金渐层"};
    static final String[] DOG_BREEDS = {"金毛", "柯基", "泰迪", "柴犬", "边牧", "拉布拉多", "比熊", "法斗"};
    static final String[] PET_NAMES = {"布丁", "豆豆", "可乐", "旺财", "咪咪", "球球", "年糕", "芝麻", "团子", "奶茶", "雪球",
            "毛毛", "元宝", "肉松", "栗子", "汤圆", "Lucky", "Coco", "Momo", "Luna"};
    private static final String[] COUNTS = {"一只", "两只", "三只"};
    private static final String[] CAT_NOTES = {"挑食", "肠胃敏感，只吃鸡肉", "在减肥", "刚绝育", "爱喝水", "掉毛多", "不爱吃干粮"};
    private static final String[] DOG_NOTES = {"关节不好", "吃得多", "减肥中", "皮肤敏感", "刚打完疫苗", "喜欢冻干", "牙口不好"};

    private Catalog() {
    }

    /** A remark as a guide would write it: "两只布偶猫，挑食", "一只金毛，8岁，关节不好". */
    static String remark(Random random, boolean cat, int count, boolean young, boolean old) {
        String breed = cat ? CAT_BREEDS[random.nextInt(CAT_BREEDS.length)] : DOG_BREEDS[random.nextInt(DOG_BREEDS.length)];
        String age = young ? (cat ? "，4个月" : "，5个月") : old ? "，" + (8 + random.nextInt(6)) + "岁" : "";
        String[] notes = cat ? CAT_NOTES : DOG_NOTES;
        return COUNTS[Math.min(count, 3) - 1] + breed + age + "，" + notes[random.nextInt(notes.length)];
    }

    /** A WeChat-style nickname: "布丁妈妈", "可乐的铲屎官", or the pet's name alone. */
    static String nickname(Random random, boolean female) {
        String pet = PET_NAMES[random.nextInt(PET_NAMES.length)];
        return switch (random.nextInt(5)) {
            case 0 -> pet + (female ? "妈妈" : "爸爸");
            case 1 -> pet + "的铲屎官";
            case 2 -> pet + "家";
            case 3 -> "爱" + pet + "的" + (female ? "小仙女" : "大叔");
            default -> pet;
        };
    }
}
