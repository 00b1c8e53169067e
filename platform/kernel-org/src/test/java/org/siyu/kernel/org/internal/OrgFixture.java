package org.siyu.kernel.org.internal;

import java.time.Clock;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.OrgUnit.Kind;
import org.siyu.api.org.Staff;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * A small organisation on the real migrations: 总部 hq → 华东 east → 静安店 sh-jingan, 徐汇店 sh-xuhui; hq → 华南 south →
 * 天河店 gz-tianhe. Staff: 王芳 g1 (sh-jingan), 李娜 g2 (sh-xuhui), 张伟 g3 (gz-tianhe), region manager 刘洋 m1 (east).
 */
public final class OrgFixture implements AutoCloseable {

    public final TestPersistenceUnit unit = TestPersistenceUnit.of(new OrgEntities());
    public final RecordingBus bus = new RecordingBus();
    public final Org org = new Org(unit, bus, Clock.systemUTC());

    public OrgFixture withStores() {
        org.saveUnit(new OrgUnit("east", "hq", "华东大区", Kind.REGION), "admin");
        org.saveUnit(new OrgUnit("sh-jingan", "east", "上海静安店", Kind.STORE), "admin");
        org.saveUnit(new OrgUnit("sh-xuhui", "east", "上海徐汇店", Kind.STORE), "admin");
        org.saveUnit(new OrgUnit("south", "hq", "华南大区", Kind.REGION), "admin");
        org.saveUnit(new OrgUnit("gz-tianhe", "south", "广州天河店", Kind.STORE), "admin");
        org.saveStaff(new Staff("g1", "王芳", "sh-jingan", "wangfang", true), "admin");
        org.saveStaff(new Staff("g2", "李娜", "sh-xuhui", null, true), "admin");
        org.saveStaff(new Staff("g3", "张伟", "gz-tianhe", null, true), "admin");
        org.saveStaff(new Staff("m1", "刘洋", "east", "liuyang", true), "admin");
        return this;
    }

    @Override
    public void close() {
        org.deactivate();
        unit.close();
    }
}
