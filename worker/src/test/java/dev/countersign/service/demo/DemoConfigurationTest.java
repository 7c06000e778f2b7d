package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.Tool;
import dev.countersign.service.security.ReadScope;
import dev.countersign.service.security.TaskAccess;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

class DemoConfigurationTest {

    private final DemoDatabase database = new DemoDatabase();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(DataSource.class, database::dataSource)
            .withBean(TaskAccess.class, DemoConfigurationTest::taskAccess)
            .withUserConfiguration(DemoConfiguration.class);

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theDemoIsOnUnlessSwitchedOff() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(Tool.class))
                    .containsOnlyKeys("lookupOrderTool", "issueRefundTool", "sendEmailTool");
            assertThat(context.getBean(AgentModel.class).agent()).isEqualTo("support");
            assertThat(context).hasSingleBean(DemoLedger.class).hasSingleBean(DemoLedgerController.class);
            assertThat(database.count("orders")).isEqualTo(5);
        });
    }

    @Test
    void switchingTheDemoOffLeavesNoDemoBeans() {
        runner.withPropertyValues("countersign.demo.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Tool.class).doesNotHaveBean(AgentModel.class);
            assertThat(context).doesNotHaveBean(DemoLedgerController.class).doesNotHaveBean(DemoSchema.class);
        });
    }

    @Test
    void aComponentScanOfThePackageGivesOneLedgerController() {
        new ApplicationContextRunner()
                .withBean(DataSource.class, database::dataSource)
                .withBean(TaskAccess.class, DemoConfigurationTest::taskAccess)
                .withUserConfiguration(ScanningApplication.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DemoLedgerController.class);
                    assertThat(context.getBeansOfType(Tool.class)).hasSize(3);
                });
    }

    @Test
    void aComponentScanWithTheDemoOffBringsInNoController() {
        new ApplicationContextRunner()
                .withBean(DataSource.class, database::dataSource)
                .withBean(TaskAccess.class, DemoConfigurationTest::taskAccess)
                .withUserConfiguration(ScanningApplication.class)
                .withPropertyValues("countersign.demo.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DemoLedgerController.class);
                });
    }

    private static TaskAccess taskAccess() {
        return new TaskAccess(ReadScope.INVOLVED, List.of("operators"), List.of("admins"));
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackageClasses = DemoConfiguration.class,
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
                            classes = {DemoConfiguration.class, DemoLedgerController.class}))
    static class ScanningApplication {}
}
