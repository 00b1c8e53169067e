package org.siyu.demo.internal;

import java.util.List;
import java.util.Random;

/** The brand's regions and stores, and the cities its customers live in (with how many of them live there). */
final class Places {

    record Region(String id, String name) {
    }

    /** A store: its code, name, region and city; {@code ipad} when its shop iPad's phone is used to register customers. */
    record Store(String id, String name, String region, String city, int guides, boolean ipad) {
    }

    /** A city, its region, and its weight among the customers. */
    record City(String name, String region, int weight) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("east", "华东大区"), new Region("south", "华南大区"),
            new Region("north", "华北大区"), new Region("southwest", "西南大区"));

    static final List<Store> STORES = List.of(
            new Store("sh-jingan", "上海静安嘉里中心店", "east", "上海", 4, true),
            new Store("sh-xuhui", "上海徐汇港汇店", "east", "上海", 3, false),
            new Store("hz-xihu", "杭州西湖银泰店", "east", "杭州", 3, false),
            new Store("nj-xinjiekou", "南京新街口德基店", "east", "南京", 2, false),
            new Store("sz-guanqian", "苏州观前街店", "east", "苏州", 2, false),
            new Store("gz-tianhe", "广州天河太古汇店", "south", "广州", 3, true),
            new Store("sz-nanshan", "深圳南山万象天地店", "south", "深圳", 4, false),
            new Store("xm-siming", "厦门思明中山路店", "south", "厦门", 2, false),
            new Store("bj-chaoyang", "北京朝阳三里屯店", "north", "北京", 4, false),
            new Store("bj-haidian", "北京海淀五道口店", "north", "北京", 2, true),
            new Store("tj-heping", "天津和平大悦城店", "north", "天津", 2, false),
            new Store("cd-chunxi", "成都春熙路IFS店", "southwest", "成都", 3, false),
            new Store("cq-jiefangbei", "重庆解放碑店", "southwest", "重庆", 2, false));

    /** Store cities first; the others have no store (their customers buy online). */
    static final List<City> CITIES = List.of(
            new City("上海", "east", 160), new City("杭州", "east", 70), new City("南京", "east", 50),
            new City("苏州", "east", 45), new City("广州", "south", 90), new City("深圳", "south", 100),
            new City("厦门", "south", 30), new City("北京", "north", 140), new City("天津", "north", 35),
            new City("成都", "southwest", 75), new City("重庆", "southwest", 50),
            new City("武汉", "central", 40), new City("西安", "northwest", 30), new City("长沙", "central", 25),
            new City("宁波", "east", 20), new City("青岛", "north", 20), new City("合肥", "east", 15),
            new City("郑州", "central", 15), new City("昆明", "southwest", 15), new City("福州", "south", 15));

    private static final int CITY_WEIGHT = CITIES.stream().mapToInt(City::weight).sum();

    private Places() {
    }

    static City city(Random random) {
        int pick = random.nextInt(CITY_WEIGHT);
        for (City city : CITIES) {
            pick -= city.weight();
            if (pick < 0) {
                return city;
            }
        }
        return CITIES.getFirst();
    }

    static List<Store> storesIn(String city) {
        return STORES.stream().filter(s -> s.city().equals(city)).toList();
    }

    /** The staff id of a store's n-th guide (1-based): {@code sh-jingan-g1}. */
    static String guide(Store store, int n) {
        return store.id() + "-g" + n;
    }

    /** The shop iPad's phone of a store (a fixed, valid mainland mobile number per store). */
    static String ipadPhone(Store store) {
        return "+86139" + String.format("%08d", 20_240_000 + STORES.indexOf(store));
    }
}
