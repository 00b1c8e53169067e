package org.siyu.kernel.imports.internal.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses each column's target from its header, in Chinese or English, the way marketplace and Excel exports name
 * them: an exact name first (手机号, unionid, 标签, 淘宝旺旺…), then a name that contains a telling word (联系手机,
 * 客户备注) — only words that do not also name other data (淘宝订单号 is not a buyer, 活动时间 not a campaign). A channel that is not registered is never guessed; a trait goes to the first column that names it only;
 * anything else is ignored, for the user to map by hand.
 */
public final class MappingGuess {

    /** A rule: the target, the exact names, the words a name may contain. Compared without case, spaces, _ - ( ). */
    private record Rule(Target target, Set<String> exact, List<String> contains) {
    }

    private static final List<Rule> RULES = List.of(
            rule(Target.identity("phone"), List.of("手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式",
                    "移动电话", "phone", "mobile", "mobilephone", "phonenumber", "cellphone", "tel", "telephone"),
                    List.of("手机", "电话", "phone", "mobile")),
            rule(Target.identity("wechat"), List.of("unionid", "微信unionid", "wechatunionid", "wxunionid"),
                    List.of("unionid")),
            rule(Target.identity("wechat-mp"), List.of("公众号openid", "mpopenid", "服务号openid"),
                    List.of()),
            rule(Target.identity("mini"), List.of("小程序openid", "miniopenid", "miniprogramopenid"), List.of()),
            rule(Target.identity("wecom"), List.of("企业微信", "企微", "externaluserid", "企业微信id", "企微id",
                    "企业微信外部联系人", "wecom", "wecomid"), List.of("externaluserid", "企业微信", "企微")),
            rule(Target.identity("tmall"), List.of("淘宝旺旺", "旺旺", "旺旺号", "旺旺名", "买家旺旺", "淘宝", "天猫",
                    "买家昵称", "买家会员名", "淘宝账号", "tmall", "taobao", "buyernick", "wangwang"),
                    List.of("旺旺", "tmall", "taobao")),
            rule(Target.identity("jd"), List.of("京东", "京东账号", "京东pin", "jd", "jdpin", "pin"), List.of()),
            rule(Target.identity("douyin"), List.of("抖音", "抖音号", "抖音openid", "douyin", "douyinopenid"),
                    List.of("抖音", "douyin")),
            rule(Target.identity("store-card"), List.of("会员卡号", "会员卡", "门店会员卡", "卡号", "storecard", "cardno",
                    "cardnumber", "membercard"), List.of("会员卡")),
            rule(Target.TAGS, List.of("标签", "客户标签", "用户标签", "tags", "tag", "labels", "label"),
                    List.of("标签", "tags")),
            rule(Target.trait("nickname"), List.of("昵称", "微信昵称", "客户昵称", "nickname", "nick"), List.of("昵称")),
            rule(Target.trait("name"), List.of("姓名", "名字", "客户姓名", "客户名称", "客户名", "收货人", "联系人", "name",
                    "fullname", "customername", "customer"), List.of("姓名")),
            rule(Target.trait("gender"), List.of("性别", "gender", "sex"), List.of("性别")),
            rule(Target.trait("city"), List.of("城市", "所在城市", "所在地", "city"), List.of("城市")),
            rule(Target.trait("remark"), List.of("备注", "说明", "备注信息", "remark", "remarks", "note", "notes",
                    "comment", "memo"), List.of("备注")),
            rule(Target.trait("campaign"), List.of("活动", "来源活动", "渠道活动", "活动名称", "campaign", "utmcampaign"),
                    List.of("campaign")));

    private MappingGuess() {
    }

    private static Rule rule(Target target, List<String> exact, List<String> contains) {
        return new Rule(target, Set.copyOf(exact), contains);
    }

    /** The guessed mapping of {@code headers}, given the registered channels. May have no identity column. */
    public static Mapping guess(List<String> headers, Set<String> channels) {
        List<Target> targets = new ArrayList<>();
        Set<String> traitsTaken = new HashSet<>();
        for (String header : headers) {
            Target target = guess(header, channels);
            if (target.kind() == Target.Kind.TRAIT && !traitsTaken.add(target.name())) {
                target = Target.IGNORE;
            }
            targets.add(target);
        }
        return new Mapping(headers, targets);
    }

    /** The target one header suggests, or {@link Target#IGNORE}. */
    public static Target guess(String header, Set<String> channels) {
        String key = normalize(header);
        if (key.isEmpty()) {
            return Target.IGNORE;
        }
        for (Rule rule : RULES) {
            if (rule.exact().contains(key) && usable(rule.target(), channels)) {
                return rule.target();
            }
        }
        for (Rule rule : RULES) {
            if (usable(rule.target(), channels) && rule.contains().stream().anyMatch(key::contains)) {
                return rule.target();
            }
        }
        // a channel registered by another bundle, named by its id ("kuaishou")
        if (channels.contains(key)) {
            return Target.identity(key);
        }
        return Target.IGNORE;
    }

    private static boolean usable(Target target, Set<String> channels) {
        return target.kind() != Target.Kind.IDENTITY || channels.contains(target.name());
    }

    /** Lower case without white space, {@code _ - . ( ) （ ）} and a trailing {@code (2)} of a repeated header. */
    static String normalize(String header) {
        String h = header.replaceAll("\\s*\\(\\d+\\)$", "").toLowerCase(Locale.ROOT);
        return h.replaceAll("[\\s_\\-.()（）:：]", "");
    }
}
