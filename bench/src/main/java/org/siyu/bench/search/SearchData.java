package org.siyu.bench.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.siyu.api.search.SearchDocument;

/**
 * Customer search documents, shaped as kernel-identity's {@code CustomerDocuments} writes them (title the name,
 * detail {@code <masked phone> · <first channel>}, text {@code name}, {@code nickname}, {@code remark}, {@code city},
 * keywords the tag names and the masked phone), with the demo's vocabulary: guides' remarks such as "两只布偶猫，挑食".
 * Document {@code i} comes from a generator of its own seeded by {@code seed} and {@code i}: any document can be
 * made again alone (the query set is taken from documents), and the same seed gives the same documents everywhere.
 */
public final class SearchData {

    public static final String TYPE = "customer";

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国晓梅琳雪婷宇浩然子涵欣怡思雨";
    static final String[] CAT_BREEDS = {"布偶猫", "英短蓝猫", "橘猫", "美短", "狸花猫", "暹罗猫", "缅因猫", "金渐层"};
    static final String[] DOG_BREEDS = {"金毛", "柯基", "泰迪", "柴犬", "边牧", "拉布拉多", "比熊", "法斗"};
    static final String[] PET_NAMES = {"布丁", "豆豆", "可乐", "旺财", "咪咪", "球球", "年糕", "芝麻", "团子", "奶茶", "雪球",
            "毛毛", "元宝", "肉松", "栗子", "汤圆", "Lucky", "Coco", "Momo", "Luna"};
    static final String[] COUNTS = {"一只", "两只", "三只"};
    static final String[] CAT_NOTES = {"挑食", "肠胃敏感，只吃鸡肉", "在减肥", "刚绝育", "爱喝水", "掉毛多", "不爱吃干粮"};
    static final String[] DOG_NOTES = {"关节不好", "吃得多", "减肥中", "皮肤敏感", "刚打完疫苗", "喜欢冻干", "牙口不好"};
    /** Notes one remark in 5,000 has: the rare words of the query set. */
    static final String[] RARE_NOTES = {"对牛肉过敏", "参加过宠物展", "想领养第二只", "术后恢复期"};
    static final String[] CITIES = {"上海", "北京", "杭州", "深圳", "广州", "成都", "南京", "苏州", "武汉", "西安", "重庆", "天津"};
    static final String[] CHANNELS = {"wecom", "wechat", "mini", "tmall", "jd", "douyin", "store-card"};
    static final String[] TAGS = {"高价值", "VIP", "新客", "沉睡", "猫主人", "狗主人", "直播粉", "社群活跃", "复购", "流失风险"};

    private SearchData() {
    }

    /** Document {@code i} (1-based id) of the data set of {@code seed}. */
    public static SearchDocument document(long seed, int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        String name = name(r);
        String phone = "1" + (30 + r.nextInt(60)) + "****" + String.format("%04d", r.nextInt(10_000));
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        Map<String, String> text = new LinkedHashMap<>();
        text.put("name", name);
        if (r.nextInt(2) == 0) {
            text.put("nickname", nickname(r));
        }
        text.put("remark", remark(r));
        text.put("city", CITIES[r.nextInt(CITIES.length)]);
        List<String> keywords = new ArrayList<>(3);
        int tags = r.nextInt(3);
        for (int t = 0; t < tags; t++) {
            String tag = TAGS[r.nextInt(TAGS.length)];
            if (!keywords.contains(tag)) {
                keywords.add(tag);
            }
        }
        keywords.add(phone);
        return new SearchDocument(TYPE, Integer.toString(i), name, phone + " · " + channel, text, keywords);
    }

    static String name(SplittableRandom r) {
        StringBuilder b = new StringBuilder().append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int given = r.nextInt(3) == 0 ? 1 : 2;
        for (int g = 0; g < given; g++) {
            b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    /** As the demo's guides write them: "两只布偶猫，挑食", "一只金毛，8岁，关节不好". */
    static String remark(SplittableRandom r) {
        boolean cat = r.nextBoolean();
        String breed = cat ? CAT_BREEDS[r.nextInt(CAT_BREEDS.length)] : DOG_BREEDS[r.nextInt(DOG_BREEDS.length)];
        int ageKind = r.nextInt(4);
        String age = ageKind == 0 ? (cat ? "，4个月" : "，5个月") : ageKind == 1 ? "，" + (8 + r.nextInt(6)) + "岁" : "";
        String[] notes = cat ? CAT_NOTES : DOG_NOTES;
        String remark = COUNTS[r.nextInt(COUNTS.length)] + breed + age + "，" + notes[r.nextInt(notes.length)];
        if (r.nextInt(5_000) == 0) {
            remark += "，" + RARE_NOTES[r.nextInt(RARE_NOTES.length)];
        }
        return remark;
    }

    static String nickname(SplittableRandom r) {
        String pet = PET_NAMES[r.nextInt(PET_NAMES.length)];
        boolean female = r.nextBoolean();
        return switch (r.nextInt(5)) {
            case 0 -> pet + (female ? "妈妈" : "爸爸");
            case 1 -> pet + "的铲屎官";
            case 2 -> pet + "家";
            case 3 -> "爱" + pet + "的" + (female ? "小仙女" : "大叔");
            default -> pet;
        };
    }

    /** What a user types, and which kind of query it is. */
    public record Query(String kind, String text) {
    }

    static final String NAME_FRAGMENT = "name fragment (2 characters)";
    static final String FULL_NAME = "full name";
    static final String PHONE_TAIL = "last 4 phone digits";
    static final String COMMON = "common remark word";
    static final String RARE = "rare remark word";
    static final String OTHER = "nickname, city, tag";

    /**
     * The fixed query set: 8 name fragments, 8 full names and 8 phone tails taken from documents spread over the ids
     * (so each has at least one match), 8 common remark words (a few % to a third of the documents), the 4 rare ones
     * (about one document in 20,000 each) and a nickname, a city and a tag.
     */
    public static List<Query> queries(long seed, int documents) {
        List<Query> queries = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            SearchDocument d = document(seed, 1 + (int) ((long) documents * k / 8) + 7);
            String name = d.title();
            queries.add(new Query(NAME_FRAGMENT, name.substring(name.length() - 2)));
        }
        for (int k = 0; k < 8; k++) {
            queries.add(new Query(FULL_NAME, document(seed, 1 + (int) ((long) documents * k / 8) + 3).title()));
        }
        for (int k = 0; k < 8; k++) {
            String phone = document(seed, 1 + (int) ((long) documents * k / 8) + 5).keywords().getLast();
            queries.add(new Query(PHONE_TAIL, phone.substring(phone.length() - 4)));
        }
        for (String w : List.of("两只", "布偶猫", "金毛", "挑食", "关节不好", "喜欢冻干", "刚绝育", "拉布拉多")) {
            queries.add(new Query(COMMON, w));
        }
        for (String w : List.of("过敏", "宠物展", "领养", "术后恢复")) {
            queries.add(new Query(RARE, w));
        }
        for (String w : List.of("布丁妈妈", "杭州", "VIP")) {
            queries.add(new Query(OTHER, w));
        }
        return List.copyOf(queries);
    }

    /** The kinds in report order. */
    static List<String> kinds() {
        return List.of(NAME_FRAGMENT, FULL_NAME, PHONE_TAIL, COMMON, RARE, OTHER);
    }
}
