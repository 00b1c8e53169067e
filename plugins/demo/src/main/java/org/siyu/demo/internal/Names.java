package org.siyu.demo.internal;

import java.util.Random;

/**
 * Chinese names. Surnames are drawn by their share of the population (the 2020 census ranking: 王 and 李 about 7 %
 * each, 张 6.7 %, 刘 5.4 %, 陈 4.5 %, … the hundredth about 0.2 %), over the hundred most common ones and two
 * compound ones (欧阳, 上官), which together name about 85 % of people; given names are one or two characters from
 * lists that differ for women and men.
 */
final class Names {

    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
            + "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 "
            + "熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 上官").split(" ");
    /** Per mille of the population, in the order of {@link #SURNAMES}. */
    private static final int[] PER_MILLE = {71, 70, 67, 54, 45, 31, 22, 20, 20, 19, 15, 15, 12, 12, 11, 11, 11, 10,
            10, 9, 8, 8, 8, 7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
            4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1};
    private static final int TOTAL;

    static {
        if (PER_MILLE.length != SURNAMES.length) {
            throw new IllegalStateException(SURNAMES.length + " surnames but " + PER_MILLE.length + " shares");
        }
        int sum = 0;
        for (int share : PER_MILLE) {
            sum += share;
        }
        TOTAL = sum;
    }

    private static final String[] FEMALE = ("婷 静 丽 敏 燕 艳 娟 霞 芳 玲 琳 雪 慧 欣 怡 佳 悦 晨 萱 彤 瑶 雯 倩 颖 露 莹 思 梦 诗 雨 "
            + "嘉 可 心 子 若 安 晓 妍 蕾 璐 楠 娜 琪 薇 洁 月 茜 宁 蓉 岚").split(" ");
    private static final String[] MALE = ("伟 强 磊 军 洋 勇 杰 涛 明 超 斌 浩 鹏 宇 博 俊 帅 凯 健 峰 晨 轩 睿 泽 宁 航 飞 文 华 建 "
            + "辉 亮 刚 平 波 毅 鑫 昊 然 一 子 天 志 新 立 嘉 阳 晖 瑞 林").split(" ");

    private Names() {
    }

    static String surname(Random random) {
        int pick = random.nextInt(TOTAL);
        for (int i = 0; i < SURNAMES.length; i++) {
            pick -= PER_MILLE[i];
            if (pick < 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }

    /** A full name: surname and a given name of one character (a quarter of people) or two. */
    static String name(Random random, boolean female) {
        String[] pool = female ? FEMALE : MALE;
        String given = pool[random.nextInt(pool.length)];
        if (random.nextInt(4) != 0) {
            given += pool[random.nextInt(pool.length)];
        }
        return surname(random) + given;
    }

    /** How many surnames there are to draw from (tests). */
    static int surnames() {
        return SURNAMES.length;
    }
}
